import type { RecommendationRequestView, RecommendationView } from '@vouch/contracts';
import type { Recommendation } from '../domain/recommendation';
import type { RecommendationRequest } from '../domain/recommendation-request';

export function recommendationView(recommendation: Recommendation): RecommendationView {
  const state = recommendation.snapshot();
  return {
    id: state.id,
    authorId: state.authorId,
    subjectId: state.subjectId,
    relationship: state.relationship,
    text: recommendation.text,
    status: state.status,
    verified: state.verified,
    verifiedBy: state.verifiedBy,
    reciprocal: state.reciprocal,
    revisionRequest: state.revisionRequest,
    revisions: state.revisions.map((revision) => ({
      number: revision.number,
      text: revision.text,
      relationship: revision.relationship,
      writtenAt: revision.writtenAt.toISOString(),
    })),
    takedown: state.takedown
      ? { by: state.takedown.by, reason: state.takedown.reason, at: state.takedown.at.toISOString() }
      : null,
    createdAt: state.createdAt.toISOString(),
    updatedAt: state.updatedAt.toISOString(),
  };
}

export function requestView(request: RecommendationRequest): RecommendationRequestView {
  const state = request.snapshot();
  return {
    id: state.id,
    requesterId: state.requesterId,
    recipientId: state.recipientId,
    relationship: state.relationship,
    message: state.message,
    status: state.status,
    createdAt: state.createdAt.toISOString(),
    expiresAt: state.expiresAt.toISOString(),
  };
}

/** The position of an item in a newest-first list, for its page cursor. */
export function listPosition(item: { createdAt: string; id: string }): { key: string; id: string } {
  return { key: item.createdAt, id: item.id };
}
