import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationNotFoundError } from '../domain/recommendation.errors';
import { TakedownReason } from '../domain/takedown-reason';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { endReciprocityWith } from './recommendation-change';
import { recommendationView } from './recommendation.views';

export interface TakeDownRecommendation {
  /** An HR employee or admin: the controller lets nobody else in. */
  takenDownBy: string;
  recommendationId: string;
  reason: string;
}

/**
 * HR or an admin takes a recommendation down: kept for the audit, shown nowhere else; author and
 * subject are emailed, and the subject's recommendation of the author, if any, is no longer
 * reciprocal.
 */
@Injectable()
export class TakeDownRecommendationUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly recommendations: RecommendationRepository,
  ) {}

  async execute({
    takenDownBy,
    recommendationId,
    reason,
  }: TakeDownRecommendation): Promise<RecommendationView> {
    const why = TakedownReason.of(reason);
    return this.unitOfWork.run(async () => {
      const recommendation = await this.recommendations.findLockingPair(recommendationId);
      if (!recommendation) throw new RecommendationNotFoundError(`no recommendation ${recommendationId}`);
      const now = new Date();
      recommendation.takeDown(takenDownBy, why, now);
      await this.recommendations.save(recommendation);
      await endReciprocityWith(this.recommendations, recommendation, now);
      return recommendationView(recommendation);
    });
  }
}
