import { AsyncLocalStorage } from 'node:async_hooks';
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

/*
 * The transaction the current request or event runs in, carried by the async context instead of
 * by every call: whoever opens one (the idempotency interceptor, an event handler's consumer, a
 * unit of work) declares it here, and the repositories below a use case find it without the use
 * case handing it down.
 */
const ambient = new AsyncLocalStorage<EntityManager>();

/** The transaction `work` runs in, for whatever it calls to find with `ambientTransaction()`. */
export function withAmbientTransaction<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
  return ambient.run(manager, work);
}

/** The transaction of the work in progress, if it runs in one. */
export function ambientTransaction(): EntityManager | undefined {
  return ambient.getStore();
}
