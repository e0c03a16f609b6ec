import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { delayAfter, type BackoffPolicy } from '../domain/backoff';

/**
 * Counters of requests and failures in PostgreSQL, so every instance of identity shares them: a
 * limit holds however many instances run and whichever one a request reaches. One row per key
 * (`login:address:203.0.113.7`, `register:all`…), forgotten at `expires_at`.
 */
@Injectable()
export class AbuseCounters {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one request in a fixed window (the first request opens it, for `windowSeconds`). Returns
   * the seconds left in the window once it holds more than `limit`, or undefined when the request
   * may go ahead.
   */
  async take(key: string, limit: number, windowSeconds: number): Promise<number | undefined> {
    const [row] = await this.dataSource.query<Array<{ count: number; wait: number }>>(
      `INSERT INTO abuse_counter AS c (key, count, expires_at)
       VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN c.expires_at <= now() THEN 1 ELSE c.count + 1 END,
         expires_at = CASE WHEN c.expires_at <= now() THEN EXCLUDED.expires_at ELSE c.expires_at END
       RETURNING count, ceil(extract(epoch FROM expires_at - now()))::int AS wait`,
      [key, windowSeconds],
    );
    if (!row || row.count <= limit) return undefined;
    return Math.max(1, row.wait);
  }

  /**
   * An attempt that counts as a failure until `forgive` says otherwise. While the delay of the
   * failures before it runs, it is refused (the seconds left) and not counted; otherwise it is
   * counted and sets the delay for the next one. Failures are forgotten `memorySeconds` after the
   * last. Locked per key, so attempts sent at once cannot all slip in before the delay is set.
   */
  attempt(key: string, policy: BackoffPolicy, memorySeconds: number): Promise<number | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO abuse_counter (key, count, expires_at) VALUES ($1, 0, now()) ON CONFLICT (key) DO NOTHING`,
        [key],
      );
      const [row] = await manager.query<Array<{ count: number; forgotten: boolean; wait: number | null }>>(
        `SELECT count, expires_at <= now() AS forgotten,
                ceil(extract(epoch FROM delayed_until - now()))::int AS wait
           FROM abuse_counter WHERE key = $1 FOR UPDATE`,
        [key],
      );
      if (row?.wait && row.wait > 0) return row.wait;
      const failures = !row || row.forgotten ? 1 : row.count + 1;
      const delay = delayAfter(failures, policy);
      await manager.query(
        `UPDATE abuse_counter SET count = $2, expires_at = now() + make_interval(secs => $3),
           delayed_until = CASE WHEN $4::int > 0 THEN now() + make_interval(secs => $4::int) END
         WHERE key = $1`,
        [key, failures, memorySeconds + delay, delay],
      );
      return undefined;
    });
  }

  /** Forgets a key's count and delay. */
  async forgive(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM abuse_counter WHERE key = $1`, [key]);
  }

  /** Forgets every key that starts with `prefix`. */
  async forgiveAll(prefix: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM abuse_counter WHERE starts_with(key, $1)`, [prefix]);
  }

  /** Remembers a key (a fact, no count) for `seconds`. */
  async remember(key: string, seconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO abuse_counter (key, count, expires_at) VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [key, seconds],
    );
  }

  async remembers(key: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM abuse_counter WHERE key = $1 AND expires_at > now()`,
      [key],
    );
    return rows.length > 0;
  }
}
