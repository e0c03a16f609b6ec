import { Injectable } from '@nestjs/common';
import type { SpreadBucket } from '../domain/org-coverage';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';
import { loadOrgCoverage } from './load-org-coverage';

/** For HR and admins: how many people have 0, 1, … 5+ accepted recommendations, in a team or the company. */
@Injectable()
export class GetRecommendationSpreadUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({ managerId }: { managerId?: string }): Promise<{ buckets: SpreadBucket[] }> {
    const coverage = await loadOrgCoverage(this.queries);
    return { buckets: coverage.spread(managerId ?? null) };
  }
}
