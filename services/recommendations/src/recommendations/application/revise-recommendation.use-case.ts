import { Injectable } from '@nestjs/common';
import type { RecommendationView, Relationship } from '@vouch/contracts';
import { verificationOf } from '../domain/org-chart';
import type { RecommendationText } from '../domain/recommendation-text';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { RecommendationChange } from './recommendation-change';

export interface ReviseRecommendation {
  authorId: string;
  recommendationId: string;
  text: RecommendationText;
  /** Unchanged when left out. */
  relationship?: Relationship;
}

/** The author rewrites the text (and maybe the relationship); earlier texts are kept. */
@Injectable()
export class ReviseRecommendationUseCase {
  constructor(
    private readonly change: RecommendationChange,
    private readonly replica: ReplicaRepository,
  ) {}

  async execute(command: ReviseRecommendation): Promise<RecommendationView> {
    const { authorId } = command;
    return this.change.run(authorId, command.recommendationId, async (recommendation, now) => {
      const { subjectId, relationship: current } = recommendation.snapshot();
      const relationship = command.relationship ?? current;
      const [author, subject] = await Promise.all([
        this.replica.findEmployee(authorId),
        this.replica.findEmployee(subjectId),
      ]);
      const verifiedBy = author && subject ? verificationOf(relationship, author, subject) : [];
      recommendation.revise(authorId, command.text, relationship, verifiedBy, now);
    });
  }
}
