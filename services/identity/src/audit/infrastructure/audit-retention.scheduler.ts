import { Injectable } from '@nestjs/common';
import { PeriodicSweep } from '@vouch/platform';
import { PurgeExpiredAuditEntries } from '../application/purge-expired-audit-entries.use-case';

// Retention is counted in days: an entry kept an hour past its day harms no one.
const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Purges audit entries past AUDIT_RETENTION_DAYS every hour. Every instance purges; each skips the
 * rows another is deleting, so they never wait on or fail over each other.
 */
@Injectable()
export class AuditRetentionScheduler extends PeriodicSweep {
  constructor(private readonly purgeExpiredAuditEntries: PurgeExpiredAuditEntries) {
    super();
  }

  protected intervalMs(): number {
    return PURGE_INTERVAL_MS;
  }

  protected async sweepOnce(): Promise<string | undefined> {
    const purged = await this.purgeExpiredAuditEntries.execute(new Date());
    return purged > 0 ? `purged ${purged} audit entries past their retention` : undefined;
  }
}
