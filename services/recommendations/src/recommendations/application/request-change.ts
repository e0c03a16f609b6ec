import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Outbox } from '@vouch/messaging';
import type { RecommendationRequestStatus, RecommendationRequestView, Relationship } from '@vouch/contracts';
import { NotYourRequestError, RequestNotFoundError } from '../domain/recommendation-errors';
import type { RecommendationRequest } from '../domain/recommendation-request';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { requestView } from './recommendation.views';

/**
 * Runs one change to a request in a transaction, by the one side allowed to make it: the request
 * does not exist for anyone else, and the other side gets a 403.
 */
@Injectable()
export class RequestChange {
  constructor(
    private readonly dataSource: DataSource,
    readonly outbox: Outbox,
    private readonly requests: RecommendationRequestRepository,
  ) {}

  async run(
    employeeId: string,
    requestId: string,
    side: 'requester' | 'recipient',
    change: (request: RecommendationRequest, manager: EntityManager, now: Date) => Promise<void>,
  ): Promise<RecommendationRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.find(manager, requestId, { lock: true });
      const state = request?.snapshot();
      if (!request || (state?.requesterId !== employeeId && state?.recipientId !== employeeId))
        throw new RequestNotFoundError(`no request ${requestId}`);
      const allowed = side === 'requester' ? state.requesterId : state.recipientId;
      if (allowed !== employeeId)
        throw new NotYourRequestError(
          side === 'requester'
            ? 'only the employee who asked can do this'
            : 'only the employee who was asked can do this',
        );
      await change(request, manager, new Date());
      await this.requests.update(manager, request);
      return requestView(request);
    });
  }
}

/** The fields every request event starts with: which one, and where it stands after the event. */
export function requestFields(request: RecommendationRequest): {
  requestId: string;
  requesterId: string;
  recipientId: string;
  relationship: Relationship;
  status: RecommendationRequestStatus;
} {
  const { id, requesterId, recipientId, relationship, status } = request.snapshot();
  return { requestId: id, requesterId, recipientId, relationship, status };
}
