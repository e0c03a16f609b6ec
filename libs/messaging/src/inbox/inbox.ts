import type { EntityManager } from 'typeorm';

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
}
