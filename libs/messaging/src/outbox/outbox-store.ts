import type { DataSource } from 'typeorm';

/** An event waiting in the outbox, as the relay publishes it. */
export interface OutboxRow {
  position: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  /** Null for a tombstone. */
  payload: string | null;
  /** The position of a parked event of the same topic and key written before it, if any: it waits for that one. */
  parkedBefore: string | null;
}

export interface OutboxBacklog {
  /** Events to publish: parked ones do not count. */
  unpublished: number;
  oldestUnpublishedAgeSeconds: number;
  /** Events parked until an operator releases them. */
  parked: number;
}

/** The relay's view of the outbox table. */
export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The oldest unpublished events, in the order they were written, parked ones and those at the
   * `except` positions left out. It walks
   * the partial index past the entries published events left there until the table is vacuumed.
   */
  fetchUnpublished(limit: number, except: readonly string[] = []): Promise<OutboxRow[]> {
    return except.length === 0
      ? this.fetch(`published_at IS NULL AND parked_at IS NULL ORDER BY position LIMIT $1`, [limit])
      : this.fetch(
          `published_at IS NULL AND parked_at IS NULL AND position <> ALL($2::bigint[]) ORDER BY position LIMIT $1`,
          [limit, except],
        );
  }

  /** Those of the events at these positions that are neither published nor parked, in the order they were written. */
  fetchUnpublishedAt(positions: readonly string[]): Promise<OutboxRow[]> {
    return this.fetch(
      `position = ANY($1::bigint[]) AND published_at IS NULL AND parked_at IS NULL ORDER BY position`,
      [positions],
    );
  }

  private async fetch(condition: string, params: unknown[]): Promise<OutboxRow[]> {
    const rows: Array<{
      position: string;
      topic: string;
      message_key: string;
      headers: Record<string, string>;
      payload: string | null;
      parked_before: string | null;
    }> = await this.dataSource.query(
      `SELECT position, topic, message_key, headers, payload,
              (SELECT parked.position FROM outbox parked
                WHERE parked.parked_at IS NOT NULL AND parked.published_at IS NULL
                  AND parked.topic = outbox.topic AND parked.message_key = outbox.message_key
                  AND parked.position < outbox.position
                ORDER BY parked.position LIMIT 1) AS parked_before
         FROM outbox WHERE ${condition}`,
      params,
    );
    return rows.map((row) => ({
      position: String(row.position),
      topic: row.topic,
      key: row.message_key,
      headers: row.headers,
      payload: row.payload,
      parkedBefore: row.parked_before === null ? null : String(row.parked_before),
    }));
  }

  /** Counts a refused attempt to publish the event, with Kafka's answer; returns the attempts so far. */
  async recordRefusal(position: string, error: string): Promise<number> {
    const [rows]: [Array<{ publish_attempts: number }>, number] = await this.dataSource.query(
      `UPDATE outbox SET publish_attempts = publish_attempts + 1, publish_error = $2
        WHERE position = $1 RETURNING publish_attempts`,
      [position, error],
    );
    return rows[0]?.publish_attempts ?? 0;
  }

  /** Parks unpublished events until an operator releases them; `reason`, when given, replaces their last error. */
  async park(positions: string[], reason?: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET parked_at = now(), publish_error = COALESCE($2, publish_error)
        WHERE position = ANY($1::bigint[]) AND published_at IS NULL AND parked_at IS NULL`,
      [positions, reason ?? null],
    );
  }

  /**
   * Marks the events at these positions published, except those another session locks (an idle
   * transaction, an operator's `SELECT … FOR UPDATE`): waiting for such a lock would stall every
   * later event behind it. Returns the positions it left unmarked for that reason.
   */
  async markPublished(positions: readonly string[]): Promise<string[]> {
    const rows: Array<{ position: string }> = await this.dataSource.query(
      `WITH unlocked AS (
         SELECT position FROM outbox WHERE position = ANY($1::bigint[]) FOR NO KEY UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE outbox SET published_at = now() FROM unlocked
          WHERE outbox.position = unlocked.position AND outbox.published_at IS NULL
       )
       SELECT position FROM outbox
        WHERE position = ANY($1::bigint[]) AND position NOT IN (SELECT position FROM unlocked)`,
      [positions],
    );
    return rows.map((row) => String(row.position));
  }

  /** Deletes events published before `before`; returns how many. */
  async purgePublishedBefore(before: Date): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < $1`,
      [before],
    );
    return count;
  }

  async backlog(): Promise<OutboxBacklog> {
    const [row]: Array<{ unpublished: string; oldest_age: number | null; parked: string }> =
      await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE parked_at IS NULL) AS unpublished,
                extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL))::float AS oldest_age,
                count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
           FROM outbox WHERE published_at IS NULL`,
      );
    return {
      unpublished: Number(row.unpublished),
      oldestUnpublishedAgeSeconds: row.oldest_age ?? 0,
      parked: Number(row.parked),
    };
  }
}
