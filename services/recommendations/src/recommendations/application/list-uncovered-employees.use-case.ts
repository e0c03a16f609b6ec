import { Injectable } from '@nestjs/common';
import type { UncoveredEmployee } from '../domain/org-coverage';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';
import {
  loadOrgCoverage,
  numberedPage,
  type NumberedPage,
  type NumberedPageRequest,
} from './load-org-coverage';

export interface ListUncoveredEmployees extends NumberedPageRequest {
  /** Only this manager and everyone below them; the whole company without one. */
  managerId?: string;
}

/** For HR and admins: who has no accepted recommendation yet, by name. */
@Injectable()
export class ListUncoveredEmployeesUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({ managerId, ...page }: ListUncoveredEmployees): Promise<NumberedPage<UncoveredEmployee>> {
    const coverage = await loadOrgCoverage(this.queries);
    return numberedPage(coverage.withoutRecommendation(managerId ?? null), page);
  }
}
