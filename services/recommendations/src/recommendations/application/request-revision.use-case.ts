import { Injectable } from '@nestjs/common';
import { RecommendationRevisionRequestedV1 } from '@vouch/contracts';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationChange, recommendationFields } from './recommendation-change';

/** The subject asks the author to change the recommendation, saying what. */
@Injectable()
export class RequestRevisionUseCase {
  constructor(private readonly change: RecommendationChange) {}

  async execute(subjectId: string, recommendationId: string, message: string): Promise<RecommendationView> {
    return this.change.run(subjectId, recommendationId, async (recommendation, manager, now) => {
      recommendation.requestRevision(subjectId, message, now);
      await this.change.outbox.add(manager, RecommendationRevisionRequestedV1, {
        subject: recommendation.id,
        data: {
          ...recommendationFields(recommendation),
          message: recommendation.snapshot().revisionRequest ?? message.trim(),
          requestedAt: now.toISOString(),
        },
      });
    });
  }
}
