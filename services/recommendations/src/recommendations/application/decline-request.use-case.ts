import { Injectable } from '@nestjs/common';
import { RecommendationRequestDeclinedV1 } from '@vouch/contracts';
import type { RecommendationRequestView } from '@vouch/contracts';
import { RequestChange, requestFields } from './request-change';

/** The recipient declines, quietly: the requester only sees that the request is no longer pending. */
@Injectable()
export class DeclineRequestUseCase {
  constructor(private readonly change: RequestChange) {}

  async execute(recipientId: string, requestId: string): Promise<RecommendationRequestView> {
    return this.change.run(recipientId, requestId, 'recipient', async (request, manager, now) => {
      request.decline(recipientId, now);
      await this.change.outbox.add(manager, RecommendationRequestDeclinedV1, {
        subject: requestId,
        data: { ...requestFields(request), declinedAt: now.toISOString() },
      });
    });
  }
}
