import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage } from '@vouch/platform';
import type { ConnectionView, Page } from '@vouch/contracts';
import { ConnectionQueries } from '../infrastructure/connection.queries';

export interface ListConnectionsQuery {
  employeeId: string;
  limit: number;
  cursor?: string;
}

/** My connections with active colleagues, most recent first. */
@Injectable()
export class ListConnections {
  constructor(private readonly queries: ConnectionQueries) {}

  async execute(query: ListConnectionsQuery): Promise<Page<ConnectionView>> {
    const after = decodeCursor(query.cursor);
    const rows = await this.queries.accepted(
      query.employeeId,
      after && { at: after.key, id: after.id },
      query.limit + 1,
    );
    const since = (row: (typeof rows)[number]) => row.connection.connectedSince().toISOString();
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: since(row), id: row.connection.id }),
      (row) => ({
        employeeId: row.counterpart.id,
        name: row.counterpart.name,
        title: row.counterpart.title,
        since: since(row),
      }),
    );
  }
}
