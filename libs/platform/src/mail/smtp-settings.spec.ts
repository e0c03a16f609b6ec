import { z } from 'zod';
import { loadConfig } from '../config/load-config';
import { productionSecrets } from '../config/production-secrets';
import { mailEnvironment } from './mail-environment';
import { smtpSecretRules, smtpSettingsOf, smtpSettingsValid, type SmtpEnvironment } from './smtp-settings';
import { smtpTransportOptions } from './smtp-transport-options';

const schema = mailEnvironment
  .extend({ NODE_ENV: z.string().optional() })
  .superRefine(smtpSettingsValid)
  .superRefine(productionSecrets<SmtpEnvironment>(smtpSecretRules));

const settingsOf = (environment: Record<string, string>) => smtpSettingsOf(loadConfig(schema, environment));
const problemsOf = (environment: Record<string, string>): string => {
  try {
    loadConfig(schema, environment);
  } catch (error: unknown) {
    return (error as Error).message;
  }
  return '';
};

const generated = 'Zq8sX2vR7tLmN4pK9wYc3bHf6dJg1aEu';
const microsoft365 = {
  SMTP_URL: 'smtp://smtp.office365.com:587',
  SMTP_AUTH: 'oauth2-client-credentials',
  SMTP_REQUIRE_TLS: 'true',
  SMTP_USERNAME: 'vouch@contoso.com',
  SMTP_OAUTH_TENANT_ID: 'contoso.onmicrosoft.com',
  SMTP_OAUTH_CLIENT_ID: '6731de76-14a6-49ae-97bc-6eba6914391e',
  SMTP_OAUTH_CLIENT_SECRET: generated,
};

