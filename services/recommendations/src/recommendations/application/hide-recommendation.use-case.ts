import { Injectable } from '@nestjs/common';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationChange } from './recommendation-change';

export interface HideRecommendation {
  subjectId: string;
  recommendationId: string;
}

/** The subject keeps the recommendation private. */
@Injectable()
export class HideRecommendationUseCase {
  constructor(private readonly change: RecommendationChange) {}

  async execute({ subjectId, recommendationId }: HideRecommendation): Promise<RecommendationView> {
    return this.change.run(subjectId, recommendationId, (recommendation, now) =>
      recommendation.hide(subjectId, now),
    );
  }
}
