import type { DataSource } from 'typeorm';

/** An event waiting in the outbox, as the relay publishes it. */
export interface OutboxRow {
  position: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: string;
}

export interface OutboxBacklog {
  unpublished: number;
  oldestUnpublishedAgeSeconds: number;
}

/** The relay's view of the outbox table. */
export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The oldest unpublished events, in the order they were written. It walks the partial index past
   * the entries published events left there until the table is vacuumed.
   */
  fetchUnpublished(limit: number): Promise<OutboxRow[]> {
    return this.fetch(`published_at IS NULL ORDER BY position LIMIT $1`, [limit]);
  }

  /** Those of the events at these positions that are not published yet, in the order they were written. */
  fetchUnpublishedAt(positions: readonly string[]): Promise<OutboxRow[]> {
    return this.fetch(`position = ANY($1::bigint[]) AND published_at IS NULL ORDER BY position`, [positions]);
  }

  private async fetch(condition: string, params: unknown[]): Promise<OutboxRow[]> {
    const rows: Array<{
      position: string;
      topic: string;
      message_key: string;
      headers: Record<string, string>;
      payload: string;
    }> = await this.dataSource.query(
      `SELECT position, topic, message_key, headers, payload FROM outbox WHERE ${condition}`,
      params,
    );
    return rows.map((row) => ({
      position: String(row.position),
      topic: row.topic,
      key: row.message_key,
      headers: row.headers,
      payload: row.payload,
    }));
  }

  async markPublished(positions: string[]): Promise<void> {
    await this.dataSource.query(`UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])`, [
      positions,
    ]);
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
    const [row]: Array<{ unpublished: string; oldest_age: number | null }> = await this.dataSource.query(
      `SELECT count(*) AS unpublished, extract(epoch FROM now() - min(created_at))::float AS oldest_age
         FROM outbox WHERE published_at IS NULL`,
    );
    return { unpublished: Number(row.unpublished), oldestUnpublishedAgeSeconds: row.oldest_age ?? 0 };
  }
}
