import { Injectable } from '@nestjs/common';
import { toPage } from '@vouch/platform';
import type { Page, RecommendationRequestView } from '@vouch/contracts';
import type { RequestStatusFilter } from '../domain/recommendation-request';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';
import { pagePosition, type PageRequest } from './page-request';
import { listPosition, requestView } from './recommendation.views';

export interface ListRequests {
  employeeId: string;
  direction: 'incoming' | 'outgoing';
  status: RequestStatusFilter;
  page: PageRequest;
}

/**
 * Requests addressed to the employee (incoming) or made by them (outgoing), newest first: the
 * pending ones unless another status (or `all`) is asked for.
 */
@Injectable()
export class ListRequestsUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({
    employeeId,
    direction,
    status,
    page,
  }: ListRequests): Promise<Page<RecommendationRequestView>> {
    const rows = await this.queries.requestPage(
      direction === 'incoming' ? { recipientId: employeeId } : { requesterId: employeeId },
      status,
      pagePosition(page),
    );
    return toPage(rows.map(requestView), page.limit, listPosition, (view) => view);
  }
}
