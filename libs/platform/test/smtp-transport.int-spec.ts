import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import {
  createTestCertificates,
  startOAuthSmtpServer,
  startTestSmtpServer,
  startTestTokenEndpoint,
  type OAuthSmtpServer,
  type TestCertificates,
  type TestTokenEndpoint,
} from '@vouch/testing';
import {
  describeSmtpError,
  loadConfig,
  mailEnvironment,
  smtpSettingsOf,
  smtpSettingsValid,
  smtpTransportOptions,
} from '../src';

const MAILBOX = 'vouch@contoso.example';
const schema = mailEnvironment.superRefine(smtpSettingsValid);

/** nodemailer's pooled transport built as notifications' MailTransport builds it. */
function transportFor(environment: Record<string, string>, pool = false) {
  const settings = smtpSettingsOf(loadConfig(schema, environment));
  return createTransport({
    ...smtpTransportOptions(settings),
    ...(pool ? { pool: true, maxConnections: 3 } : {}),
  });
}

const email = (to: string) => ({ from: MAILBOX, to, subject: 'Hello', text: `Hello ${to}` });

describe('SMTP with OAuth2 (XOAUTH2) over TLS', () => {
  let certificates: TestCertificates;
  let starttls: OAuthSmtpServer;
  let implicit: OAuthSmtpServer;
  let tokens: TestTokenEndpoint;

  beforeAll(async () => {
    certificates = createTestCertificates();
    const { serverKey: key, serverCert: cert } = certificates;
    [starttls, implicit, tokens] = await Promise.all([
      startOAuthSmtpServer({ tls: 'starttls', key, cert }),
      startOAuthSmtpServer({ tls: 'implicit', key, cert }),
      startTestTokenEndpoint(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([starttls.close(), implicit.close(), tokens.close()]);
    certificates.remove();
  });

  beforeEach(() => {
    tokens.requests.length = 0;
    tokens.lifetimeSeconds = 3_600;
    tokens.refuse = () => undefined;
    tokens.onIssue = (token) => {
      starttls.acceptedTokens.add(token);
      implicit.acceptedTokens.add(token);
    };
  });

  const microsoft = (server: OAuthSmtpServer): Record<string, string> => ({
    SMTP_URL: server.url,
    SMTP_AUTH: 'oauth2-client-credentials',
    SMTP_USERNAME: MAILBOX,
    SMTP_OAUTH_TOKEN_URL: tokens.url,
    SMTP_OAUTH_CLIENT_ID: '00000000-0000-0000-0000-00000000c1d0',
    SMTP_OAUTH_CLIENT_SECRET: 'a-test-smtp-client-secret',
    SMTP_REQUIRE_TLS: 'true',
    SMTP_TLS_CA_FILE: certificates.caFile,
  });

  it('sends over STARTTLS with a client-credentials token, one token for every pooled connection', async () => {
    const transport = transportFor(microsoft(starttls), true);
    try {
      const recipients = [
        'ana@contoso.example',
        'ben@contoso.example',
        'cy@contoso.example',
        'di@contoso.example',
      ];
      await Promise.all(recipients.map((to) => transport.sendMail(email(to))));

      expect(tokens.requests).toEqual([
        {
          grant_type: 'client_credentials',
          client_id: '00000000-0000-0000-0000-00000000c1d0',
          client_secret: 'a-test-smtp-client-secret',
          scope: 'https://outlook.office365.com/.default',
        },
      ]);
      const sent = starttls.messages.filter((message) => recipients.includes(message.to));
      expect(sent).toHaveLength(4);
      expect(new Set(sent.map((message) => `${message.user} ${message.accessToken}`))).toEqual(
        new Set([`${MAILBOX} token-1`]),
      );
    } finally {
      transport.close();
    }
  });

  it('fetches a new token when the server refuses the last as expired, and the email still goes', async () => {
    const transport = transportFor(microsoft(implicit));
    try {
      await transport.sendMail(email('first@contoso.example'));
      implicit.acceptedTokens.delete('token-1');

      await transport.sendMail(email('second@contoso.example'));

      expect(tokens.requests).toHaveLength(2);
      expect(implicit.logins.slice(-2)).toEqual([
        { user: MAILBOX, accessToken: 'token-1', accepted: false },
        { user: MAILBOX, accessToken: 'token-2', accepted: true },
      ]);
      expect(implicit.messages.find((message) => message.to === 'second@contoso.example')?.accessToken).toBe(
        'token-2',
      );
    } finally {
      transport.close();
    }
  });

  it('fetches a new token shortly before the last expires', async () => {
    tokens.lifetimeSeconds = 1;
    const transport = transportFor(microsoft(starttls));
    try {
      await transport.sendMail(email('early@contoso.example'));
      await new Promise((resolve) => setTimeout(resolve, 900));
      await transport.sendMail(email('later@contoso.example'));

      expect(tokens.requests).toHaveLength(2);
      expect(starttls.messages.find((message) => message.to === 'later@contoso.example')?.accessToken).toBe(
        'token-2',
      );
    } finally {
      transport.close();
    }
  });

  it("asks Google's token endpoint with a JWT signed by the service account's key, for the mailbox", async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = path.join(certificates.dir, 'service-account.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const transport = transportFor({
      SMTP_URL: implicit.url,
      SMTP_AUTH: 'oauth2-google-service-account',
      SMTP_USERNAME: MAILBOX,
      SMTP_OAUTH_TOKEN_URL: tokens.url,
      SMTP_OAUTH_CLIENT_ID: 'vouch-mailer@vouch-project.iam.gserviceaccount.com',
      SMTP_OAUTH_PRIVATE_KEY_FILE: keyFile,
      SMTP_TLS_CA_FILE: certificates.caFile,
    });
    try {
      await transport.sendMail(email('google@contoso.example'));

      expect(tokens.requests).toHaveLength(1);
      const [request] = tokens.requests;
      expect(request?.['grant_type']).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
      const [header = '', claims = '', signature = ''] = (request?.['assertion'] ?? '').split('.');
      const verified = createVerify('RSA-SHA256')
        .update(`${header}.${claims}`)
        .verify(createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })), signature, 'base64url');
      expect(verified).toBe(true);
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' });
      const payload = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Record<string, unknown>;
      expect(payload).toMatchObject({
        iss: 'vouch-mailer@vouch-project.iam.gserviceaccount.com',
        sub: MAILBOX,
        scope: 'https://mail.google.com/',
        aud: tokens.url,
      });
      expect(Number(payload['exp']) - Number(payload['iat'])).toBeLessThanOrEqual(3_600);
      expect(Math.abs(Number(payload['iat']) - Date.now() / 1_000)).toBeLessThan(60);
      expect(implicit.messages.find((message) => message.to === 'google@contoso.example')?.accessToken).toBe(
        'token-1',
      );
    } finally {
      transport.close();
    }
  });

  it('refuses a server whose certificate another CA issued, saying what to check, before any token', async () => {
    const transport = transportFor({ ...microsoft(starttls), SMTP_TLS_CA_FILE: certificates.otherCaFile });
    try {
      const failure = await transport
        .sendMail(email('never@contoso.example'))
        .catch((error: unknown) => error);

      expect(failure).toHaveProperty('message');
      expect(describeSmtpError(failure)).toMatch(
        /the SMTP server's TLS certificate was refused \(\w+: .+\): check SMTP_URL names the host on its certificate, and SMTP_TLS_CA_FILE holds the CA/,
      );
      expect(tokens.requests).toHaveLength(0);
    } finally {
      transport.close();
    }
  });

  it("reports the token endpoint's refusal", async () => {
    tokens.refuse = () => 'invalid_client';
    const transport = transportFor(microsoft(starttls));
    try {
      await expect(transport.sendMail(email('refused@contoso.example'))).rejects.toThrow(
        `the OAuth2 token endpoint ${tokens.url} refused the token request (HTTP 400: invalid_client: refused by the test: invalid_client)`,
      );
    } finally {
      transport.close();
    }
  });
});

