import type { Relationship } from '@vouch/contracts';
import type { Recommendation, RecommendationStatus } from '../domain/recommendation';
import type { RecommendationRequest, RequestStatus } from '../domain/recommendation-request';

export interface RevisionView {
  number: number;
  text: string;
  relationship: Relationship;
  writtenAt: string;
}

/** A recommendation as its author and its subject see it, with every earlier text. */
export interface RecommendationView {
  id: string;
  authorId: string;
  subjectId: string;
  relationship: Relationship;
  text: string;
  status: RecommendationStatus;
  verified: boolean;
  reciprocal: boolean;
  revisionRequest: string | null;
  revisions: RevisionView[];
  createdAt: string;
  updatedAt: string;
}

/** An accepted recommendation as anyone sees it on the subject's profile. */
export interface ProfileRecommendationView {
  id: string;
  authorId: string;
  authorName: string | null;
  authorTitle: string | null;
  subjectId: string;
  relationship: Relationship;
  text: string;
  verified: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RequestView {
  id: string;
  requesterId: string;
  recipientId: string;
  relationship: Relationship;
  message: string | null;
  status: RequestStatus;
  createdAt: string;
  expiresAt: string;
}

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
    reciprocal: state.reciprocal,
    revisionRequest: state.revisionRequest,
    revisions: state.revisions.map((revision) => ({
      number: revision.number,
      text: revision.text,
      relationship: revision.relationship,
      writtenAt: revision.writtenAt.toISOString(),
    })),
    createdAt: state.createdAt.toISOString(),
    updatedAt: state.updatedAt.toISOString(),
  };
}

export function requestView(request: RecommendationRequest): RequestView {
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
