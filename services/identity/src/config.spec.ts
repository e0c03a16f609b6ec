import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '@vouch/platform';
import { identityEnvironment } from './config';

const pem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('identity configuration', () => {
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

  it('makes the members of "Vouch Admins" admins unless SCIM_ADMIN_GROUP names another group', () => {
    expect(loadConfig(identityEnvironment, {}).SCIM_ADMIN_GROUP).toBe('Vouch Admins');
    expect(loadConfig(identityEnvironment, { SCIM_ADMIN_GROUP: '' }).SCIM_ADMIN_GROUP).toBe('Vouch Admins');
    expect(loadConfig(identityEnvironment, { SCIM_ADMIN_GROUP: ' Ops ' }).SCIM_ADMIN_GROUP).toBe('Ops');
    expect(() => loadConfig(identityEnvironment, { SCIM_ADMIN_GROUP: '   ' })).toThrow(/SCIM_ADMIN_GROUP/);
  });

  it('turns SCIM off without SCIM_TOKEN and refuses a token too short to be a secret', () => {
    expect(loadConfig(identityEnvironment, {}).SCIM_TOKEN).toBeUndefined();
    expect(() => loadConfig(identityEnvironment, { SCIM_TOKEN: 'short' })).toThrow(/SCIM_TOKEN/);
    expect(loadConfig(identityEnvironment, { SCIM_TOKEN: 'x'.repeat(32) }).SCIM_TOKEN).toBe('x'.repeat(32));
  });

  it('needs INVITATION_SECRET in production only, and invitations last 14 days unless told', () => {
    const secret = 'y'.repeat(32);
    expect(() => loadConfig(identityEnvironment, { NODE_ENV: 'production' })).toThrow(/INVITATION_SECRET/);
    expect(
      loadConfig(identityEnvironment, { NODE_ENV: 'production', INVITATION_SECRET: secret }),
    ).toMatchObject({ INVITATION_SECRET: secret, INVITATION_TTL_DAYS: 14 });
    expect(loadConfig(identityEnvironment, {}).INVITATION_SECRET).toBeUndefined();
    expect(() => loadConfig(identityEnvironment, { INVITATION_SECRET: 'short' })).toThrow(
      /INVITATION_SECRET/,
    );
    expect(loadConfig(identityEnvironment, { INVITATION_TTL_DAYS: '3' }).INVITATION_TTL_DAYS).toBe(3);
  });
});
