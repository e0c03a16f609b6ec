import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@vouch/testing';
import { isDatabaseUnavailable, PooledSqlReader, serviceDataSourceOptions } from '@vouch/persistence';

const APPLICATION = 'sql-reader-test';

describe('PooledSqlReader', () => {
  let database: TestDatabase;
  let source: DataSource;
  let reader: PooledSqlReader;

  beforeAll(async () => {
    database = await createTestDatabase('sql_reader');
    source = await new DataSource(
      serviceDataSourceOptions({
        url: database.url,
        applicationName: APPLICATION,
        entities: [],
        migrations: [],
        poolSize: 2,
      }),
    ).initialize();
    reader = new PooledSqlReader(source);
  });

  afterAll(async () => {
    await source.destroy();
    await database.drop();
  });

  it("finds the pool where the TypeORM version in use keeps it (its PostgreSQL driver's internal `master`)", () => {
    expect(() => new PooledSqlReader(source)).not.toThrow();
  });

  it("answers a statement's rows, on the connections of TypeORM's pool and never more of them", async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => reader.query<{ doubled: number }>(`SELECT $1::int * 2 AS doubled`, [n])),
    );
    expect(answers).toEqual([2, 4, 6, 8, 10, 12].map((doubled) => [{ doubled }]));

    const connections = await reader.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = $1`,
      [APPLICATION],
    );
    expect(connections).toEqual([{ count: 2 }]);
  });

  it('fails with an error that says the database went away when its connection is cut', async () => {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      const sleeping = reader.query(`SELECT pg_sleep($1::float)`, [30]);
      let terminated = 0;
      while (terminated === 0) {
        const { rows } = await admin.query<{ terminated: boolean }>(
          `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
            WHERE application_name = $1 AND query LIKE 'SELECT pg_sleep%'`,
          [APPLICATION],
        );
        terminated = rows.length;
      }
      const error: unknown = await sleeping.catch((failure: unknown) => failure);
      expect(isDatabaseUnavailable(error)).toBe(true);
      // The pool drops the cut connection and the next read gets a fresh one.
      await expect(reader.query(`SELECT $1::int AS one`, [1])).resolves.toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
    }
  });
});
