import { z } from 'zod';
import { ConfigError, loadConfig, serviceEnvironment } from './load-config';

describe('loadConfig', () => {
  const schema = serviceEnvironment({ name: 'recommendations', port: 3003 });

  it('gives working defaults for a local run', () => {
    expect(loadConfig(schema, {})).toEqual({
      PORT: 3003,
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/recommendations',
      DATABASE_PREPARED_STATEMENTS: true,
      DATABASE_POOL_SIZE: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
      DATABASE_LOCK_TIMEOUT_MS: 10_000,
      DATABASE_IDLE_TRANSACTION_TIMEOUT_MS: 30_000,
      KAFKA_BROKERS: ['127.0.0.1:19092'],
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_TOPIC_PARTITIONS: 12,
      DEAD_LETTER_RETENTION_DAYS: 14,
      KAFKA_SESSION_TIMEOUT_MS: 6_000,
      KAFKA_HEARTBEAT_INTERVAL_MS: 1_000,
      KAFKA_COMMIT_INTERVAL_MS: 1_000,
      KAFKA_FETCH_MIN_BYTES: 65_536,
      KAFKA_FETCH_MAX_WAIT_MS: 50,
      KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: 3,
      OUTBOX_MAX_PUBLISH_ATTEMPTS: 10,
      OUTBOX_RELAY_LINGER_MS: 10,
      KAFKA_TLS: false,
      KAFKA_ALLOW_PLAINTEXT: false,
      LOG_LEVEL: 'info',
    });
  });

  it('reads lists and numbers from the environment', () => {
    const config = loadConfig(schema, { PORT: '8080', KAFKA_BROKERS: 'kafka-0:9092, kafka-1:9092' });
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['kafka-0:9092', 'kafka-1:9092']);
  });

  it('reads switches written as true/false, 1/0, yes/no or on/off', () => {
    expect(loadConfig(schema, { DATABASE_PREPARED_STATEMENTS: 'false' }).DATABASE_PREPARED_STATEMENTS).toBe(
      false,
    );
    expect(loadConfig(schema, { DATABASE_PREPARED_STATEMENTS: 'off' }).DATABASE_PREPARED_STATEMENTS).toBe(
      false,
    );
    expect(loadConfig(schema, { DATABASE_PREPARED_STATEMENTS: '1' }).DATABASE_PREPARED_STATEMENTS).toBe(true);
    expect(() => loadConfig(schema, { DATABASE_PREPARED_STATEMENTS: 'maybe' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS/,
    );
  });

  it('reads the database time limits in milliseconds, 0 for none', () => {
    const config = loadConfig(schema, {
      DATABASE_STATEMENT_TIMEOUT_MS: '120000',
      DATABASE_LOCK_TIMEOUT_MS: '0',
      DATABASE_IDLE_TRANSACTION_TIMEOUT_MS: '100',
    });
    expect(config.DATABASE_STATEMENT_TIMEOUT_MS).toBe(120_000);
    expect(config.DATABASE_LOCK_TIMEOUT_MS).toBe(0);
    expect(config.DATABASE_IDLE_TRANSACTION_TIMEOUT_MS).toBe(100);
  });

  it.each([
    [
      'DATABASE_STATEMENT_TIMEOUT_MS',
      '30',
      /DATABASE_STATEMENT_TIMEOUT_MS: milliseconds: 0 for none, or at least 100/,
    ],
    ['DATABASE_LOCK_TIMEOUT_MS', '10s', /DATABASE_LOCK_TIMEOUT_MS: whole milliseconds/],
    ['DATABASE_IDLE_TRANSACTION_TIMEOUT_MS', '', /DATABASE_IDLE_TRANSACTION_TIMEOUT_MS: whole milliseconds/],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '-1', /DATABASE_STATEMENT_TIMEOUT_MS: whole milliseconds/],
    ['DATABASE_LOCK_TIMEOUT_MS', '1.5', /DATABASE_LOCK_TIMEOUT_MS: whole milliseconds/],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '86400001', /DATABASE_STATEMENT_TIMEOUT_MS: at most a day/],
  ])('refuses %s=%j at boot, naming it', (variable, value, message) => {
    const load = () => loadConfig(schema, { [variable]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it('fails naming every variable that is wrong', () => {
    const load = () =>
      loadConfig(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://x/y', KAFKA_BROKERS: 'no-port' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT:/);
    expect(load).toThrow(/DATABASE_URL:/);
    expect(load).toThrow(/KAFKA_BROKERS/);
  });

  it('refuses a dead-letter retention of no whole day, or of more than a year, naming it', () => {
    expect(() => loadConfig(schema, { DEAD_LETTER_RETENTION_DAYS: '0' })).toThrow(
      /DEAD_LETTER_RETENTION_DAYS: DEAD_LETTER_RETENTION_DAYS is at least 1 day/,
    );
    expect(() => loadConfig(schema, { DEAD_LETTER_RETENTION_DAYS: '366' })).toThrow(
      /DEAD_LETTER_RETENTION_DAYS: DEAD_LETTER_RETENTION_DAYS is at most 365 days/,
    );
    expect(loadConfig(schema, { DEAD_LETTER_RETENTION_DAYS: '3' }).DEAD_LETTER_RETENTION_DAYS).toBe(3);
  });

  it('extends with service variables', () => {
    const extended = schema.extend({ ADMIN_EMAILS: z.string().default('') });
    expect(loadConfig(extended, { ADMIN_EMAILS: 'ana@example.com' }).ADMIN_EMAILS).toBe('ana@example.com');
  });
});
