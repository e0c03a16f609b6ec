import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toPage } from '@vouch/platform';
import type { Page, RecommendationRequestView } from '@vouch/contracts';
import type { RequestStatusFilter } from '../domain/recommendation-request';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { pagePosition, type PageRequest } from './page-request';
import { listPosition, requestView } from './recommendation.views';

/**
 * Requests addressed to the employee (incoming) or made by them (outgoing), newest first: the
 * pending ones unless another status (or `all`) is asked for.
 */
@Injectable()
export class ListRequestsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RecommendationRequestRepository,
  ) {}

  async execute(
    employeeId: string,
    direction: 'incoming' | 'outgoing',
    status: RequestStatusFilter,
    page: PageRequest,
  ): Promise<Page<RecommendationRequestView>> {
    const rows = await this.requests.page(
      this.dataSource.manager,
      direction === 'incoming' ? { recipientId: employeeId } : { requesterId: employeeId },
      status,
      pagePosition(page),
    );
    return toPage(rows.map(requestView), page.limit, listPosition, (view) => view);
  }
}
