import { Injectable } from '@nestjs/common';
import type { RecommendationView } from '@vouch/contracts';
import { RecommendationChange } from './recommendation-change';

export interface RequestRevision {
  subjectId: string;
  recommendationId: string;
  /** What the subject would like changed. */
  message: string;
}

/** The subject asks the author to change the recommendation, saying what. */
@Injectable()
export class RequestRevisionUseCase {
  constructor(private readonly change: RecommendationChange) {}

  async execute({ subjectId, recommendationId, message }: RequestRevision): Promise<RecommendationView> {
    return this.change.run(subjectId, recommendationId, (recommendation, now) =>
      recommendation.requestRevision(subjectId, message, now),
    );
  }
}
