import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { EventDefinition } from '@vouch/contracts';
import {
  CreateMessagingTables1764028800000,
  OutboxEventVersions1796890000000,
  OutboxParking1797500000000,
  OutboxTombstones1797700000000,
  MessagingModule,
  MessagingReadiness,
  type EventConsumerSettings,
  type OutboxRelaySettings,
} from '@vouch/messaging';
import { PooledSqlReader, serviceDataSourceOptions, type DatabaseTimeouts } from '@vouch/persistence';
import { startTracing } from '@vouch/telemetry';
import { kafkaConnectionOf } from './config/kafka-environment';
import type { ServiceEnvironment } from './config/load-config';
import { DatabaseReadiness } from './health/database-readiness';
import { HealthController, READINESS_CHECKS } from './health/health.controller';
import { createServiceLogger, ServiceLogger } from './logging/service-logger';
import { ProblemDetailsFilter, strictValidationPipe, type ErrorMapping } from './http/problem-details';
import { idempotencyErrorMappings } from './http/idempotency/idempotency.module';
import { MessagingMetrics } from './metrics/messaging-metrics';
import { TracingShutdown } from './tracing/tracing-shutdown';
import { MetricsController, ServiceMetrics } from './metrics/metrics';

type ClassLike = abstract new (...args: never[]) => unknown;

/** The time limits of every database session the service opens: its pool and its relay's. */
export function databaseTimeoutsOf(environment: ServiceEnvironment): DatabaseTimeouts {
  return {
    statementTimeoutMs: environment.DATABASE_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: environment.DATABASE_LOCK_TIMEOUT_MS,
    idleInTransactionTimeoutMs: environment.DATABASE_IDLE_TRANSACTION_TIMEOUT_MS,
  };
}

export interface ServicePlatformOptions {
  /** The service's name: its database's application name, events' source and consumer group. */
  name: string;
  environment: ServiceEnvironment;
  entities: MixedList<ClassLike | EntitySchema | string>;
  /** The service's own migrations; the outbox and inbox tables come first on their own. */
  migrations: ClassLike[];
  /** How the service's domain errors are answered over HTTP. */
  errors?: ErrorMapping[];
  consumer?: Partial<EventConsumerSettings>;
  relay?: Partial<Omit<OutboxRelaySettings, 'databaseUrl'>>;
  /** Events the consumer validates; the platform's own by default. */
  events?: readonly EventDefinition[];
}

/**
 * What every Vouch service is made of besides its domain: structured logs, its database with
 * migrations, the event backbone, problem+json errors, strict validation, health and metrics.
 */
@Module({})
export class ServicePlatformModule {
  static forRoot(options: ServicePlatformOptions): DynamicModule {
    const { environment } = options;
    // Before the app exists, so that the first request is traced too.
    startTracing(options.name, environment.OTEL_EXPORTER_OTLP_ENDPOINT);
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: environment.DATABASE_URL,
            preparedStatements: environment.DATABASE_PREPARED_STATEMENTS,
            poolSize: environment.DATABASE_POOL_SIZE,
            timeouts: databaseTimeoutsOf(environment),
            applicationName: options.name,
            entities: options.entities,
            migrations: [
              CreateMessagingTables1764028800000,
              OutboxEventVersions1796890000000,
              OutboxParking1797500000000,
              OutboxTombstones1797700000000,
              ...options.migrations,
            ],
          }),
        ),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            serviceName: options.name,
            databaseUrl: environment.DATABASE_URL,
            databaseTimeouts: databaseTimeoutsOf(environment),
            kafka: {
              brokers: environment.KAFKA_BROKERS,
              clientId: `${options.name}-${hostname()}-${process.pid}`,
              topicPrefix: environment.KAFKA_TOPIC_PREFIX,
              topicPartitions: environment.KAFKA_TOPIC_PARTITIONS,
              deadLetterRetentionDays: environment.DEAD_LETTER_RETENTION_DAYS,
              connection: kafkaConnectionOf(environment),
            },
            consumer: {
              sessionTimeoutMs: environment.KAFKA_SESSION_TIMEOUT_MS,
              heartbeatIntervalMs: environment.KAFKA_HEARTBEAT_INTERVAL_MS,
              commitIntervalMs: environment.KAFKA_COMMIT_INTERVAL_MS,
              fetchMinBytes: environment.KAFKA_FETCH_MIN_BYTES,
              fetchMaxWaitMs: environment.KAFKA_FETCH_MAX_WAIT_MS,
              partitionsConsumedConcurrently: environment.KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY,
              ...options.consumer,
            },
            relay: {
              maxPublishAttempts: environment.OUTBOX_MAX_PUBLISH_ATTEMPTS,
              lingerMs: environment.OUTBOX_RELAY_LINGER_MS,
              ...options.relay,
            },
            ...(options.events ? { events: options.events } : {}),
          }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: ServiceLogger,
          useValue: new ServiceLogger(createServiceLogger(options.name, environment.LOG_LEVEL)),
        },
        ServiceMetrics,
        MessagingMetrics,
        TracingShutdown,
        {
          provide: READINESS_CHECKS,
          inject: [DataSource, MessagingReadiness],
          useFactory: (dataSource: DataSource, messaging: MessagingReadiness) => [
            new DatabaseReadiness(dataSource),
            messaging,
          ],
        },
        {
          provide: PooledSqlReader,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new PooledSqlReader(dataSource),
        },
        {
          provide: ProblemDetailsFilter,
          useValue: new ProblemDetailsFilter([...idempotencyErrorMappings, ...(options.errors ?? [])]),
        },
        { provide: APP_FILTER, useExisting: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
      ],
      exports: [ServiceLogger, ServiceMetrics, PooledSqlReader, ProblemDetailsFilter],
    };
  }
}
