import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface LoginLimits {
  maxAttemptsPerEmail: number;
  maxAttemptsPerAddress: number;
  windowSeconds: number;
}

export const LOGIN_LIMITS = Symbol('LOGIN_LIMITS');

/**
 * Counts login attempts per email and per client address in PostgreSQL, so every instance of the
 * service shares one count. A fixed window per key: the first attempt opens it, later ones count in
 * it, and once it has ended the next attempt opens a new one.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(LOGIN_LIMITS) private readonly limits: LoginLimits,
  ) {}

  /**
   * Counts one attempt for both keys, atomically. Returns how many seconds to wait when either is
   * over its limit, or undefined when the attempt may go ahead.
   */
  async admit(email: string, address: string): Promise<number | undefined> {
    const counts = await Promise.all([
      this.count(`email:${email}`, this.limits.maxAttemptsPerEmail),
      this.count(`address:${address}`, this.limits.maxAttemptsPerAddress),
    ]);
    const waits = counts.filter((wait): wait is number => wait !== undefined);
    return waits.length > 0 ? Math.max(...waits) : undefined;
  }

  /** A successful login forgives the email's failed attempts; the address keeps its count. */
  async succeeded(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1`, [`email:${email}`]);
  }

  private async count(key: string, limit: number): Promise<number | undefined> {
    const [row]: Array<{ attempts: number; wait: number }> = await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, attempts, window_ends_at)
       VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN t.window_ends_at <= now() THEN 1 ELSE t.attempts + 1 END,
         window_ends_at = CASE WHEN t.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE t.window_ends_at END
       RETURNING attempts, ceil(extract(epoch FROM window_ends_at - now()))::int AS wait`,
      [key, this.limits.windowSeconds],
    );
    if (!row || row.attempts <= limit) return undefined;
    return Math.max(1, row.wait);
  }
}
