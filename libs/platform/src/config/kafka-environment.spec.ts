import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { kafkaConnectionEnvironment, kafkaConnectionOf, kafkaConnectionRules } from './kafka-environment';
import { loadConfig, serviceEnvironment } from './load-config';

const schema = serviceEnvironment({ name: 'test', port: 3000 }).superRefine(kafkaConnectionRules);
const load = (env: NodeJS.ProcessEnv) => loadConfig(schema, env);
const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    load(env);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n';
const strongPassword = () => randomBytes(24).toString('base64url');

describe('the Kafka connection settings', () => {
  let dir: string;
  let caFile: string;
  let certFile: string;
  let keyFile: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kafka-settings-'));
    caFile = path.join(dir, 'ca.pem');
    certFile = path.join(dir, 'client.pem');
    keyFile = path.join(dir, 'client.key');
    writeFileSync(caFile, CERTIFICATE);
    writeFileSync(certFile, CERTIFICATE);
    writeFileSync(keyFile, KEY);
    writeFileSync(path.join(dir, 'not-pem.txt'), 'just text');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('default to plaintext without authentication, outside production', () => {
    const environment = load({});

    expect(environment.KAFKA_TLS).toBe(false);
    expect(kafkaConnectionOf(environment)).toEqual({});
  });

  it('give a client TLS with the CA, a client certificate and SCRAM credentials', () => {
    const environment = load({
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: caFile,
      KAFKA_TLS_CERT_FILE: certFile,
      KAFKA_TLS_KEY_FILE: keyFile,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'notifications',
      KAFKA_SASL_PASSWORD: 'p4ss',
    });

    expect(kafkaConnectionOf(environment)).toEqual({
      tls: { ca: CERTIFICATE, cert: CERTIFICATE, key: KEY },
      sasl: { mechanism: 'scram-sha-512', username: 'notifications', password: 'p4ss' },
    });
  });

  it('give OAUTHBEARER its token endpoint, client, scope and SASL extensions', () => {
    const environment = load({
      KAFKA_TLS: 'true',
      KAFKA_SASL_MECHANISM: 'oauthbearer',
      KAFKA_SASL_OAUTH_TOKEN_URL: 'https://login.example.com/oauth2/token',
      KAFKA_SASL_OAUTH_CLIENT_ID: 'vouch-notifications',
      KAFKA_SASL_OAUTH_CLIENT_SECRET: 'a-secret',
      KAFKA_SASL_OAUTH_SCOPE: 'kafka',
      KAFKA_SASL_OAUTH_EXTENSIONS: 'logicalCluster=lkc-123, identityPoolId=pool-abc',
    });

    expect(kafkaConnectionOf(environment).sasl).toEqual({
      mechanism: 'oauthbearer',
      oauth: {
        tokenUrl: 'https://login.example.com/oauth2/token',
        clientId: 'vouch-notifications',
        clientSecret: 'a-secret',
        scope: 'kafka',
        extensions: { logicalCluster: 'lkc-123', identityPoolId: 'pool-abc' },
      },
    });
  });

  it('refuse a mechanism without its username or password, naming the variables', () => {
    const problems = problemsOf({ KAFKA_TLS: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-256' });

    expect(problems).toMatch(
      /KAFKA_SASL_USERNAME: KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM=scram-sha-256/,
    );
    expect(problems).toMatch(/KAFKA_SASL_PASSWORD: KAFKA_SASL_PASSWORD is required/);
  });

  it('refuse an unknown mechanism', () => {
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'gssapi' })).toMatch(/KAFKA_SASL_MECHANISM/);
  });

  it('refuse PLAIN without TLS: the password would cross the network in clear text', () => {
    expect(
      problemsOf({
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: '$ConnectionString',
        KAFKA_SASL_PASSWORD: 'x',
      }),
    ).toMatch(
      /KAFKA_SASL_MECHANISM: KAFKA_SASL_MECHANISM=plain sends the password in clear text: it needs KAFKA_TLS=true/,
    );
  });

  it('refuse a CA file that does not exist, or is not PEM', () => {
    expect(problemsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: path.join(dir, 'missing.pem') })).toMatch(
      /KAFKA_TLS_CA_FILE: .*missing\.pem does not exist/,
    );
    expect(problemsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: path.join(dir, 'not-pem.txt') })).toMatch(
      /KAFKA_TLS_CA_FILE: .*not-pem\.txt is not PEM/,
    );
    expect(problemsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: keyFile })).toMatch(/holds no certificate/);
  });

  it('refuse TLS files without KAFKA_TLS, and a certificate without its key', () => {
    expect(problemsOf({ KAFKA_TLS_CA_FILE: caFile })).toMatch(
      /KAFKA_TLS_CA_FILE is set but KAFKA_TLS is not true/,
    );
    expect(problemsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CERT_FILE: certFile })).toMatch(
      /KAFKA_TLS_KEY_FILE: mutual TLS needs both/,
    );
  });

  it('refuse credentials of another mechanism than the one chosen', () => {
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'identity' })).toMatch(
      /KAFKA_SASL_USERNAME is set but KAFKA_SASL_MECHANISM is unset/,
    );
    expect(
      problemsOf({
        KAFKA_TLS: 'true',
        KAFKA_SASL_MECHANISM: 'oauthbearer',
        KAFKA_SASL_OAUTH_TOKEN_URL: 'https://login.example.com/token',
      }),
    ).toMatch(/KAFKA_SASL_OAUTH_CLIENT_ID is required with KAFKA_SASL_MECHANISM=oauthbearer/);
  });

  describe('in production', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://svc@db.internal/svc' };
    const scram = (password: string) => ({
      ...production,
      KAFKA_TLS: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'notifications',
      KAFKA_SASL_PASSWORD: password,
    });

    it('refuse a connection without TLS and authentication, unless KAFKA_ALLOW_PLAINTEXT', () => {
      expect(problemsOf(production)).toMatch(
        /KAFKA_TLS: production connects to Kafka over TLS with authentication .* or KAFKA_ALLOW_PLAINTEXT=true/,
      );
      expect(problemsOf({ ...production, KAFKA_TLS: 'true' })).toMatch(
        /KAFKA_SASL_MECHANISM: production connects/,
      );
      expect(problemsOf({ ...production, KAFKA_ALLOW_PLAINTEXT: 'true' })).toBe('');
    });

    it('accept TLS with SCRAM and a generated password, or mutual TLS', () => {
      expect(problemsOf(scram(strongPassword()))).toBe('');
      expect(
        problemsOf({
          ...production,
          KAFKA_TLS: 'true',
          KAFKA_TLS_CERT_FILE: certFile,
          KAFKA_TLS_KEY_FILE: keyFile,
        }),
      ).toBe('');
    });

    it('refuse a published, short or username-equal password', () => {
      expect(problemsOf(scram('changeme'))).toMatch(/KAFKA_SASL_PASSWORD is a value published/);
      expect(problemsOf(scram('notifications'))).toMatch(/KAFKA_SASL_PASSWORD is a value published/);
      expect(problemsOf(scram('short-pass'))).toMatch(/KAFKA_SASL_PASSWORD must be at least 16 characters/);
    });

    it('refuse a published OAuth client secret', () => {
      expect(
        problemsOf({
          ...production,
          KAFKA_TLS: 'true',
          KAFKA_SASL_MECHANISM: 'oauthbearer',
          KAFKA_SASL_OAUTH_TOKEN_URL: 'https://login.example.com/token',
          KAFKA_SASL_OAUTH_CLIENT_ID: 'vouch',
          KAFKA_SASL_OAUTH_CLIENT_SECRET: 'a-client-secret',
        }),
      ).toMatch(/KAFKA_SASL_OAUTH_CLIENT_SECRET is a value published/);
    });
  });

  it('are part of every service environment', () => {
    expect(Object.keys(kafkaConnectionEnvironment.shape).every((key) => key in schema.shape)).toBe(true);
  });
});

