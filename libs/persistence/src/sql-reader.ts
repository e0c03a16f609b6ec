import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * What a repository's plain-SQL reads run on: one statement, its rows back. A transaction's
 * EntityManager is one (reads that must see the transaction's writes or hold its locks), and so is
 * `PooledSqlReader` (reads on their own).
 */
export interface SqlReader {
  query<Row>(sql: string, parameters?: unknown[]): Promise<Row[]>;
}

/**
 * Reads outside any transaction, run straight on the connection pool TypeORM holds: TypeORM's
 * `manager.query` creates a query runner, takes and releases a connection through it and shapes
 * the result for each statement, which cost a balance read (five statements) a sixth of the
 * service's CPU (bench/README, reads). Same pool, connections and prepared statements; errors are
 * pg's own, unwrapped (`isDatabaseUnavailable` reads both). Only for SELECTs: TypeORM answers an
 * UPDATE or DELETE with more than its rows, and a transaction's statements belong on its manager.
 */
export class PooledSqlReader implements SqlReader {
  private readonly pool: Pool;

  constructor(dataSource: DataSource) {
    this.pool = poolOf(dataSource);
  }

  async query<Row>(sql: string, parameters?: unknown[]): Promise<Row[]> {
    const result = await this.pool.query(sql, parameters);
    return result.rows as Row[];
  }
}

/**
 * The pg Pool of an initialized DataSource. TypeORM has no public way to it: its PostgreSQL driver
 * keeps it in `master`, an internal. Checked when the reader is made, at the service's boot, so
 * that a TypeORM upgrade that moves it stops the boot with this message instead of failing reads.
 */
function poolOf(dataSource: DataSource): Pool {
  if (!dataSource.isInitialized)
    throw new Error(
      'PooledSqlReader needs an initialized DataSource: TypeORM makes its pool in initialize()',
    );
  const master: unknown = (dataSource.driver as { master?: unknown }).master;
  if (!isPool(master))
    throw new Error(
      "PooledSqlReader found no pg Pool in TypeORM's PostgresDriver.master, the internal it reads: " +
        'the TypeORM version in use keeps its pool elsewhere, and libs/persistence/src/sql-reader.ts must follow',
    );
  return master;
}

function isPool(candidate: unknown): candidate is Pool {
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof (candidate as Partial<Pool>).query === 'function' &&
    typeof (candidate as Partial<Pool>).connect === 'function'
  );
}
