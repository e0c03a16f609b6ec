import { randomBytes } from 'node:crypto';
import { loadConfig } from '@vouch/platform';
import { notificationsEnvironment, unsubscribeSecretOf } from './config';
import * as config from './config';

const randomSecret = () => randomBytes(32).toString('base64url');

/** What a production deployment sets: its own secrets, generated. */
const production = () => ({
  NODE_ENV: 'production',
  DATABASE_URL: `postgres://notifications:${randomBytes(24).toString('hex')}@postgres:5432/notifications`,
  UNSUBSCRIBE_SECRET: randomSecret(),
  INVITATION_SECRET: randomSecret(),
  KAFKA_TLS: 'true',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'notifications',
  KAFKA_SASL_PASSWORD: randomSecret(),
});

describe('the unsubscribe secret', () => {
  it('has no default in the code: unset, each process makes its own', () => {
    expect(Object.keys(config)).not.toContain('DEVELOPMENT_UNSUBSCRIBE_SECRET');
    const environment = loadConfig(notificationsEnvironment, {});
    expect(environment.UNSUBSCRIBE_SECRET).toBeUndefined();
    const first = unsubscribeSecretOf(environment);
    expect(first.generated).toBe(true);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(unsubscribeSecretOf(environment).secret).not.toBe(first.secret);
  });

  it('is the configured one when set', () => {
    const secret = randomSecret();
    expect(unsubscribeSecretOf(loadConfig(notificationsEnvironment, { UNSUBSCRIBE_SECRET: secret }))).toEqual(
      {
        secret,
        generated: false,
      },
    );
  });

  it('in production, starts with generated secrets', () => {
    expect(() => loadConfig(notificationsEnvironment, production())).not.toThrow();
  });

  it('in production, refuses to start without it, naming it', () => {
    const { UNSUBSCRIBE_SECRET: _secret, ...withoutSecret } = production();
    expect(() => loadConfig(notificationsEnvironment, withoutSecret)).toThrow(
      /UNSUBSCRIBE_SECRET: UNSUBSCRIBE_SECRET is required in production/,
    );
  });

  it('in production, refuses the values the repository published, and short ones', () => {
    for (const published of [
      'vouch-development-unsubscribe-secret-change-me',
      'compose-development-unsubscribe-secret',
      'local-development-unsubscribe-secret',
    ]) {
      expect(() =>
        loadConfig(notificationsEnvironment, { ...production(), UNSUBSCRIBE_SECRET: published }),
      ).toThrow(/UNSUBSCRIBE_SECRET: .*published/);
    }
    expect(() =>
      loadConfig(notificationsEnvironment, { ...production(), UNSUBSCRIBE_SECRET: 's'.repeat(20) }),
    ).toThrow(/UNSUBSCRIBE_SECRET must be at least 32 characters/);
    expect(() =>
      loadConfig(notificationsEnvironment, {
        ...production(),
        UNSUBSCRIBE_PREVIOUS_SECRETS: `${randomSecret()},local-development-unsubscribe-secret`,
      }),
    ).toThrow(/UNSUBSCRIBE_PREVIOUS_SECRETS/);
  });

  it('in production, refuses a database password equal to the role name, as compose had it', () => {
    expect(() =>
      loadConfig(notificationsEnvironment, {
        ...production(),
        DATABASE_URL: 'postgres://notifications:notifications@postgres:5432/notifications',
      }),
    ).toThrow(/DATABASE_URL: the database password in DATABASE_URL equals the role name/);
  });
});

describe('the SMTP settings', () => {
  it('fail at boot, naming the variable, when the login they choose is incomplete or unsafe', () => {
    const oauth2 = {
      SMTP_URL: 'smtp://smtp.office365.com:587',
      SMTP_AUTH: 'oauth2-client-credentials',
      SMTP_USERNAME: 'vouch@contoso.com',
      SMTP_OAUTH_TENANT_ID: 'contoso.onmicrosoft.com',
      SMTP_OAUTH_CLIENT_ID: '6731de76-14a6-49ae-97bc-6eba6914391e',
    };
    expect(() => loadConfig(notificationsEnvironment, oauth2)).toThrow(
      /SMTP_REQUIRE_TLS: OAuth2 sends a bearer token[\s\S]*SMTP_OAUTH_CLIENT_SECRET: SMTP_OAUTH_CLIENT_SECRET is required/,
    );
    expect(() =>
      loadConfig(notificationsEnvironment, {
        ...production(),
        SMTP_URL: 'smtps://relay:changeme@smtp.acme.com',
      }),
    ).toThrow(/SMTP_PASSWORD: SMTP_PASSWORD is a value published in the Vouch repository/);
  });
});

