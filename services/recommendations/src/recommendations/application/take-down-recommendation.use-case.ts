import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationNotFoundError } from '../domain/recommendation.errors';
import { TakedownReason } from '../domain/takedown-reason';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { recommendationView } from './recommendation.views';

export interface TakeDownRecommendation {
  /** An HR employee or admin: the controller lets nobody else in. */
  takenDownBy: string;
  recommendationId: string;
  reason: string;
}

/** HR or an admin takes a recommendation down: kept for the audit, shown nowhere else; author and subject are emailed. */
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
      const recommendation = await this.recommendations.find(recommendationId, { lock: true });
      if (!recommendation) throw new RecommendationNotFoundError(`no recommendation ${recommendationId}`);
      recommendation.takeDown(takenDownBy, why, new Date());
      await this.recommendations.save(recommendation);
      return recommendationView(recommendation);
    });
  }
}
