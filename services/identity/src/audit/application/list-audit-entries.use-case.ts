import { Injectable } from '@nestjs/common';
import type { Page } from '@vouch/contracts';
import { InvalidFieldsException, decodeCursor, toPage } from '@vouch/platform';
import type { AuditEntry } from '../domain/audit-entry';
import { AuditLog, type AuditLogFilter } from '../infrastructure/audit-log.repository';

@Injectable()
export class ListAuditEntries {
  constructor(private readonly auditLog: AuditLog) {}

  /** The entries that match the filter, newest first. */
  async execute(query: AuditLogFilter & { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    const { limit, cursor, ...filter } = query;
    const rows = await this.auditLog.list(filter, limit + 1, positionOf(cursor));
    return toPage(
      rows,
      limit,
      (entry) => ({ key: entry.occurredAt.toISOString(), id: entry.id }),
      (entry) => entry,
    );
  }
}

function positionOf(cursor: string | undefined): { occurredAt: Date; id: string } | undefined {
  const position = decodeCursor(cursor);
  if (position === undefined) return undefined;
  const occurredAt = new Date(position.key);
  if (Number.isNaN(occurredAt.getTime()))
    throw new InvalidFieldsException([{ field: 'cursor', message: 'cursor is not one this API handed out' }]);
  return { occurredAt, id: position.id };
}
