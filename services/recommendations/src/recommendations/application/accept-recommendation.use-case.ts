import { Injectable } from '@nestjs/common';
import { RecommendationAcceptedV1 } from '@vouch/contracts';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationChange, recommendationFields } from './recommendation-change';

/** The subject shows the recommendation on their profile. */
@Injectable()
export class AcceptRecommendationUseCase {
  constructor(private readonly change: RecommendationChange) {}

  async execute(subjectId: string, recommendationId: string): Promise<RecommendationView> {
    return this.change.run(subjectId, recommendationId, async (recommendation, manager, now) => {
      recommendation.accept(subjectId, now);
      await this.change.outbox.add(manager, RecommendationAcceptedV1, {
        subject: recommendation.id,
        data: { ...recommendationFields(recommendation), acceptedAt: now.toISOString() },
      });
    });
  }
}
