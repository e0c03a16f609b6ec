import { Injectable } from '@nestjs/common';
import { PeriodicSweep } from '@vouch/platform';
import { PurgeExpiredHistoryUseCase } from '../application/purge-expired-history.use-case';

// Retention is counted in days: a row kept an hour past its day harms no one.
const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Purges the deliveries, reminders and reciprocity nudges past their retention every hour. Every
 * instance purges; each skips the rows another is deleting, so they never wait on each other.
 */
@Injectable()
export class HistoryRetentionScheduler extends PeriodicSweep {
  constructor(private readonly purgeExpiredHistory: PurgeExpiredHistoryUseCase) {
    super();
  }

  protected intervalMs(): number {
    return PURGE_INTERVAL_MS;
  }

  protected async sweepOnce(): Promise<string | undefined> {
    const { deliveries, reminders, nudges } = await this.purgeExpiredHistory.execute(new Date());
    if (deliveries + reminders + nudges === 0) return undefined;
    return `purged ${deliveries} deliveries, ${reminders} request reminders and ${nudges} reciprocity nudges past their retention`;
  }
}
