import { Injectable } from '@nestjs/common';
import { RecommendationChange } from './recommendation-change';

export interface WithdrawRecommendation {
  authorId: string;
  recommendationId: string;
}

/**
 * The author takes the recommendation back; it leaves the subject's profile for good, and the
 * subject's recommendation of the author, if any, is no longer reciprocal.
 */
@Injectable()
export class WithdrawRecommendationUseCase {
  constructor(private readonly change: RecommendationChange) {}

  async execute({ authorId, recommendationId }: WithdrawRecommendation): Promise<void> {
    await this.change.run(
      authorId,
      recommendationId,
      (recommendation, now) => recommendation.withdraw(authorId, now),
      { endsReciprocity: true },
    );
  }
}
