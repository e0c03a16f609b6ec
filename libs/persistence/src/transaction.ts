import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in the caller's transaction when there is one (`within`), else in a transaction of
 * its own: a use case that is one step of a larger change (an import applied all or nothing) joins
 * it, the same use case called alone commits by itself.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  within: EntityManager | undefined,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return within ? work(within) : dataSource.transaction(work);
}
