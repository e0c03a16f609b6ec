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
      KAFKA_BROKERS: ['127.0.0.1:19092'],
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_TOPIC_PARTITIONS: 12,
      KAFKA_SESSION_TIMEOUT_MS: 30_000,
      KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: 3,
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

  it('fails naming every variable that is wrong', () => {
    const load = () =>
      loadConfig(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://x/y', KAFKA_BROKERS: 'no-port' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT:/);
    expect(load).toThrow(/DATABASE_URL:/);
    expect(load).toThrow(/KAFKA_BROKERS/);
  });

  it('extends with service variables', () => {
    const extended = schema.extend({ ADMIN_EMAILS: z.string().default('') });
    expect(loadConfig(extended, { ADMIN_EMAILS: 'ana@example.com' }).ADMIN_EMAILS).toBe('ana@example.com');
  });
});
