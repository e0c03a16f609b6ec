import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicSweep } from '@vouch/platform';

const HOUR_MS = 60 * 60_000;
/** Lapsed links are kept a week, for whoever looks into a sign-up or a reset that went wrong. */
const KEEP_LAPSED_MS = 7 * 24 * HOUR_MS;
const BATCH = 1_000;

/**
 * Forgets, hourly, sign-ups never confirmed and reset links used or expired a week ago, and the
 * count of account emails sent once it no longer caps anything (after an hour).
 */
@Injectable()
export class LapsedAccountLinksSweep extends PeriodicSweep {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  protected intervalMs(): number {
    return HOUR_MS;
  }

  /** Public, so a test can run one sweep without waiting an hour. */
  async sweepOnce(): Promise<string | undefined> {
    const now = Date.now();
    const lapsedBefore = new Date(now - KEEP_LAPSED_MS);
    const registrations = await this.purge(
      `DELETE FROM pending_registration WHERE id IN (
         SELECT id FROM pending_registration WHERE expires_at < $1 LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
      lapsedBefore,
    );
    const resets = await this.purge(
      `DELETE FROM password_reset WHERE id IN (
         SELECT id FROM password_reset WHERE coalesce(used_at, expires_at) < $1 LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
      lapsedBefore,
    );
    await this.dataSource.query(`DELETE FROM account_email_sent WHERE sent_at < $1`, [
      new Date(now - HOUR_MS),
    ]);
    return registrations + resets > 0
      ? `forgot ${registrations} unconfirmed sign-ups and ${resets} lapsed password resets`
      : undefined;
  }

  private async purge(statement: string, before: Date): Promise<number> {
    let purged = 0;
    for (;;) {
      const [, count] = await this.dataSource.query<[unknown[], number]>(statement, [before]);
      purged += count;
      if (count < BATCH) return purged;
    }
  }
}
