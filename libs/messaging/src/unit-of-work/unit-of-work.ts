import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent, RecordsEvents } from '@vouch/contracts';
import { ambientTransaction, withAmbientTransaction } from '@vouch/persistence';
import type { NewEvent, Outbox, StateChange } from '../outbox/outbox';

/** A repository was used outside `UnitOfWork.run`: its writes would belong to no transaction. */
export class NoUnitOfWorkError extends Error {
  override readonly name = 'NoUnitOfWorkError';
}

/**
 * One transaction for a use case's aggregates and the events they recorded: the rows and their
 * outbox rows commit together or not at all. Use cases call `run`; repositories take the
 * transaction from `transaction()` and save through `save` / `saveInOneStatement`, so use cases
 * never see an EntityManager or the outbox.
 *
 * The transaction travels in an AsyncLocalStorage (`withAmbientTransaction`), as
 * `@nestjs-cls/transactional` does it; that library is not among our dependencies, and what we
 * need of it (join or begin, find the current one) is these few lines.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Runs `work` in the transaction already open for it (an `Idempotency-Key` request's, an event
   * handler's, an enclosing `run`), else in one of its own that commits when `work` resolves and
   * rolls back when it throws.
   */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (ambientTransaction()) return work();
    return this.dataSource.transaction((manager) => withAmbientTransaction(manager, work));
  }

  /**
   * Runs `work` whose every write is one statement (`saveInOneStatement`, or a single query) without
   * opening a transaction for it: each statement commits on its own, as PostgreSQL commits a lone
   * statement. For a job that records many outcomes one by one as they come (the email sender, as
   * SMTP answers), where a transaction each would only add BEGIN and COMMIT round trips and hold
   * nothing together. Joins the transaction already open, as `run` does.
   */
  runWithoutTransaction<T>(work: () => Promise<T>): Promise<T> {
    if (ambientTransaction()) return work();
    return withAmbientTransaction(this.dataSource.manager, work);
  }

  /** The transaction of the `run` in progress, for a repository's reads and writes. */
  transaction(): EntityManager {
    const manager = ambientTransaction();
    if (!manager) throw new NoUnitOfWorkError('a repository was used outside UnitOfWork.run');
    return manager;
  }

  /** Writes the aggregate's rows with `write`, then the events it recorded, in the transaction. */
  async save(aggregate: RecordsEvents, write: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    const manager = this.transaction();
    await write(manager);
    await this.addEvents(manager, aggregate.pullEvents());
  }

  /**
   * Writes the aggregate's rows in one statement (`change`, with `RETURNING`) that also adds its
   * first recorded event (`Outbox.addAlongside`): a round trip less on a hot write path. False when
   * the change touched no row; then no event is added either.
   */
  async saveInOneStatement(aggregate: RecordsEvents, change: StateChange): Promise<boolean> {
    const manager = this.transaction();
    const [first, ...others] = aggregate.pullEvents();
    if (!first) {
      const rows: unknown[] = await manager.query(change.sql, change.params);
      return rows.length > 0;
    }
    const added = await this.outbox.addAlongside(manager, change, first.definition, outboxEntry(first));
    if (!added) return false;
    await this.addEvents(manager, others);
    return true;
  }

  /**
   * The many-aggregates form of `saveInOneStatement`, for aggregates that recorded one event at most
   * each: `change` writes all their rows and returns the ids of those it changed (as `id`); only
   * those aggregates' events are added. Answers, per aggregate in order, whether its row changed.
   */
  async saveAllInOneStatement(
    aggregates: ReadonlyArray<{ id: string; aggregate: RecordsEvents }>,
    change: StateChange,
  ): Promise<boolean[]> {
    const entries = aggregates.map(({ id, aggregate }) => {
      const events = aggregate.pullEvents();
      if (events.length > 1)
        throw new Error(`aggregate ${id} recorded ${events.length} events, one at most expected`);
      return events.map((event) => ({
        changedId: id,
        definition: event.definition,
        init: outboxEntry(event),
      }));
    });
    const changed = await this.outbox.addAllAlongside(this.transaction(), change, entries.flat());
    return aggregates.map(({ id }) => changed.has(id));
  }

  /**
   * Adds a tombstone for a key of a compacted topic (`Outbox.addTombstone`) after the events added
   * so far in the transaction: what a repository writes when an aggregate's record must go.
   */
  async tombstone(topic: string, key: string): Promise<void> {
    await this.outbox.addTombstone(this.transaction(), topic, key);
  }

  private async addEvents(manager: EntityManager, events: RecordedEvent[]): Promise<void> {
    for (const event of events) await this.outbox.add(manager, event.definition, outboxEntry(event));
  }
}

function outboxEntry({ subject, data, cause, id }: RecordedEvent): NewEvent<RecordedEvent['definition']> {
  return id === undefined ? { subject, data, cause } : { subject, data, cause, id };
}
