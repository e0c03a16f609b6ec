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

  /**
   * `endsReciprocity` for a change that may take the recommendation out of its pair (withdrawal):
   * the pair's lock is taken first, as writing one between the two does, and the other one of the
   * pair is no longer reciprocal after it.
   */
  async run(
    employeeId: string,
    recommendationId: string,
    change: (recommendation: Recommendation, now: Date) => void | Promise<void>,
    { endsReciprocity = false } = {},
  ): Promise<RecommendationView> {
    return this.unitOfWork.run(async () => {
      const recommendation = endsReciprocity
        ? await this.recommendations.findLockingPair(recommendationId)
        : await this.recommendations.find(recommendationId, { lock: true });
      if (!recommendation || !isVisibleTo(recommendation, employeeId))
        throw new RecommendationNotFoundError(`no recommendation ${recommendationId}`);
      const now = new Date();
      await change(recommendation, now);
      await this.recommendations.save(recommendation);
      if (endsReciprocity) await endReciprocityWith(this.recommendations, recommendation, now);
      return recommendationView(recommendation);
    });
  }
}

/**
 * Once `gone` is withdrawn or taken down, the subject's recommendation of its author, if any, is no
 * longer reciprocal. The caller holds the pair's lock (RecommendationRepository.findLockingPair).
 */
export async function endReciprocityWith(
  recommendations: RecommendationRepository,
  gone: Recommendation,
  now: Date,
): Promise<void> {
  const counterpart = await recommendations.counterpartOf(gone);
  if (!counterpart) return;
  counterpart.endReciprocity(gone, now);
  await recommendations.save(counterpart);
}

/** Whether an employee without HR's or an admin's role may see the recommendation: its author or subject, until it is taken down. */
export function isVisibleTo(recommendation: Recommendation, employeeId: string): boolean {
  const { authorId, subjectId } = recommendation.snapshot();
  return !recommendation.takenDown && (authorId === employeeId || subjectId === employeeId);
}
