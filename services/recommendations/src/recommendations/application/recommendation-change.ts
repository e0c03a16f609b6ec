import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { RecommendationView } from '@vouch/contracts';
import type { Recommendation } from '../domain/recommendation';
import { RecommendationNotFoundError } from '../domain/recommendation.errors';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { recommendationView } from './recommendation.views';

/**
 * Runs one change to an existing recommendation in a unit of work: loads and locks it, hides it
 * from anyone who is neither its author nor its subject (and from both once it was taken down),
 * applies the change and saves it with the event the change recorded.
 */
@Injectable()
export class RecommendationChange {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly recommendations: RecommendationRepository,
  ) {}

  async run(
    employeeId: string,
    recommendationId: string,
    change: (recommendation: Recommendation, now: Date) => void | Promise<void>,
  ): Promise<RecommendationView> {
    return this.unitOfWork.run(async () => {
      const recommendation = await this.recommendations.find(recommendationId, { lock: true });
      if (!recommendation || !isVisibleTo(recommendation, employeeId))
        throw new RecommendationNotFoundError(`no recommendation ${recommendationId}`);
      await change(recommendation, new Date());
      await this.recommendations.save(recommendation);
      return recommendationView(recommendation);
    });
  }
}

/** Whether an employee without HR's or an admin's role may see the recommendation: its author or subject, until it is taken down. */
export function isVisibleTo(recommendation: Recommendation, employeeId: string): boolean {
  const { authorId, subjectId } = recommendation.snapshot();
  return !recommendation.takenDown && (authorId === employeeId || subjectId === employeeId);
}