describe('SMTP settings', () => {
  it('default to the local maildev, without TLS or a login', () => {
    expect(settingsOf({})).toEqual({
      host: '127.0.0.1',
      port: 1025,
      implicitTls: false,
      requireTls: false,
      auth: { method: 'none' },
    });
  });

  it("log in with the URL's user and password, as SMTP_URL always did", () => {
    expect(settingsOf({ SMTP_URL: 'smtps://relay%40acme.com:p%40ss@smtp.acme.com' })).toEqual({
      host: 'smtp.acme.com',
      port: 465,
      implicitTls: true,
      requireTls: false,
      auth: { method: 'password', user: 'relay@acme.com', password: 'p@ss' },
    });
  });

  it('log in with SMTP_USERNAME and SMTP_PASSWORD, and use TLS from the first byte on port 465', () => {
    const settings = settingsOf({
      SMTP_URL: 'smtp://smtp.acme.com:465',
      SMTP_USERNAME: 'relay',
      SMTP_PASSWORD: 'secret',
    });
    expect(settings).toMatchObject({ implicitTls: true, auth: { method: 'password', user: 'relay' } });
  });

  it('ask Microsoft for a token for the tenant, with the scope of Exchange Online', () => {
    expect(settingsOf(microsoft365)).toEqual({
      host: 'smtp.office365.com',
      port: 587,
      implicitTls: false,
      requireTls: true,
      auth: {
        method: 'oauth2',
        user: 'vouch@contoso.com',
        tokenUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
        grant: {
          type: 'client-credentials',
          clientId: '6731de76-14a6-49ae-97bc-6eba6914391e',
          clientSecret: generated,
          scope: 'https://outlook.office365.com/.default',
        },
      },
    });
  });

  it.each(
    (
      [
        [{ SMTP_AUTH: 'password' }, 'SMTP_USERNAME: SMTP_USERNAME is required with SMTP_AUTH=password'],
        [{ SMTP_USERNAME: 'relay' }, 'SMTP_PASSWORD: SMTP_PASSWORD is required with SMTP_AUTH=password'],
        [
          { SMTP_AUTH: 'oauth2' },
          'SMTP_AUTH: one of none, password, oauth2-client-credentials, oauth2-google-service-account',
        ],
        [{ SMTP_REQUIRE_TLS: 'maybe' }, 'SMTP_REQUIRE_TLS:'],
        [
          { SMTP_URL: 'smtp://relay:25/?tls.rejectUnauthorized=false' },
          'SMTP_URL: SMTP_URL must be just smtp[s]://',
        ],
        [
          { SMTP_URL: 'smtp://u:p@relay:25', SMTP_PASSWORD: 'other' },
          'SMTP_URL: set the login in SMTP_USERNAME and SMTP_PASSWORD or in SMTP_URL, not in both',
        ],
        [
          { ...microsoft365, SMTP_OAUTH_CLIENT_SECRET: '' },
          'SMTP_OAUTH_CLIENT_SECRET: SMTP_OAUTH_CLIENT_SECRET is required with SMTP_AUTH=oauth2-client-credentials',
        ],
        [
          { ...microsoft365, SMTP_OAUTH_TENANT_ID: '' },
          'SMTP_OAUTH_TENANT_ID: SMTP_OAUTH_TENANT_ID (Microsoft 365) or SMTP_OAUTH_TOKEN_URL is required',
        ],
        [
          { ...microsoft365, SMTP_USERNAME: '' },
          'SMTP_USERNAME: SMTP_USERNAME (the mailbox that sends) is required',
        ],
        [
          { ...microsoft365, SMTP_REQUIRE_TLS: 'false' },
          'SMTP_REQUIRE_TLS: OAuth2 sends a bearer token: set SMTP_REQUIRE_TLS=true (STARTTLS, port 587) or use smtps://',
        ],
        [
          { ...microsoft365, SMTP_URL: 'smtp://u:p@smtp.office365.com:587' },
          'SMTP_URL: SMTP_URL holds a user or password, but SMTP_AUTH is oauth2-client-credentials: remove them',
        ],
        [
          { ...microsoft365, SMTP_AUTH: 'oauth2-google-service-account' },
          "SMTP_OAUTH_CLIENT_ID: SMTP_OAUTH_CLIENT_ID must be the service account's email",
        ],
        [
          { ...microsoft365, SMTP_AUTH: 'oauth2-google-service-account' },
          "SMTP_OAUTH_PRIVATE_KEY_FILE: SMTP_OAUTH_PRIVATE_KEY_FILE (the service account's private key, PEM) is required",
        ],
        [
          { ...microsoft365, SMTP_AUTH: 'oauth2-google-service-account' },
          'SMTP_OAUTH_CLIENT_SECRET: SMTP_OAUTH_CLIENT_SECRET is set, but SMTP_AUTH is oauth2-google-service-account, which does not read it',
        ],
        [
          { SMTP_USERNAME: 'relay', SMTP_PASSWORD: 'secret', SMTP_OAUTH_CLIENT_ID: 'x' },
          'SMTP_OAUTH_CLIENT_ID: SMTP_OAUTH_CLIENT_ID is set, but SMTP_AUTH is password, which does not read it',
        ],
      ] as Array<[Record<string, string>, string]>
    ).map(([environment, problem]) => ({ environment, problem })),
  )('refuse them, saying "$problem"', ({ environment, problem }) => {
    expect(problemsOf(environment)).toContain(problem);
  });

  describe('in production', () => {
    const production = (environment: Record<string, string>) => ({ NODE_ENV: 'production', ...environment });

    it('refuse a password that could travel in clear text', () => {
      expect(
        problemsOf(
          production({ SMTP_URL: 'smtp://relay:25', SMTP_USERNAME: 'relay', SMTP_PASSWORD: generated }),
        ),
      ).toContain('SMTP_REQUIRE_TLS: in production the SMTP password never travels in clear text');
      expect(
        problemsOf(
          production({
            SMTP_URL: 'smtp://relay:587',
            SMTP_REQUIRE_TLS: 'true',
            SMTP_USERNAME: 'relay',
            SMTP_PASSWORD: generated,
          }),
        ),
      ).toBe('');
    });

    it('refuse a published, short or missing secret for the chosen login', () => {
      expect(problemsOf(production({ SMTP_URL: 'smtps://relay:changeme@relay' }))).toContain(
        'SMTP_PASSWORD: SMTP_PASSWORD is a value published in the Vouch repository',
      );
      expect(
        problemsOf(production({ SMTP_URL: 'smtps://relay', SMTP_USERNAME: 'r', SMTP_PASSWORD: 'short' })),
      ).toContain('SMTP_PASSWORD: SMTP_PASSWORD must be at least 16 characters in production');
      expect(
        problemsOf(production({ ...microsoft365, SMTP_OAUTH_CLIENT_SECRET: 'a-test-smtp-client-secret' })),
      ).toContain('SMTP_OAUTH_CLIENT_SECRET: SMTP_OAUTH_CLIENT_SECRET is a value published');
      expect(problemsOf(production({ ...microsoft365, SMTP_OAUTH_CLIENT_SECRET: '' }))).toContain(
        'SMTP_OAUTH_CLIENT_SECRET: SMTP_OAUTH_CLIENT_SECRET is required in production',
      );
      expect(problemsOf(production(microsoft365))).toBe('');
      expect(problemsOf(production({ SMTP_URL: 'smtp://relay.internal:25' }))).toBe('');
    });

    it('refuse a token endpoint over http', () => {
      expect(
        problemsOf(production({ ...microsoft365, SMTP_OAUTH_TOKEN_URL: 'http://idp.internal/token' })),
      ).toContain('SMTP_OAUTH_TOKEN_URL: SMTP_OAUTH_TOKEN_URL must be https:// in production');
    });
  });
});

describe('smtpTransportOptions', () => {
  it('always verify the server certificate, and log in as the settings say', () => {
    expect(smtpTransportOptions(settingsOf({ SMTP_URL: 'smtps://relay:secret@smtp.acme.com' }))).toEqual({
      host: 'smtp.acme.com',
      port: 465,
      secure: true,
      requireTLS: false,
      tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
      auth: { user: 'relay', pass: 'secret' },
    });
    expect(smtpTransportOptions(settingsOf(microsoft365))).toMatchObject({
      requireTLS: true,
      tls: { rejectUnauthorized: true },
      auth: { type: 'OAuth2', user: 'vouch@contoso.com', provisionCallback: expect.any(Function) },
    });
  });
});
