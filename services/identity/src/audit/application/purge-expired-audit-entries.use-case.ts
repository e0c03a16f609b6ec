import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '../infrastructure/audit-log.repository';
import { AUDIT_SETTINGS, type AuditSettings } from './audit-settings';

const DAY_MS = 86_400_000;

@Injectable()
export class PurgeExpiredAuditEntries {
  constructor(
    private readonly auditLog: AuditLog,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
  ) {}

  /** Deletes the entries older than the retention at `now`; returns how many. */
  async execute(now: Date): Promise<number> {
    return this.auditLog.purgeBefore(new Date(now.getTime() - this.settings.retentionDays * DAY_MS));
  }
}
