import { Injectable } from '@nestjs/common';
import { RecommendationRequestWithdrawnV1 } from '@vouch/contracts';
import { RequestChange, requestFields } from './request-change';

/** The requester takes the request back. */
@Injectable()
export class WithdrawRequestUseCase {
  constructor(private readonly change: RequestChange) {}

  async execute(requesterId: string, requestId: string): Promise<void> {
    await this.change.run(requesterId, requestId, 'requester', async (request, manager, now) => {
      request.withdraw(requesterId, now);
      await this.change.outbox.add(manager, RecommendationRequestWithdrawnV1, {
        subject: requestId,
        data: { ...requestFields(request), withdrawnAt: now.toISOString() },
      });
    });
  }
}
