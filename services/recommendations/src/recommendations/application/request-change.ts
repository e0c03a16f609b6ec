import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { RecommendationRequestView } from '@vouch/contracts';
import { NotYourRequestError, RequestNotFoundError } from '../domain/recommendation.errors';
import type { RecommendationRequest } from '../domain/recommendation-request';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { requestView } from './recommendation.views';

/**
 * Runs one change to a request in a unit of work, by the one side allowed to make it: the request
 * does not exist for anyone else, and the other side gets a 403.
 */
@Injectable()
export class RequestChange {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly requests: RecommendationRequestRepository,
  ) {}

  async run(
    employeeId: string,
    requestId: string,
    side: 'requester' | 'recipient',
    change: (request: RecommendationRequest, now: Date) => void,
  ): Promise<RecommendationRequestView> {
    return this.unitOfWork.run(async () => {
      const request = await this.requests.find(requestId, { lock: true });
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
      change(request, new Date());
      await this.requests.save(request);
      return requestView(request);
    });
  }
}
