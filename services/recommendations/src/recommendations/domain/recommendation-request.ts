import {
  RecommendationRequestDeclinedV1,
  RecommendationRequestedV1,
  RecommendationRequestExpiredV1,
  RecommendationRequestFulfilledV1,
  RecommendationRequestWithdrawnV1,
  RecordedEvents,
  type EventCause,
  type RecommendationRequestStatus,
  type RecordedEvent,
  type RecordsEvents,
  type Relationship,
} from '@vouch/contracts';

/** Which requests a list shows: those in one status, or all of them. */
export const REQUEST_STATUS_FILTERS = [
  'pending',
  'fulfilled',
  'declined',
  'withdrawn',
  'expired',
  'all',
] as const;
export type RequestStatusFilter = (typeof REQUEST_STATUS_FILTERS)[number];

/** The request is not in a state that allows the change, or not addressed to this employee. */
export class RequestStateError extends Error {
  override readonly name = 'RequestStateError';
}

/** One side asked the other too often: limits against pressure and spam. */
export class TooManyPendingRequestsError extends Error {
  override readonly name = 'TooManyPendingRequestsError';
}

export interface RequestLimits {
  /** Pending requests one employee may have out at once. */
  maxPendingOut: number;
  /** Pending requests one employee may be asked at once: a busy manager is not buried. */
  maxPendingIn: number;
}

/** Refuses a new request when either side is at its limit, saying which one. */
export function checkRequestLimits(
  limits: RequestLimits,
  pendingOutOfRequester: number,
  pendingInOfRecipient: number,
): void {
  if (pendingOutOfRequester >= limits.maxPendingOut) {
    throw new TooManyPendingRequestsError(
      `you already have ${pendingOutOfRequester} requests waiting for an answer (at most ${limits.maxPendingOut}); wait for some before asking more`,
    );
  }
  if (pendingInOfRecipient >= limits.maxPendingIn) {
    throw new TooManyPendingRequestsError(
      `this colleague already has ${pendingInOfRecipient} requests to answer (at most ${limits.maxPendingIn}); ask again later`,
    );
  }
}

export interface RecommendationRequestState {
  id: string;
  requesterId: string;
  recipientId: string;
  relationship: Relationship;
  message: string | null;
  status: RecommendationRequestStatus;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
}

/**
 * A request to a connection to write a recommendation. Only a pending request changes, and it
 * changes once: the recipient fulfils it by writing, or declines it (quietly); the requester
 * withdraws it; or it expires. Each change records the event that tells the other services.
 */
export class RecommendationRequest implements RecordsEvents {
  private readonly events = new RecordedEvents();

  private constructor(private state: RecommendationRequestState) {}

  static ask(init: {
    id: string;
    requesterId: string;
    recipientId: string;
    relationship: Relationship;
    message: string | null;
    /** The requester already recommended the recipient: the request returns a favour. */
    requesterRecommendedRecipient: boolean;
    now: Date;
    lifetimeDays: number;
  }): RecommendationRequest {
    if (init.requesterId === init.recipientId)
      throw new RequestStateError('you cannot ask yourself for a recommendation');
    const message = init.message?.trim() || null;
    const request = new RecommendationRequest({
      id: init.id,
      requesterId: init.requesterId,
      recipientId: init.recipientId,
      relationship: init.relationship,
      message,
      status: 'pending',
      createdAt: init.now,
      expiresAt: new Date(init.now.getTime() + init.lifetimeDays * 24 * 60 * 60 * 1000),
      closedAt: null,
    });
    const state = request.state;
    request.events.record(RecommendationRequestedV1, {
      subject: state.id,
      data: {
        requestId: state.id,
        requesterId: state.requesterId,
        recipientId: state.recipientId,
        relationship: state.relationship,
        status: state.status,
        message: state.message,
        requesterRecommendedRecipient: init.requesterRecommendedRecipient,
        requestedAt: state.createdAt.toISOString(),
        expiresAt: state.expiresAt.toISOString(),
      },
    });
    return request;
  }

  static restore(state: RecommendationRequestState): RecommendationRequest {
    return new RecommendationRequest(state);
  }

  pullEvents(): RecordedEvent[] {
    return this.events.pull();
  }

  snapshot(): RecommendationRequestState {
    return { ...this.state };
  }

  /** The recipient wrote the recommendation asked for. */
  fulfil(byAuthor: string, recommendationId: string, now: Date): void {
    this.requireRecipient(byAuthor);
    this.close('fulfilled', now);
    this.events.record(RecommendationRequestFulfilledV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), recommendationId, fulfilledAt: now.toISOString() },
    });
  }

  decline(by: string, now: Date): void {
    this.requireRecipient(by);
    this.close('declined', now);
    this.events.record(RecommendationRequestDeclinedV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), declinedAt: now.toISOString() },
    });
  }

  withdraw(by: string, now: Date): void {
    if (by !== this.state.requesterId)
      throw new RequestStateError('only the employee who asked can withdraw a request');
    this.closeAsWithdrawn(now);
  }

  /** Withdrawn by the system, e.g. because the two are no longer connected (the `cause`). */
  cancel(now: Date, cause?: EventCause): void {
    this.closeAsWithdrawn(now, cause);
  }

  /** Its time ran out, or one of the two left (the `cause`). */
  expire(now: Date, cause?: EventCause): void {
    this.close('expired', now);
    this.events.record(RecommendationRequestExpiredV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), expiredAt: now.toISOString() },
      cause,
    });
  }

  isDue(now: Date): boolean {
    return this.state.status === 'pending' && this.state.expiresAt.getTime() <= now.getTime();
  }

  private requireRecipient(employeeId: string): void {
    if (employeeId !== this.state.recipientId)
      throw new RequestStateError('this request is addressed to someone else');
  }

  private closeAsWithdrawn(now: Date, cause?: EventCause): void {
    this.close('withdrawn', now);
    this.events.record(RecommendationRequestWithdrawnV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), withdrawnAt: now.toISOString() },
      cause,
    });
  }

  /** The fields every request event starts with: which one, and where it stands after it. */
  private eventFields(): {
    requestId: string;
    requesterId: string;
    recipientId: string;
    relationship: Relationship;
    status: RecommendationRequestStatus;
  } {
    const { id, requesterId, recipientId, relationship, status } = this.state;
    return { requestId: id, requesterId, recipientId, relationship, status };
  }

  private close(status: Exclude<RecommendationRequestStatus, 'pending'>, now: Date): void {
    if (this.state.status !== 'pending')
      throw new RequestStateError(`the request is already ${this.state.status}`);
    this.state = { ...this.state, status, closedAt: now };
  }
}
