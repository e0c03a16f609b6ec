import { Injectable } from '@nestjs/common';
import { RecommendationHiddenV1 } from '@vouch/contracts';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationChange, recommendationFields } from './recommendation-change';

/** The subject keeps the recommendation private. */
@Injectable()
export class HideRecommendationUseCase {
  constructor(private readonly change: RecommendationChange) {}

  async execute(subjectId: string, recommendationId: string): Promise<RecommendationView> {
    return this.change.run(subjectId, recommendationId, async (recommendation, manager, now) => {
      recommendation.hide(subjectId, now);
      await this.change.outbox.add(manager, RecommendationHiddenV1, {
        subject: recommendation.id,
        data: { ...recommendationFields(recommendation), hiddenAt: now.toISOString() },
      });
    });
  }
}
