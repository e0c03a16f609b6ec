import { EntityId } from '../../vocabulary';

/** Which recommendation, and between whom: the fields every recommendation event starts with. */
export const recommendationFields = {
  /** The recommendation. */
  recommendationId: EntityId,
  /** Who wrote it. */
  authorId: EntityId,
  /** Who it is about. */
  subjectId: EntityId,
};

/** Which request, and between whom: the fields every recommendation request event starts with. */
export const recommendationRequestFields = {
  /** The request. */
  requestId: EntityId,
  /** Who asks to be recommended. */
  requesterId: EntityId,
  /** Who is asked to write. */
  recipientId: EntityId,
};
