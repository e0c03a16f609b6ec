import type { RecommendationRequestStatus, Relationship } from '@vouch/contracts';

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
 * withdraws it; or it expires.
 */
export class RecommendationRequest {
  private constructor(private state: RecommendationRequestState) {}

  static ask(init: {
    id: string;
    requesterId: string;
    recipientId: string;
    relationship: Relationship;
    message: string | null;
    now: Date;
    lifetimeDays: number;
  }): RecommendationRequest {
    if (init.requesterId === init.recipientId)
      throw new RequestStateError('you cannot ask yourself for a recommendation');
    const message = init.message?.trim() || null;
    return new RecommendationRequest({
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
  }

  static restore(state: RecommendationRequestState): RecommendationRequest {
    return new RecommendationRequest(state);
  }

  snapshot(): RecommendationRequestState {
    return { ...this.state };
  }

  fulfil(byAuthor: string, now: Date): void {
    this.requireRecipient(byAuthor);
    this.close('fulfilled', now);
  }

  decline(by: string, now: Date): void {
    this.requireRecipient(by);
    this.close('declined', now);
  }

  withdraw(by: string, now: Date): void {
    if (by !== this.state.requesterId)
      throw new RequestStateError('only the employee who asked can withdraw a request');
    this.close('withdrawn', now);
  }

  /** Withdrawn by the system, e.g. because the two are no longer connected. */
  cancel(now: Date): void {
    this.close('withdrawn', now);
  }

  expire(now: Date): void {
    this.close('expired', now);
  }

  isDue(now: Date): boolean {
    return this.state.status === 'pending' && this.state.expiresAt.getTime() <= now.getTime();
  }

  private requireRecipient(employeeId: string): void {
    if (employeeId !== this.state.recipientId)
      throw new RequestStateError('this request is addressed to someone else');
  }

  private close(status: Exclude<RecommendationRequestStatus, 'pending'>, now: Date): void {
    if (this.state.status !== 'pending')
      throw new RequestStateError(`the request is already ${this.state.status}`);
    this.state = { ...this.state, status, closedAt: now };
  }
}
