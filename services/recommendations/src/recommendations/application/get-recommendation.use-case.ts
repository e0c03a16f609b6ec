import { Injectable } from '@nestjs/common';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationNotFoundError } from '../domain/recommendation.errors';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';
import { isVisibleTo } from './recommendation-change';
import { recommendationView } from './recommendation.views';

export interface GetRecommendation {
  employeeId: string;
  /** HR or an admin, who see any recommendation, taken down or not, with its takedown. */
  auditor: boolean;
  recommendationId: string;
}

/** One recommendation, for its author or subject, or for HR and admins. */
@Injectable()
export class GetRecommendationUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({ employeeId, auditor, recommendationId }: GetRecommendation): Promise<RecommendationView> {
    const recommendation = await this.queries.recommendation(recommendationId);
    if (!recommendation || !(auditor || isVisibleTo(recommendation, employeeId)))
      throw new RecommendationNotFoundError(`no recommendation ${recommendationId}`);
    return recommendationView(recommendation);
  }
}
