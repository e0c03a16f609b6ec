import type { DataSourceOptions, MixedList, EntitySchema, MigrationInterface } from 'typeorm';
import {
  defaultDatabaseTimeouts,
  sessionTimeouts,
  withoutStatementTimeout,
  type DatabaseTimeouts,
} from './database-timeouts';
import { PreparingClient } from './prepared-statements';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type ClassLike = abstract new (...args: never[]) => unknown;

export interface ServiceDataSourceConfig {
  /** `postgres://user:password@host:port/database` of the service's own database. */
  url: string;
  /** Shows in `pg_stat_activity`, so operators can tell the services' connections apart. */
  applicationName: string;
  entities: MixedList<ClassLike | EntitySchema | string>;
  migrations: MixedList<ClassLike | string>;
  poolSize?: number;
  /** Prepares each parameterized statement once per connection (PreparingClient); on by default. */
  preparedStatements?: boolean;
  /** Every pooled session's statement, lock and idle-in-transaction limits; defaultDatabaseTimeouts for any left out. */
  timeouts?: Partial<DatabaseTimeouts>;
}

/**
 * TypeORM options every service uses: snake_case names, migrations run at boot, and never
 * `synchronize` — the schema changes only through reviewed migrations; statements prepared once per
 * connection; every session time-limited (DatabaseTimeouts), but migrations never cut short by
 * statement_timeout.
 */
export function serviceDataSourceOptions(config: ServiceDataSourceConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    applicationName: config.applicationName,
    entities: config.entities,
    migrations: withoutStatementTimeouts(config.migrations),
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: config.poolSize ?? 10,
    extra: {
      connectionTimeoutMillis: 5_000,
      ...sessionTimeouts({ ...defaultDatabaseTimeouts, ...config.timeouts }),
      ...((config.preparedStatements ?? true) ? { Client: PreparingClient } : {}),
    },
  };
}

function withoutStatementTimeouts(migrations: MixedList<ClassLike | string>): MixedList<ClassLike | string> {
  // A class is a migration; a string is a glob TypeORM loads itself, left as it is.
  const wrap = (migration: ClassLike | string) =>
    typeof migration === 'string'
      ? migration
      : withoutStatementTimeout(migration as unknown as new () => MigrationInterface);
  return Array.isArray(migrations)
    ? migrations.map(wrap)
    : Object.fromEntries(Object.entries(migrations).map(([name, migration]) => [name, wrap(migration)]));
}
