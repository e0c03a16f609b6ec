import { z } from 'zod';
import { defaultDatabaseTimeouts } from '@vouch/persistence';
import { defaultEventConsumerSettings, defaultOutboxRelaySettings } from '@vouch/messaging';
import { DEFAULT_DEAD_LETTER_RETENTION_DAYS } from '@vouch/contracts';
import { kafkaConnectionEnvironment } from './kafka-environment';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the environment at boot. Fails fast, naming each variable that is wrong and
 * why, so a misconfigured deployment never half-starts.
 */
export function loadConfig<TSchema extends z.ZodType>(
  schema: TSchema,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
  );
  throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
}

/** A comma-separated list in one variable; empty means none. */
export const commaSeparated = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/**
 * A database time limit in whole milliseconds, 0 for none; under 100 is refused as seconds written
 * for milliseconds, and an empty value rather than read as 0.
 */
function databaseTimeoutMs(defaultMs: number) {
  return z
    .string()
    .regex(/^\d+$/, 'whole milliseconds')
    .transform(Number)
    .pipe(
      z
        .number()
        .max(86_400_000, 'at most a day (86400000 ms)')
        .refine((ms) => ms === 0 || ms >= 100, 'milliseconds: 0 for none, or at least 100'),
    )
    .default(defaultMs);
}

/** Variables every Vouch service reads, with defaults that work with `npm start`. */
export function serviceEnvironment(service: { name: string; port: number }) {
  return z.object({
    /** `production` in the images and manifests: weak or published secrets are then refused (productionSecrets). */
    NODE_ENV: z.string().optional(),
    PORT: z.coerce.number().int().min(1).max(65_535).default(service.port),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .default(`postgres://postgres:postgres@127.0.0.1:54329/${service.name}`),
    /**
     * Prepares each statement once per connection. Turn it off behind a pooler that hands out
     * server sessions per transaction without keeping prepared statements (PgBouncer before 1.21,
     * or without max_prepared_statements).
     */
    DATABASE_PREPARED_STATEMENTS: z.stringbool().default(true),
    /** Connections an instance keeps to its database, shared by requests, consumer, relay and workers. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1_000).default(10),
    /**
     * Limits of every database session, in milliseconds (0: the server's own setting). Defaults and
     * why: defaultDatabaseTimeouts (libs/persistence). Migrations run without the statement limit.
     */
    DATABASE_STATEMENT_TIMEOUT_MS: databaseTimeoutMs(defaultDatabaseTimeouts.statementTimeoutMs),
    DATABASE_LOCK_TIMEOUT_MS: databaseTimeoutMs(defaultDatabaseTimeouts.lockTimeoutMs),
    DATABASE_IDLE_TRANSACTION_TIMEOUT_MS: databaseTimeoutMs(
      defaultDatabaseTimeouts.idleInTransactionTimeoutMs,
    ),
    KAFKA_BROKERS: commaSeparated
      .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'host:port')).min(1))
      .default(['127.0.0.1:19092']),
    /** Prepended to every topic and consumer group; empty in production. */
    KAFKA_TOPIC_PREFIX: z.string().default(''),
    KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1_000).default(12),
    /**
     * Days a dead-letter topic keeps a message it is created with (`retention.ms`): long enough for
     * an operator to inspect and replay it, short enough that the personal data in it goes.
     */
    DEAD_LETTER_RETENTION_DAYS: z.coerce
      .number()
      .int('DEAD_LETTER_RETENTION_DAYS is a whole number of days')
      .min(1, 'DEAD_LETTER_RETENTION_DAYS is at least 1 day')
      .max(365, 'DEAD_LETTER_RETENTION_DAYS is at most 365 days')
      .default(DEFAULT_DEAD_LETTER_RETENTION_DAYS),
    /**
     * How long the group waits for a silent member before handing its partitions to the others: the
     * pause after an instance crashes. Shorter recovers sooner; too short evicts an instance stalled
     * that long (docs/operations.md, "Scale"). 6000 is the brokers' usual minimum.
     */
    KAFKA_SESSION_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(6_000)
      .max(300_000)
      .default(defaultEventConsumerSettings.sessionTimeoutMs),
    /** How often a consumer heartbeats: at most a third of KAFKA_SESSION_TIMEOUT_MS (kafkaConnectionRules). */
    KAFKA_HEARTBEAT_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(100_000)
      .default(defaultEventConsumerSettings.heartbeatIntervalMs),
    /**
     * How often a consumer commits its offsets; what a crash leaves uncommitted is read again and
     * skipped (the inbox). 0 commits after every batch, a request to the broker each.
     */
    KAFKA_COMMIT_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(60_000)
      .default(defaultEventConsumerSettings.commitIntervalMs),
    /**
     * Bytes a consumer's fetch waits for, up to KAFKA_FETCH_MAX_WAIT_MS: a busy consumer reads in
     * fewer, larger fetches (fewer requests to the broker), each event up to that wait later.
     */
    KAFKA_FETCH_MIN_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_485_760)
      .default(defaultEventConsumerSettings.fetchMinBytes),
    /** How long a fetch waits for KAFKA_FETCH_MIN_BYTES: at most KAFKA_HEARTBEAT_INTERVAL_MS. */
    KAFKA_FETCH_MAX_WAIT_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(100_000)
      .default(defaultEventConsumerSettings.fetchMaxWaitMs),
    /**
     * Partitions an instance handles at once, each in order: more overlaps the waits (the database,
     * a recipient's lock) of a busy instance, up to the partitions it was assigned.
     */
    KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY: z.coerce.number().int().min(1).max(1_000).default(3),
    /**
     * Attempts to publish an outbox event Kafka refuses for good (too large, invalid) before it is
     * parked, with the later events of its key, for an operator (`npm run dlq -- outbox`).
     */
    OUTBOX_MAX_PUBLISH_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(10),
    /**
     * How long the outbox relay, woken by a new event, waits for more to publish with it: fewer
     * reads, Kafka requests and markings per event under load, each event up to that much later.
     */
    OUTBOX_RELAY_LINGER_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(1_000)
      .default(defaultOutboxRelaySettings.lingerMs),
    /** TLS and SASL towards the brokers: checked together by kafkaConnectionRules (`.superRefine`). */
    ...kafkaConnectionEnvironment.shape,
    LOG_LEVEL: z.enum(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    /** Where spans go over OTLP/HTTP (e.g. http://otel-collector:4318); unset, none are recorded. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  });
}

export type ServiceEnvironment = z.infer<ReturnType<typeof serviceEnvironment>>;
