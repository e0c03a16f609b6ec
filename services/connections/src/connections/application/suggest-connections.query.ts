import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage } from '@vouch/platform';
import type { ConnectionSuggestionView, Page } from '@vouch/contracts';
import { ConnectionQueries } from '../infrastructure/connection.queries';

export interface SuggestConnectionsQuery {
  employeeId: string;
  limit: number;
  cursor?: string;
}

/** People I may know from the org chart, not yet connected or asked, by name. */
@Injectable()
export class SuggestConnections {
  constructor(private readonly queries: ConnectionQueries) {}

  async execute(query: SuggestConnectionsQuery): Promise<Page<ConnectionSuggestionView>> {
    const after = decodeCursor(query.cursor, 'text');
    const rows = await this.queries.suggestionsFor(
      query.employeeId,
      after && { name: after.key, id: after.id },
      query.limit + 1,
    );
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.name, id: row.id }),
      (row) => ({ employeeId: row.id, name: row.name, title: row.title, reason: row.reason }),
    );
  }
}
