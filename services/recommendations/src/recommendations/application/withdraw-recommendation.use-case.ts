import { Injectable } from '@nestjs/common';
import { RecommendationWithdrawnV1 } from '@vouch/contracts';
import { RecommendationChange, recommendationFields } from './recommendation-change';

/** The author takes the recommendation back; it leaves the subject's profile for good. */
@Injectable()
export class WithdrawRecommendationUseCase {
  constructor(private readonly change: RecommendationChange) {}

  async execute(authorId: string, recommendationId: string): Promise<void> {
    await this.change.run(authorId, recommendationId, async (recommendation, manager, now) => {
      recommendation.withdraw(authorId, now);
      await this.change.outbox.add(manager, RecommendationWithdrawnV1, {
        subject: recommendation.id,
        data: { ...recommendationFields(recommendation), withdrawnAt: now.toISOString() },
      });
    });
  }
}
