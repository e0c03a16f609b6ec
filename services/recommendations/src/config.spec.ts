import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { loadConfig } from '@vouch/platform';
import { recommendationsEnvironment } from './config';

const ed25519 = () => generateKeyPairSync('ed25519');
const privatePem = (key = ed25519().privateKey) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

/** What a production deployment sets: its own secrets, generated. */
const production = () => ({
  NODE_ENV: 'production',
  DATABASE_URL: `postgres://recommendations:${randomBytes(24).toString('hex')}@postgres:5432/recommendations`,
  KAFKA_ALLOW_PLAINTEXT: 'true',
  DOCUMENT_SIGNING_KEY: privatePem(),
});

describe('the document signing key', () => {
  it('in production, starts with a generated Ed25519 key', () => {
    expect(() => loadConfig(recommendationsEnvironment, production())).not.toThrow();
  });

  it('in production, refuses to start without one, naming it', () => {
    const { DOCUMENT_SIGNING_KEY: _key, ...withoutKey } = production();
    expect(() => loadConfig(recommendationsEnvironment, withoutKey)).toThrow(
      /DOCUMENT_SIGNING_KEY: DOCUMENT_SIGNING_KEY is required in production/,
    );
    expect(() =>
      loadConfig(recommendationsEnvironment, {
        ...withoutKey,
        DOCUMENT_SIGNING_KEY_FILE: '/run/secrets/key',
      }),
    ).not.toThrow();
  });

  it('is optional elsewhere: one is made up at boot', () => {
    expect(loadConfig(recommendationsEnvironment, {}).DOCUMENT_SIGNING_KEY).toBeUndefined();
  });

  it('accepts the PEM with `\\n` escapes, as env files hold it', () => {
    const pem = privatePem();
    const environment = loadConfig(recommendationsEnvironment, {
      DOCUMENT_SIGNING_KEY: pem.trim().replace(/\n/g, '\\n'),
    });
    expect(environment.DOCUMENT_SIGNING_KEY).toBe(pem.trim());
  });

  it('refuses a key that is not Ed25519, and two keys', () => {
    const ecdsa = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => loadConfig(recommendationsEnvironment, { DOCUMENT_SIGNING_KEY: privatePem(ecdsa) })).toThrow(
      /DOCUMENT_SIGNING_KEY: one Ed25519 private key/,
    );
    expect(() =>
      loadConfig(recommendationsEnvironment, { DOCUMENT_SIGNING_KEY: `${privatePem()}\n${privatePem()}` }),
    ).toThrow(/DOCUMENT_SIGNING_KEY: one Ed25519 private key/);
  });

  it('refuses both the key and a file of it', () => {
    expect(() =>
      loadConfig(recommendationsEnvironment, {
        DOCUMENT_SIGNING_KEY: privatePem(),
        DOCUMENT_SIGNING_KEY_FILE: '/k',
      }),
    ).toThrow(/set DOCUMENT_SIGNING_KEY or DOCUMENT_SIGNING_KEY_FILE, not both/);
  });

  it('takes retired public keys to keep publishing, refusing anything else', () => {
    const retired = ed25519().publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(
      loadConfig(recommendationsEnvironment, { DOCUMENT_PREVIOUS_PUBLIC_KEYS: retired })
        .DOCUMENT_PREVIOUS_PUBLIC_KEYS,
    ).toEqual([retired.trim()]);
    expect(() =>
      loadConfig(recommendationsEnvironment, { DOCUMENT_PREVIOUS_PUBLIC_KEYS: 'not a key' }),
    ).toThrow(/DOCUMENT_PREVIOUS_PUBLIC_KEYS: Ed25519 public keys/);
  });
});
