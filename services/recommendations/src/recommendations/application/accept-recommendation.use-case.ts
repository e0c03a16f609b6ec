import { Injectable } from '@nestjs/common';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationChange } from './recommendation-change';

export interface AcceptRecommendation {
  subjectId: string;
  recommendationId: string;
}

/** The subject shows the recommendation on their profile. */
@Injectable()
export class AcceptRecommendationUseCase {
  constructor(private readonly change: RecommendationChange) {}

  async execute({ subjectId, recommendationId }: AcceptRecommendation): Promise<RecommendationView> {
    return this.change.run(subjectId, recommendationId, (recommendation, now) =>
      recommendation.accept(subjectId, now),
    );
  }
}
