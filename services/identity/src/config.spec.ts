import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '@vouch/platform';
import { identityEnvironment, passwordSignInEnabled } from './config';

const pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const randomSecret = () => randomBytes(32).toString('base64url');

/** What a production deployment sets: its own secrets, generated. */
const productionSecrets = () => ({
  NODE_ENV: 'production',
  DATABASE_URL: `postgres://identity:${randomBytes(24).toString('hex')}@postgres.acme.internal:5432/identity`,
  JWT_PRIVATE_KEYS: pem(),
  INVITATION_SECRET: randomSecret(),
  KAFKA_TLS: 'true',
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'identity',
  KAFKA_SASL_PASSWORD: randomSecret(),
});

describe('identity configuration', () => {
  it('fails at boot, naming the variable, when the SMTP login is incomplete', () => {
    expect(() =>
      loadConfig(identityEnvironment, { SMTP_URL: 'smtps://smtp.acme.com', SMTP_USERNAME: 'relay' }),
    ).toThrow(/SMTP_PASSWORD: SMTP_PASSWORD is required with SMTP_AUTH=password/);
  });

  it('works with no variables at all, as npm start runs it', () => {
    const environment = loadConfig(identityEnvironment, {});
    expect(environment).toMatchObject({
      PORT: 3001,
      JWT_TTL_SECONDS: 900,
      ALLOWED_EMAIL_DOMAINS: [],
      ADMIN_EMAILS: [],
      TRUSTED_PROXIES: [],
    });
    expect(environment.JWT_PRIVATE_KEYS).toBeUndefined();
  });

  it('reads several signing keys from one variable, newest first, with escaped newlines too', () => {
    const [newest, previous] = [pem(), pem()];
    const environment = loadConfig(identityEnvironment, {
      JWT_PRIVATE_KEYS: `${newest}\n${previous}`.replace(/\n/g, '\\n'),
    });
    expect(environment.JWT_PRIVATE_KEYS).toEqual([newest.trim(), previous.trim()]);
  });

  it('lower-cases admin emails and allowed domains', () => {
    const environment = loadConfig(identityEnvironment, {
      ADMIN_EMAILS: ' Boss@Acme.com ,ops@acme.com',
      ALLOWED_EMAIL_DOMAINS: 'ACME.com',
    });
    expect(environment.ADMIN_EMAILS).toEqual(['boss@acme.com', 'ops@acme.com']);
    expect(environment.ALLOWED_EMAIL_DOMAINS).toEqual(['acme.com']);
  });

  it('fails at boot, naming the variable, when a signing key is no PKCS#8 PEM', () => {
    expect(() => loadConfig(identityEnvironment, { JWT_PRIVATE_KEYS: 'secret' })).toThrow(
      /JWT_PRIVATE_KEYS: no PKCS#8 PEM/,
    );
  });

  it('fails at boot when keys come from both the variable and a file', () => {
    expect(() =>
      loadConfig(identityEnvironment, { JWT_PRIVATE_KEYS: pem(), JWT_PRIVATE_KEY_FILE: '/run/keys.pem' }),
    ).toThrow(ConfigError);
  });

  it('fails at boot when a token would live less than a minute', () => {
    expect(() => loadConfig(identityEnvironment, { JWT_TTL_SECONDS: '5' })).toThrow(/JWT_TTL_SECONDS/);
  });

  it.each([
    ['SCIM_ADMIN_GROUP', 'Vouch Admins'],
    ['SCIM_HR_GROUP', 'Vouch HR'],
  ] as const)('gives a role to the members of the group %s names, by default "%s"', (variable, fallback) => {
    expect(loadConfig(identityEnvironment, {})[variable]).toBe(fallback);
    expect(loadConfig(identityEnvironment, { [variable]: '' })[variable]).toBe(fallback);
    expect(loadConfig(identityEnvironment, { [variable]: ' Ops ' })[variable]).toBe('Ops');
    expect(() => loadConfig(identityEnvironment, { [variable]: '   ' })).toThrow(new RegExp(variable));
  });

  it('turns SCIM off without SCIM_TOKEN and refuses a token too short to be a secret', () => {
    expect(loadConfig(identityEnvironment, {}).SCIM_TOKEN).toBeUndefined();
    expect(() => loadConfig(identityEnvironment, { SCIM_TOKEN: 'short' })).toThrow(/SCIM_TOKEN/);
    expect(loadConfig(identityEnvironment, { SCIM_TOKEN: 'x'.repeat(32) }).SCIM_TOKEN).toBe('x'.repeat(32));
  });

  it('needs INVITATION_SECRET in production only, and invitations last 14 days unless told', () => {
    const production = productionSecrets();
    const { INVITATION_SECRET: secret, ...withoutSecret } = production;
    expect(() => loadConfig(identityEnvironment, withoutSecret)).toThrow(/INVITATION_SECRET/);
    expect(
      loadConfig(identityEnvironment, { ...production, ALLOWED_EMAIL_DOMAINS: 'acme.com' }),
    ).toMatchObject({ INVITATION_SECRET: secret, INVITATION_TTL_DAYS: 14 });
    expect(loadConfig(identityEnvironment, {}).INVITATION_SECRET).toBeUndefined();
    expect(() => loadConfig(identityEnvironment, { INVITATION_SECRET: 'short' })).toThrow(
      /INVITATION_SECRET/,
    );
    expect(loadConfig(identityEnvironment, { INVITATION_TTL_DAYS: '3' }).INVITATION_TTL_DAYS).toBe(3);
  });

  it('turns password sign-in on unless an OpenID Connect provider is configured, or AUTH_PASSWORD_ENABLED says', () => {
    expect(passwordSignInEnabled(loadConfig(identityEnvironment, {}))).toBe(true);
    expect(passwordSignInEnabled(loadConfig(identityEnvironment, { AUTH_PASSWORD_ENABLED: 'false' }))).toBe(
      false,
    );
    expect(passwordSignInEnabled({ OIDC_ISSUER: 'https://login.acme.com' })).toBe(false);
    expect(
      passwordSignInEnabled({ OIDC_ISSUER: 'https://login.acme.com', AUTH_PASSWORD_ENABLED: true }),
    ).toBe(true);
    expect(() => loadConfig(identityEnvironment, { AUTH_PASSWORD_ENABLED: 'perhaps' })).toThrow(
      /AUTH_PASSWORD_ENABLED/,
    );
  });

  it('fails at boot in production when password sign-up is on and any email domain may sign up', () => {
    const production = productionSecrets();
    expect(() => loadConfig(identityEnvironment, production)).toThrow(/ALLOWED_EMAIL_DOMAINS is required/);
    expect(
      loadConfig(identityEnvironment, { ...production, ALLOWED_EMAIL_DOMAINS: 'acme.com' }),
    ).toMatchObject({
      ALLOWED_EMAIL_DOMAINS: ['acme.com'],
    });
    expect(
      loadConfig(identityEnvironment, { ...production, AUTH_PASSWORD_ENABLED: 'false' })
        .ALLOWED_EMAIL_DOMAINS,
    ).toEqual([]);
    // With single sign-on configured, passwords are off unless kept, and then need the domains again.
    const withSso = {
      ...production,
      OIDC_ISSUER: 'https://login.acme.com',
      OIDC_CLIENT_ID: 'vouch',
      OIDC_CLIENT_SECRET: randomSecret(),
    };
    expect(passwordSignInEnabled(loadConfig(identityEnvironment, withSso))).toBe(false);
    expect(() => loadConfig(identityEnvironment, { ...withSso, AUTH_PASSWORD_ENABLED: 'true' })).toThrow(
      /ALLOWED_EMAIL_DOMAINS is required/,
    );
  });

  it('sends account emails through the same SMTP and sender as notifications, with links to PUBLIC_URL', () => {
    expect(loadConfig(identityEnvironment, { PUBLIC_URL: 'https://vouch.acme.com/' })).toMatchObject({
      SMTP_URL: 'smtp://127.0.0.1:1025',
      PUBLIC_URL: 'https://vouch.acme.com',
      MAIL_FROM_ADDRESS: 'vouch@vouch.localhost',
      EMAIL_CONFIRMATION_TTL_HOURS: 24,
      PASSWORD_RESET_TTL_MINUTES: 60,
    });
  });

  describe('in production (NODE_ENV=production), refuses to start naming the variable', () => {
    const start = (environment: Record<string, string>) => () =>
      loadConfig(identityEnvironment, { ALLOWED_EMAIL_DOMAINS: 'acme.com', ...environment });

    it('starts with generated secrets', () => {
      expect(start(productionSecrets())).not.toThrow();
    });

    it('without signing keys, unless they come from JWT_PRIVATE_KEY_FILE', () => {
      const { JWT_PRIVATE_KEYS: _keys, ...production } = productionSecrets();
      expect(start(production)).toThrow(/JWT_PRIVATE_KEYS: JWT_PRIVATE_KEYS is required in production/);
      expect(start({ ...production, JWT_PRIVATE_KEY_FILE: '/run/secrets/jwt.pem' })).not.toThrow();
    });

    it('with the default database URL, or a database password equal to its role or published', () => {
      const production = productionSecrets();
      const { DATABASE_URL: _url, ...withoutUrl } = production;
      expect(start(withoutUrl)).toThrow(/DATABASE_URL: .*equals the role name/);
      expect(
        start({ ...production, DATABASE_URL: 'postgres://identity:identity@postgres:5432/identity' }),
      ).toThrow(/DATABASE_URL: .*equals the role name/);
      expect(
        start({ ...production, DATABASE_URL: 'postgres://identity:REPLACE_ME@postgres:5432/identity' }),
      ).toThrow(/DATABASE_URL: .*published/);
    });

    it('with a SCIM token, OIDC client secret or invitation secret that is short or published', () => {
      const production = productionSecrets();
      expect(start({ ...production, SCIM_TOKEN: 'REPLACE_ME' })).toThrow(/SCIM_TOKEN/);
      expect(
        start({ ...production, INVITATION_SECRET: 'local-development-invitation-secret-not-a-secret' }),
      ).toThrow(/INVITATION_SECRET: .*published/);
      const sso = { OIDC_ISSUER: 'https://login.acme.com', OIDC_CLIENT_ID: 'vouch' };
      expect(start({ ...production, ...sso, OIDC_CLIENT_SECRET: 'a-client-secret' })).toThrow(
        /OIDC_CLIENT_SECRET: .*published/,
      );
      expect(start({ ...production, ...sso, OIDC_CLIENT_SECRET: 'short' })).toThrow(/OIDC_CLIENT_SECRET/);
      expect(start({ ...production, ...sso, OIDC_CLIENT_SECRET: randomSecret() })).not.toThrow();
    });
  });
});
