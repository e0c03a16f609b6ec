import { Injectable } from '@nestjs/common';
import { RecommendationRevisedV1, type Relationship } from '@vouch/contracts';
import type { RecommendationView } from '@vouch/contracts';
import { verificationOf } from '../domain/org-chart';
import type { RecommendationText } from '../domain/recommendation-text';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { RecommendationChange, recommendationFields } from './recommendation-change';

/** The author rewrites the text (and maybe the relationship); earlier texts are kept. */
@Injectable()
export class ReviseRecommendationUseCase {
  constructor(
    private readonly change: RecommendationChange,
    private readonly replica: ReplicaRepository,
  ) {}

  async execute(
    authorId: string,
    recommendationId: string,
    command: { text: RecommendationText; relationship?: Relationship },
  ): Promise<RecommendationView> {
    return this.change.run(authorId, recommendationId, async (recommendation, manager, now) => {
      const { subjectId, relationship: current } = recommendation.snapshot();
      const relationship = command.relationship ?? current;
      const [author, subject] = await Promise.all([
        this.replica.findEmployee(manager, authorId),
        this.replica.findEmployee(manager, subjectId),
      ]);
      const verifiedBy = author && subject ? verificationOf(relationship, author, subject) : [];
      const revision = recommendation.revise(authorId, command.text, relationship, verifiedBy, now);
      await this.change.outbox.add(manager, RecommendationRevisedV1, {
        subject: recommendation.id,
        data: {
          ...recommendationFields(recommendation),
          relationship,
          text: revision.text,
          revision: revision.number,
          revisedAt: now.toISOString(),
        },
      });
    });
  }
}
