import { Injectable } from '@nestjs/common';
import type { ConnectionsExportView } from '@vouch/contracts';
import { PersonalDataQueries } from '../infrastructure/personal-data.queries';

/**
 * Everything connections holds about the signed-in employee: their connections and every request
 * they sent or received, in any status, with the colleague's name (which the product shows them too).
 */
@Injectable()
export class ExportPersonalData {
  constructor(private readonly queries: PersonalDataQueries) {}

  async execute({ employeeId }: { employeeId: string }): Promise<ConnectionsExportView> {
    const exportedAt = new Date().toISOString();
    const rows = await this.queries.connectionsOf(employeeId);
    const colleague = (row: (typeof rows)[number]) => ({
      employeeId: row.colleagueId,
      name: row.colleagueName,
    });
    return {
      service: 'connections',
      employeeId,
      exportedAt,
      connections: rows.flatMap((row) =>
        row.status === 'accepted' && row.acceptedAt
          ? [{ ...colleague(row), since: row.acceptedAt.toISOString() }]
          : [],
      ),
      connectionRequests: rows.map((row) => ({
        id: row.id,
        direction: row.requesterId === employeeId ? 'sent' : 'received',
        colleague: colleague(row),
        status: row.status,
        message: row.message,
        requestedAt: row.requestedAt.toISOString(),
        acceptedAt: row.acceptedAt?.toISOString() ?? null,
        closedAt: row.closedAt?.toISOString() ?? null,
        removedBy: row.removedBy === null ? null : row.removedBy === employeeId ? 'me' : 'them',
      })),
    };
  }
}
