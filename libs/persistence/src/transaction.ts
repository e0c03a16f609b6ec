import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

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
