import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How long a service's database session may spend on one statement, waiting for one lock, or idle
 * inside a transaction, in milliseconds; 0 leaves the server's own setting (none by default).
 */
export interface DatabaseTimeouts {
  /** `statement_timeout`: a statement running longer is cancelled (SQLSTATE 57014). */
  statementTimeoutMs: number;
  /** `lock_timeout`: a statement waiting longer for a lock is cancelled (SQLSTATE 55P03). */
  lockTimeoutMs: number;
  /**
   * `idle_in_transaction_session_timeout`: a session that sits this long inside a transaction
   * without a statement is ended, its locks released (SQLSTATE 25P03).
   */
  idleInTransactionTimeoutMs: number;
}

/**
 * No request, event handler or sweep of the services runs a statement for more than a fraction of a
 * second, or holds a transaction open across anything but its own statements (the notifications
 * sender leaves none open across SMTP): 30 s is far beyond any of them and still frees a pool
 * connection. A lock wait of 10 s means a holder that is stuck rather than busy; the consumer's five
 * attempts at an event then span about 50 s, which outlasts a stuck holder's 30 s idle-in-transaction
 * limit, so the event is handled rather than dead-lettered.
 */
export const defaultDatabaseTimeouts: DatabaseTimeouts = {
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 30_000,
};

/** The limits as node-postgres sends them when a session starts (startup parameters). */
export function sessionTimeouts(timeouts: DatabaseTimeouts) {
  return {
    statement_timeout: timeouts.statementTimeoutMs,
    lock_timeout: timeouts.lockTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
  };
}

/** SQLSTATEs of a statement cancelled by its session's limits: the same work may succeed later. */
const TIMED_OUT_SQLSTATE = new Set(['57014', '55P03', '25P03']);

/**
 * Whether an error says a statement ran or waited past its session's limits (statement, lock or
 * idle-in-transaction timeout), rather than that it was wrong. Looks through TypeORM's `driverError`.
 */
export function isDatabaseTimeout(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  if (typeof code === 'string' && TIMED_OUT_SQLSTATE.has(code)) return true;
  return driverError !== undefined && driverError !== error && isDatabaseTimeout(driverError);
}

type MigrationClass = new () => MigrationInterface;

/**
 * The same migration, run with no statement_timeout: rewriting a table or building an index may
 * rightly take minutes. Its lock waits keep lock_timeout, so a migration stuck behind a long
 * transaction fails (and the next start retries it) instead of queueing every request behind its lock.
 * TypeORM knows a migration by its class name, which the wrapper keeps.
 */
export function withoutStatementTimeout(migration: MigrationClass): MigrationClass {
  const Unlimited = class extends migration {
    override up(queryRunner: QueryRunner): Promise<void> {
      return unlimited(queryRunner, () => super.up(queryRunner));
    }

    override down(queryRunner: QueryRunner): Promise<void> {
      return unlimited(queryRunner, () => super.down(queryRunner));
    }
  };
  Object.defineProperty(Unlimited, 'name', { value: migration.name });
  return Unlimited;
}

async function unlimited(queryRunner: QueryRunner, work: () => Promise<unknown>): Promise<void> {
  // In the migration's transaction, SET LOCAL ends with it; a migration run outside one
  // (`transaction = false`) sets the session and gives its pool connection back as it was.
  if (queryRunner.isTransactionActive) {
    await queryRunner.query('SET LOCAL statement_timeout = 0');
    await work();
    return;
  }
  await queryRunner.query('SET statement_timeout = 0');
  try {
    await work();
  } finally {
    await queryRunner.query('RESET statement_timeout');
  }
}
