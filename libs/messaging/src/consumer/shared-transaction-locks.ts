import type { EntityManager } from 'typeorm';

/** How long a transaction shared by several events waits for a lock before they go one by one. */
const SHARED_TRANSACTION_LOCK_TIMEOUT = '100ms';

/**
 * Takes the locks the handlers of a shared transaction's events declared, ordered by lock, then
 * limits how long anything else may wait: a lock no handler declared holds the locks of every
 * event so far while it waits, and two such transactions can wait for each other, so better to
 * split the run than to wait.
 */
export async function lockUpFront(manager: EntityManager, declaredLocks: readonly string[]): Promise<void> {
  // One statement: the inner query's ORDER BY is kept (a sorted subquery is not flattened).
  await manager.query(
    `SELECT set_config('lock_timeout', $2, true)
       FROM (SELECT count(pg_advisory_xact_lock(lock))
               FROM (SELECT DISTINCT hashtext(key) AS lock FROM unnest($1::text[]) AS key ORDER BY lock) AS declared
            ) AS taken`,
    [declaredLocks, SHARED_TRANSACTION_LOCK_TIMEOUT],
  );
}

/** PostgreSQL's lock_not_available: a lock_timeout expired. */
export function isLockTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '55P03';
}
