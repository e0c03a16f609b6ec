import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicSweep } from '@vouch/platform';

const BATCH = 1_000;

/** Forgets, every ten minutes, the counters that no longer limit anything. */
@Injectable()
export class AbuseCountersSweep extends PeriodicSweep {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected intervalMs(): number {
    return 10 * 60_000;
  }

  /** Public, so a test can run one sweep without waiting. */
  async sweepOnce(): Promise<string | undefined> {
    let forgotten = 0;
    for (;;) {
      const [, count] = await this.dataSource.query<[unknown[], number]>(
        `DELETE FROM abuse_counter WHERE key IN (
           SELECT key FROM abuse_counter
            WHERE expires_at < now() AND (delayed_until IS NULL OR delayed_until < now())
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
      );
      forgotten += count;
      if (count < BATCH) break;
    }
    return forgotten > 0 ? `forgot ${forgotten} lapsed abuse counters` : undefined;
  }
}