describe('the pause while SMTP is unavailable', () => {
  it('fails at boot, naming the variable, when its longest pause is shorter than its first', () => {
    expect(() =>
      loadConfig(notificationsEnvironment, {
        SENDER_OUTAGE_PAUSE_MS: '5000',
        SENDER_OUTAGE_MAX_PAUSE_MS: '1000',
      }),
    ).toThrow(/SENDER_OUTAGE_MAX_PAUSE_MS: at least SENDER_OUTAGE_PAUSE_MS/);
  });
});

describe('the retention of the delivery history', () => {
  it('keeps deliveries 90 days, reminders 30 and reciprocity nudges a year unless told otherwise', () => {
    const environment = loadConfig(notificationsEnvironment, {});
    expect([
      environment.DELIVERY_RETENTION_DAYS,
      environment.REQUEST_REMINDER_RETENTION_DAYS,
      environment.RECIPROCITY_LEDGER_RETENTION_DAYS,
    ]).toEqual([90, 30, 365]);
  });

  it.each([
    'DELIVERY_RETENTION_DAYS',
    'REQUEST_REMINDER_RETENTION_DAYS',
    'RECIPROCITY_LEDGER_RETENTION_DAYS',
  ])(
    'refuses to boot, naming %s, when it is shorter than the 7 days a topic could redeliver an event',
    (name) => {
      expect(() => loadConfig(notificationsEnvironment, { [name]: '6' })).toThrow(
        new RegExp(`${name}: ${name} is at least 7 days`),
      );
      expect(() => loadConfig(notificationsEnvironment, { [name]: '7.5' })).toThrow(
        new RegExp(`${name}: ${name} is a whole number of days`),
      );
      expect(loadConfig(notificationsEnvironment, { [name]: '7' })[name as 'DELIVERY_RETENTION_DAYS']).toBe(
        7,
      );
    },
  );
});

describe('the working hours', () => {
  it('are 08:00 to 20:00 every day unless told otherwise', () => {
    const environment = loadConfig(notificationsEnvironment, {});
    expect(environment.WORKING_HOURS).toEqual({ start: 8 * 60, end: 20 * 60 });
    expect([...environment.WORKING_DAYS]).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const weekdays = loadConfig(notificationsEnvironment, {
      WORKING_HOURS: '09:30-18:00',
      WORKING_DAYS: 'Mon-Fri',
      DIGEST_HOUR: '10',
    });
    expect(weekdays.WORKING_HOURS).toEqual({ start: 9 * 60 + 30, end: 18 * 60 });
    expect([...weekdays.WORKING_DAYS]).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
  });

  it('refuse to boot, naming the variable, when they cannot be read or end before they start', () => {
    expect(() => loadConfig(notificationsEnvironment, { WORKING_HOURS: '8-20' })).toThrow(
      /WORKING_HOURS: working hours as HH:MM-HH:MM/,
    );
    expect(() => loadConfig(notificationsEnvironment, { WORKING_HOURS: '20:00-08:00' })).toThrow(
      /WORKING_HOURS: the start before the end/,
    );
    expect(() => loadConfig(notificationsEnvironment, { WORKING_DAYS: 'weekdays' })).toThrow(
      /WORKING_DAYS: day names/,
    );
  });

  it('must include the digest hour, or the digest would go out in the quiet hours', () => {
    expect(() => loadConfig(notificationsEnvironment, { DIGEST_HOUR: '7' })).toThrow(
      /DIGEST_HOUR: within WORKING_HOURS: the digest goes out at that hour/,
    );
    expect(() =>
      loadConfig(notificationsEnvironment, { DIGEST_HOUR: '7', WORKING_HOURS: '07:00-19:00' }),
    ).not.toThrow();
  });
});
