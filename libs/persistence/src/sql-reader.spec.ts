import { DataSource } from 'typeorm';
import { PooledSqlReader } from './sql-reader';

/** A DataSource as TypeORM's PostgreSQL driver leaves it after initialize(), its pool at `master`. */
function initializedDataSource(master: unknown): DataSource {
  return { isInitialized: true, driver: { master } } as unknown as DataSource;
}

describe('PooledSqlReader', () => {
  it("reads on the pg Pool TypeORM's PostgreSQL driver keeps", async () => {
    const rows = [{ one: 1 }];
    const pool = { connect: jest.fn(), query: jest.fn().mockResolvedValue({ rows }) };
    const reader = new PooledSqlReader(initializedDataSource(pool));

    await expect(reader.query('SELECT $1::int AS one', [1])).resolves.toBe(rows);
    expect(pool.query).toHaveBeenCalledWith('SELECT $1::int AS one', [1]);
  });

  it('refuses, when it is made, a TypeORM that no longer keeps its pool where the reader looks', () => {
    expect(() => new PooledSqlReader(initializedDataSource(undefined))).toThrow(
      "PooledSqlReader found no pg Pool in TypeORM's PostgresDriver.master",
    );
  });

  it('refuses a DataSource not initialized yet, which has no pool', () => {
    const dataSource = new DataSource({ type: 'postgres', url: 'postgres://127.0.0.1:1/none' });

    expect(() => new PooledSqlReader(dataSource)).toThrow('PooledSqlReader needs an initialized DataSource');
  });
});
