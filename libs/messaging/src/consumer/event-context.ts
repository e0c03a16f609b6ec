import type { EntityManager } from 'typeorm';
import type { CloudEvent } from '@vouch/contracts';

/**
 * What an `@HandlesEvent` handler gets with `@Ctx()`: the transaction its writes must use (the
 * inbox record commits with them), and where the event came from.
 */
export class EventContext {
  constructor(
    readonly event: CloudEvent,
    /** The handler's transaction; writes through anything else are not exactly-once. */
    readonly manager: EntityManager,
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    /** 1 on first delivery, more when earlier attempts failed transiently. */
    readonly attempt: number,
  ) {}
}
