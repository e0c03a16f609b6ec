import type { DataSource, EntityManager } from 'typeorm';

/**
 * The consumer side of exactly-once effects: an event id is recorded per consumer in the same
 * transaction as the handler's writes. A redelivered event finds its record and is skipped; a
 * rolled-back handler leaves no record, so the event is processed again.
 */
export class Inbox {
  /** Records the event; false when this consumer already processed it. */
  async record(
    manager: EntityManager,
    consumer: string,
    eventId: string,
    eventType: string,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox (consumer, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
      [consumer, eventId, eventType],
    );
    return inserted.length === 1;
  }

  /**
   * Records events at once; returns the ids this consumer had not processed yet, each once even
   * when a batch carries the same event twice (republished after a relay crash).
   */
  async recordAll(
    manager: EntityManager,
    consumer: string,
    events: ReadonlyArray<{ id: string; type: string }>,
  ): Promise<Set<string>> {
    const inserted: Array<{ event_id: string }> = await manager.query(
      `INSERT INTO inbox (consumer, event_id, event_type)
       SELECT $1, event.id, event.type FROM unnest($2::text[], $3::text[]) AS event(id, type)
       ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
      [consumer, events.map((event) => event.id), events.map((event) => event.type)],
    );
    return new Set(inserted.map((row) => row.event_id));
  }
}

/**
 * Keeps the inbox from growing forever. A record only has to outlive any redelivery of its event:
 * Kafka keeps messages 7 days by default, so the default retention of inbox records is 30 days.
 * An event replayed from a dead-letter topic after that is processed again.
 */
export class InboxStore {
  constructor(private readonly dataSource: DataSource) {}

  async purgeProcessedBefore(before: Date): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM inbox WHERE processed_at < $1`,
      [before],
    );
    return count;
  }
}
