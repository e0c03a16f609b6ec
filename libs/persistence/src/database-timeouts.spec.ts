import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isDatabaseTimeout, sessionTimeouts, withoutStatementTimeout } from './database-timeouts';

class AddColumn1800000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE t ADD COLUMN c int');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE t DROP COLUMN c');
  }
}

class BuildIndex1800000000001 extends AddColumn1800000000000 {
  transaction = false;
}

/** A query runner that records the statements it is given. */
function recordingRunner(inTransaction: boolean): { runner: QueryRunner; statements: string[] } {
  const statements: string[] = [];
  const runner = {
    isTransactionActive: inTransaction,
    query: async (sql: string) => {
      statements.push(sql);
      if (sql.includes('fail')) throw new Error('failed');
      return [];
    },
  } as unknown as QueryRunner;
  return { runner, statements };
}

describe('database timeouts', () => {
  it('are sent as the startup parameters node-postgres knows', () => {
    expect(
      sessionTimeouts({ statementTimeoutMs: 30_000, lockTimeoutMs: 10_000, idleInTransactionTimeoutMs: 0 }),
    ).toEqual({ statement_timeout: 30_000, lock_timeout: 10_000, idle_in_transaction_session_timeout: 0 });
  });

  it('tell a statement cut by a limit from one that was wrong, through TypeORM’s wrapping', () => {
    expect(isDatabaseTimeout({ code: '57014' })).toBe(true);
    expect(isDatabaseTimeout({ code: '55P03' })).toBe(true);
    expect(isDatabaseTimeout({ message: 'Query failed', driverError: { code: '57014' } })).toBe(true);
    expect(isDatabaseTimeout({ code: '23505' })).toBe(false);
    expect(isDatabaseTimeout(new Error('canceling statement due to statement timeout'))).toBe(false);
    expect(isDatabaseTimeout(undefined)).toBe(false);
  });
});

describe('a migration without the statement limit', () => {
  it('keeps the name TypeORM records it under, and what it does', async () => {
    const Unlimited = withoutStatementTimeout(AddColumn1800000000000);
    const migration = new Unlimited();
    expect(Unlimited.name).toBe('AddColumn1800000000000');
    expect(migration.constructor.name).toBe('AddColumn1800000000000');
    expect(migration.transaction).toBeUndefined();
    expect(new (withoutStatementTimeout(BuildIndex1800000000001))().transaction).toBe(false);

    const { runner, statements } = recordingRunner(true);
    await migration.up(runner);
    await migration.down(runner);
    expect(statements).toEqual([
      'SET LOCAL statement_timeout = 0',
      'ALTER TABLE t ADD COLUMN c int',
      'SET LOCAL statement_timeout = 0',
      'ALTER TABLE t DROP COLUMN c',
    ]);
  });

  it('outside a transaction, gives its connection back with the session’s limit, even when it fails', async () => {
    class Failing1800000000002 implements MigrationInterface {
      async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('fail');
      }

      async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('fail');
      }
    }
    const { runner, statements } = recordingRunner(false);
    await expect(new (withoutStatementTimeout(Failing1800000000002))().up(runner)).rejects.toThrow('failed');
    expect(statements).toEqual(['SET statement_timeout = 0', 'fail', 'RESET statement_timeout']);
  });
});
