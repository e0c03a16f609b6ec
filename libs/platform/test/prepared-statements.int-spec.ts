import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@vouch/testing';
import {
  MAX_PREPARED_STATEMENTS_PER_CONNECTION,
  PreparingClient,
  serviceDataSourceOptions,
} from '@vouch/persistence';

/** The statements this connection has prepared, as PostgreSQL lists them. */
async function preparedOn(run: (sql: string) => Promise<Array<{ statement: string }>>): Promise<string[]> {
  const rows = await run(`SELECT statement FROM pg_prepared_statements ORDER BY statement`);
  return rows.map((row) => row.statement);
}

describe('prepared statements', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('prepared');
  });

  afterAll(async () => {
    await database.drop();
  });

  async function dataSource(preparedStatements?: boolean): Promise<DataSource> {
    const source = new DataSource(
      serviceDataSourceOptions({
        url: database.url,
        applicationName: 'prepared-statements-test',
        entities: [],
        migrations: [],
        poolSize: 2,
        ...(preparedStatements === undefined ? {} : { preparedStatements }),
      }),
    );
    return source.initialize();
  }

  it("prepares a service's parameterized statements once per connection, and nothing else", async () => {
    const source = await dataSource();
    try {
      const prepared = await source.transaction(async (manager) => {
        const answers = [];
        for (const n of [1, 2, 3]) answers.push(await manager.query(`SELECT $1::int * 2 AS doubled`, [n]));
        expect(answers).toEqual([[{ doubled: 2 }], [{ doubled: 4 }], [{ doubled: 6 }]]);
        await manager.query(`SELECT 1 AS unparameterized`);
        return preparedOn((sql) => manager.query(sql));
      });
      // TypeORM's own check for its migrations table may have used this connection too.
      expect(prepared.filter((statement) => /doubled|unparameterized/.test(statement))).toEqual([
        'SELECT $1::int * 2 AS doubled',
      ]);
    } finally {
      await source.destroy();
    }
  });

  it('prepares nothing when switched off (DATABASE_PREPARED_STATEMENTS=false)', async () => {
    const source = await dataSource(false);
    try {
      const prepared = await source.transaction(async (manager) => {
        await manager.query(`SELECT $1::int * 2 AS doubled`, [1]);
        await manager.query(`SELECT $1::int * 2 AS doubled`, [2]);
        return preparedOn((sql) => manager.query(sql));
      });
      expect(prepared).toEqual([]);
    } finally {
      await source.destroy();
    }
  });

  describe('on one connection', () => {
    let client: Client;
    const run = async (sql: string, values?: unknown[]) => (await client.query(sql, values)).rows;

    beforeEach(async () => {
      client = new PreparingClient({ connectionString: database.url });
      await client.connect();
    });

    afterEach(async () => {
      await client.end();
    });

    it('answers with the new columns after one failure when a table under SELECT * changes', async () => {
      await run(`DROP TABLE IF EXISTS probe`);
      await run(`CREATE TABLE probe (id int PRIMARY KEY)`);
      await run(`INSERT INTO probe VALUES (1)`);
      const select = `SELECT * FROM probe WHERE id = $1`;
      expect(await run(select, [1])).toEqual([{ id: 1 }]);

      await run(`ALTER TABLE probe ADD COLUMN label text DEFAULT 'new'`);

      await expect(run(select, [1])).rejects.toMatchObject({ code: '0A000' });
      expect(await run(select, [1])).toEqual([{ id: 1, label: 'new' }]);
      expect(await run(select, [1])).toEqual([{ id: 1, label: 'new' }]);
    });

    it('answers after one failure when the server forgot the statement, as behind a pooler', async () => {
      const select = `SELECT $1::int + 1 AS next`;
      expect(await run(select, [1])).toEqual([{ next: 2 }]);

      await run(`DEALLOCATE ALL`);

      await expect(run(select, [1])).rejects.toMatchObject({ code: '26000' });
      expect(await run(select, [2])).toEqual([{ next: 3 }]);
    });

    it(`prepares at most ${MAX_PREPARED_STATEMENTS_PER_CONNECTION} statements and answers the others all the same`, async () => {
      const statements = MAX_PREPARED_STATEMENTS_PER_CONNECTION + 5;
      for (let n = 0; n < statements; n += 1) {
        expect(await run(`SELECT $1::int + ${n} AS sum`, [1])).toEqual([{ sum: n + 1 }]);
      }
      const prepared = await preparedOn((sql) => run(sql) as Promise<Array<{ statement: string }>>);
      expect(prepared).toHaveLength(MAX_PREPARED_STATEMENTS_PER_CONNECTION);
      expect(await run(`SELECT $1::int + ${statements - 1} AS sum`, [1])).toEqual([{ sum: statements }]);
    });

    it('hands errors and results to a callback too', async () => {
      const answer = await new Promise((resolve, reject) =>
        client.query(`SELECT $1::text AS echoed`, ['hello'], (error, result) =>
          error ? reject(error) : resolve(result.rows),
        ),
      );
      expect(answer).toEqual([{ echoed: 'hello' }]);
      const failure = await new Promise((resolve) =>
        client.query(`SELECT $1::int AS broken`, ['not a number'], (error) => resolve(error)),
      );
      expect(failure).toMatchObject({ code: '22P02' });
    });
  });
});