describe("a consumer's heartbeat and session", () => {
  it('default to a 6 s session with a heartbeat every second, which the rules accept', () => {
    const config = load({});
    expect(config.KAFKA_SESSION_TIMEOUT_MS).toBe(6_000);
    expect(config.KAFKA_HEARTBEAT_INTERVAL_MS).toBe(1_000);
  });

  it('accept a heartbeat of up to a third of the session', () => {
    expect(problemsOf({ KAFKA_SESSION_TIMEOUT_MS: '9000', KAFKA_HEARTBEAT_INTERVAL_MS: '3000' })).toBe('');
    expect(problemsOf({ KAFKA_SESSION_TIMEOUT_MS: '45000', KAFKA_HEARTBEAT_INTERVAL_MS: '3000' })).toBe('');
  });

  it('refuse at boot a heartbeat slower than a third of the session, naming the variable', () => {
    expect(problemsOf({ KAFKA_HEARTBEAT_INTERVAL_MS: '2001' })).toMatch(
      /KAFKA_HEARTBEAT_INTERVAL_MS: KAFKA_HEARTBEAT_INTERVAL_MS \(2001\) must be at most a third of KAFKA_SESSION_TIMEOUT_MS \(6000\): 2000 or less/,
    );
    expect(problemsOf({ KAFKA_SESSION_TIMEOUT_MS: '30000', KAFKA_HEARTBEAT_INTERVAL_MS: '15000' })).toMatch(
      /KAFKA_HEARTBEAT_INTERVAL_MS/,
    );
  });

  it('refuse a fetch that waits longer than a heartbeat interval, naming the variable', () => {
    expect(problemsOf({ KAFKA_FETCH_MIN_BYTES: '65536', KAFKA_FETCH_MAX_WAIT_MS: '50' })).toBe('');
    expect(problemsOf({ KAFKA_FETCH_MAX_WAIT_MS: '1500' })).toMatch(
      /KAFKA_FETCH_MAX_WAIT_MS: KAFKA_FETCH_MAX_WAIT_MS \(1500\) must be at most KAFKA_HEARTBEAT_INTERVAL_MS \(1000\)/,
    );
    expect(problemsOf({ KAFKA_FETCH_MIN_BYTES: '0' })).toMatch(/KAFKA_FETCH_MIN_BYTES:/);
  });

  it('refuse a session below the brokers’ usual minimum, and a heartbeat that is not a number', () => {
    expect(problemsOf({ KAFKA_SESSION_TIMEOUT_MS: '3000' })).toMatch(/KAFKA_SESSION_TIMEOUT_MS:/);
    expect(problemsOf({ KAFKA_HEARTBEAT_INTERVAL_MS: '1s' })).toMatch(/KAFKA_HEARTBEAT_INTERVAL_MS:/);
  });
});
