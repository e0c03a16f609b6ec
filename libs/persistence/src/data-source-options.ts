import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
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
}

/**
 * TypeORM options every service uses: snake_case names, migrations run at boot, and never
 * `synchronize` — the schema changes only through reviewed migrations; statements prepared once per
 * connection.
 */
export function serviceDataSourceOptions(config: ServiceDataSourceConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    applicationName: config.applicationName,
    entities: config.entities,
    migrations: config.migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: config.poolSize ?? 10,
    extra: {
      connectionTimeoutMillis: 5_000,
      ...((config.preparedStatements ?? true) ? { Client: PreparingClient } : {}),
    },
  };
}
