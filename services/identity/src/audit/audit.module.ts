import { Module, type DynamicModule } from '@nestjs/common';
import type { IdentityEnvironment } from '../config';
import { AUDIT_SETTINGS, type AuditSettings } from './application/audit-settings';
import { ListAuditEntries } from './application/list-audit-entries.use-case';
import { PurgeExpiredAuditEntries } from './application/purge-expired-audit-entries.use-case';
import { AuditLogController } from './api/audit-log.controller';
import { AuditLog } from './infrastructure/audit-log.repository';
import { AuditRetentionScheduler } from './infrastructure/audit-retention.scheduler';

/** The append-only log of changes to people by admins, SCIM and imports, and its retention. */
@Module({})
export class AuditModule {
  static forRoot(environment: IdentityEnvironment): DynamicModule {
    const settings: AuditSettings = { retentionDays: environment.AUDIT_RETENTION_DAYS };
    return {
      module: AuditModule,
      controllers: [AuditLogController],
      providers: [
        { provide: AUDIT_SETTINGS, useValue: settings },
        AuditLog,
        ListAuditEntries,
        PurgeExpiredAuditEntries,
        AuditRetentionScheduler,
      ],
      // The employees' use cases record their changes in it.
      exports: [AuditLog],
    };
  }
}