describe('SMTP_REQUIRE_TLS', () => {
  it('sends nothing to a server that offers no STARTTLS', async () => {
    const received: string[] = [];
    const plain = await startTestSmtpServer({
      onMessage: ({ to }, accept) => {
        received.push(to);
        accept();
      },
    });
    const transport = transportFor({ SMTP_URL: plain.url, SMTP_REQUIRE_TLS: 'true' });
    try {
      await expect(transport.sendMail(email('plain@contoso.example'))).rejects.toThrow(/STARTTLS/);
      expect(received).toEqual([]);
    } finally {
      transport.close();
      await plain.close();
    }
  });
});

describe('SMTP settings read from files', () => {
  let certificates: TestCertificates;
  beforeAll(() => {
    certificates = createTestCertificates();
  });
  afterAll(() => certificates.remove());

  const google = (keyFile: string) => ({
    SMTP_URL: 'smtps://smtp.gmail.com:465',
    SMTP_AUTH: 'oauth2-google-service-account',
    SMTP_USERNAME: MAILBOX,
    SMTP_OAUTH_CLIENT_ID: 'vouch-mailer@vouch-project.iam.gserviceaccount.com',
    SMTP_OAUTH_PRIVATE_KEY_FILE: keyFile,
  });

  it('refuse a key file that is not an RSA private key in PEM, naming the variable', () => {
    const json = path.join(certificates.dir, 'key.json');
    writeFileSync(json, JSON.stringify({ type: 'service_account', private_key: '…' }));
    expect(() => loadConfig(schema, google(json))).toThrow(
      /SMTP_OAUTH_PRIVATE_KEY_FILE: SMTP_OAUTH_PRIVATE_KEY_FILE names .*key\.json, which holds JSON, not a PEM private key/,
    );
    expect(() => loadConfig(schema, google(certificates.caFile))).toThrow(
      /SMTP_OAUTH_PRIVATE_KEY_FILE names .*ca\.pem, which holds no PEM private key/,
    );
    expect(() => loadConfig(schema, google(path.join(certificates.dir, 'server.key')))).toThrow(
      /server\.key, which holds an ec key; a service account's key is RSA/,
    );
    expect(() => loadConfig(schema, google(path.join(certificates.dir, 'missing.pem')))).toThrow(
      /SMTP_OAUTH_PRIVATE_KEY_FILE names a file that cannot be read: .*missing\.pem/,
    );
  });

  it('refuse a CA file without a certificate, naming the variable', () => {
    expect(() =>
      loadConfig(schema, {
        SMTP_URL: 'smtp://relay.internal:25',
        SMTP_TLS_CA_FILE: path.join(certificates.dir, 'ca.key'),
      }),
    ).toThrow(/SMTP_TLS_CA_FILE: SMTP_TLS_CA_FILE names .*ca\.key, which holds no PEM certificate/);
    expect(
      smtpSettingsOf(
        loadConfig(schema, { SMTP_URL: 'smtp://relay.internal:25', SMTP_TLS_CA_FILE: certificates.caFile }),
      ).ca,
    ).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });
});
