import type { DataSource } from 'typeorm';

/** An event the relay parked: Kafka refused it for good, or it waits for one of its key that was. */
export interface ParkedEvent {
  position: string;
  eventId: string;
  eventType: string;
  /** The logical topic (without the prefix). */
  topic: string;
  key: string;
  /** Refused attempts to publish it; 0 when it was parked behind another event of its key. */
  attempts: number;
  /** Kafka's refusal, or which parked event it waits for. */
  error: string | null;
  /** Its value's size in bytes, to compare with the topic's max.message.bytes. */
  bytes: number;
  createdAt: string;
  parkedAt: string;
}

/** `all`: every parked event; otherwise the one at `position` and the later parked events of its key. */
export type ParkedSelection = { all: true } | { position: string };

/** A position that names no parked event. */
export class ParkedEventSelectionError extends Error {
  override readonly name = 'ParkedEventSelectionError';
}

/**
 * What an operator does with the outbox events the relay parked: lists them, and releases them once
 * the cause is fixed (the topic's max.message.bytes raised, say). A released event is unpublished
 * again, with no attempts counted: the relay publishes it in its place, in the order it was written.
 */
export class ParkedEventStore {
  constructor(private readonly dataSource: DataSource) {}

  async list({ limit = 100 }: { limit?: number } = {}): Promise<ParkedEvent[]> {
    const rows: Array<{
      position: string;
      event_id: string;
      event_type: string;
      topic: string;
      message_key: string;
      publish_attempts: number;
      publish_error: string | null;
      bytes: number;
      created_at: Date;
      parked_at: Date;
    }> = await this.dataSource.query(
      `SELECT position, event_id, event_type, topic, message_key, publish_attempts, publish_error,
              octet_length(payload) AS bytes, created_at, parked_at
         FROM outbox WHERE parked_at IS NOT NULL AND published_at IS NULL
        ORDER BY position LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      position: String(row.position),
      eventId: row.event_id,
      eventType: row.event_type,
      topic: row.topic,
      key: row.message_key,
      attempts: row.publish_attempts,
      error: row.publish_error,
      bytes: Number(row.bytes),
      createdAt: row.created_at.toISOString(),
      parkedAt: row.parked_at.toISOString(),
    }));
  }

  /**
   * Releases parked events for the relay to publish; returns the positions released. Releasing one
   * releases the later parked events of its key too: released alone, they would only be parked again.
   */
  async release(selection: ParkedSelection): Promise<string[]> {
    if ('position' in selection && !/^\d+$/.test(selection.position))
      throw new ParkedEventSelectionError(`a position is a whole number, not "${selection.position}"`);
    const [rows]: [Array<{ position: string }>, number] = await this.dataSource.query(
      'all' in selection
        ? `UPDATE outbox SET parked_at = NULL, publish_attempts = 0
            WHERE parked_at IS NOT NULL AND published_at IS NULL RETURNING position`
        : `UPDATE outbox SET parked_at = NULL, publish_attempts = 0
             FROM (SELECT topic, message_key FROM outbox
                    WHERE position = $1 AND parked_at IS NOT NULL AND published_at IS NULL) AS chosen
            WHERE outbox.topic = chosen.topic AND outbox.message_key = chosen.message_key
              AND outbox.position >= $1 AND outbox.parked_at IS NOT NULL AND outbox.published_at IS NULL
            RETURNING outbox.position`,
      'all' in selection ? [] : [selection.position],
    );
    if ('position' in selection && rows.length === 0)
      throw new ParkedEventSelectionError(`no parked event at position ${selection.position}`);
    return rows.map((row) => String(row.position)).sort((a, b) => Number(a) - Number(b));
  }
}
