import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage } from '@vouch/platform';
import type { ConnectionRequestView, Page } from '@vouch/contracts';
import { ConnectionQueries } from '../infrastructure/connection.queries';
import { toRequestView } from './connection.views';

export interface ListConnectionRequestsQuery {
  employeeId: string;
  direction: 'incoming' | 'outgoing';
  limit: number;
  cursor?: string;
}

/** My pending requests, to me or from me, newest first. */
@Injectable()
export class ListConnectionRequests {
  constructor(private readonly queries: ConnectionQueries) {}

  async execute(query: ListConnectionRequestsQuery): Promise<Page<ConnectionRequestView>> {
    const after = decodeCursor(query.cursor);
    const rows = await this.queries.pending(
      query.employeeId,
      query.direction,
      after && { at: after.key, id: after.id },
      query.limit + 1,
    );
    return toPage(
      rows,
      query.limit,
      ({ connection }) => ({ key: connection.snapshot().requestedAt.toISOString(), id: connection.id }),
      toRequestView,
    );
  }
}
