import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Outbox } from '@vouch/messaging';
import type { RecommendationStatus, RecommendationView, Relationship } from '@vouch/contracts';
import type { Recommendation } from '../domain/recommendation';
import { RecommendationNotFoundError } from '../domain/recommendation-errors';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { recommendationView } from './recommendation.views';

/**
 * Runs one change to an existing recommendation in a transaction: loads and locks it, hides it
 * from anyone who is neither its author nor its subject, applies the change, saves it and lets the
 * change add its event to the outbox.
 */
@Injectable()
export class RecommendationChange {
  constructor(
    private readonly dataSource: DataSource,
    readonly outbox: Outbox,
    private readonly recommendations: RecommendationRepository,
  ) {}

  async run(
    employeeId: string,
    recommendationId: string,
    change: (recommendation: Recommendation, manager: EntityManager, now: Date) => Promise<void>,
  ): Promise<RecommendationView> {
    return this.dataSource.transaction(async (manager) => {
      const recommendation = await this.recommendations.find(manager, recommendationId, { lock: true });
      const state = recommendation?.snapshot();
      if (!recommendation || (state?.authorId !== employeeId && state?.subjectId !== employeeId))
        throw new RecommendationNotFoundError(`no recommendation ${recommendationId}`);
      await change(recommendation, manager, new Date());
      await this.recommendations.update(manager, recommendation);
      return recommendationView(recommendation);
    });
  }
}

/** The fields every recommendation event starts with: which one, and where it stands after the event. */
export function recommendationFields(recommendation: Recommendation): {
  recommendationId: string;
  authorId: string;
  subjectId: string;
  relationship: Relationship;
  verified: boolean;
  reciprocal: boolean;
  status: RecommendationStatus;
} {
  const { id, authorId, subjectId, relationship, verified, reciprocal, status } = recommendation.snapshot();
  return { recommendationId: id, authorId, subjectId, relationship, verified, reciprocal, status };
}
