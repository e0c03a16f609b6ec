import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

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
    this.pool = (dataSource.driver as PostgresDriver).master as Pool;
  }

  async query<Row>(sql: string, parameters?: unknown[]): Promise<Row[]> {
    const result = await this.pool.query(sql, parameters);
    return result.rows as Row[];
  }
}
