import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { identityEnvironment } from '../config';

const parse = (environment: Record<string, string>) => identityEnvironment.safeParse(environment);

describe("single sign-on's settings", () => {
  it('are off unless OIDC_ISSUER is set', () => {
    const parsed = parse({});
    expect(parsed.success && parsed.data.OIDC_ISSUER).toBeUndefined();
    expect(parsed.success && parsed.data.OIDC_JIT_PROVISIONING).toBe(false);
    expect(parsed.success && parsed.data.OIDC_GROUPS_CLAIM).toBe('groups');
  });

  it('need the client id and secret with the issuer', () => {
    const parsed = parse({ OIDC_ISSUER: 'https://login.acme.test' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  });

  it('need an https issuer in production', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: `postgres://identity:${randomBytes(24).toString('hex')}@postgres:5432/identity`,
      JWT_PRIVATE_KEYS: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      INVITATION_SECRET: randomBytes(32).toString('base64url'),
      ALLOWED_EMAIL_DOMAINS: 'acme.com',
      KAFKA_TLS: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'identity',
      KAFKA_SASL_PASSWORD: randomBytes(24).toString('base64url'),
      OIDC_CLIENT_ID: 'vouch',
      OIDC_CLIENT_SECRET: randomBytes(32).toString('base64url'),
    };
    expect(
      JSON.stringify(parse({ ...production, OIDC_ISSUER: 'http://login.acme.test' }).error?.issues),
    ).toContain('OIDC_ISSUER must be https in production');
    expect(parse({ ...production, OIDC_ISSUER: 'https://login.acme.test' }).success).toBe(true);
  });
});
