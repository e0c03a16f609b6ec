import { Injectable } from '@nestjs/common';
import type { RecommendationRequestView } from '@vouch/contracts';
import { RequestChange } from './request-change';

export interface DeclineRequest {
  recipientId: string;
  requestId: string;
}

/** The recipient declines, quietly: the requester only sees that the request is no longer pending. */
@Injectable()
export class DeclineRequestUseCase {
  constructor(private readonly change: RequestChange) {}

  async execute({ recipientId, requestId }: DeclineRequest): Promise<RecommendationRequestView> {
    return this.change.run(recipientId, requestId, 'recipient', (request, now) =>
      request.decline(recipientId, now),
    );
  }
}
