import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { CloseRequestsUseCase } from './close-requests.use-case';

const BATCH = 100;

/** Expires the pending requests whose time ran out; safe to run on several instances at once. */
@Injectable()
export class ExpireDueRequestsUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly requests: RecommendationRequestRepository,
    private readonly close: CloseRequestsUseCase,
  ) {}

  /** Returns how many requests it expired; one unit of work per batch. */
  async execute(now = new Date()): Promise<number> {
    let expired = 0;
    for (;;) {
      const claimed = await this.unitOfWork.run(async () => {
        const due = await this.requests.claimDue(now, BATCH);
        await this.close.expire(due);
        return due.length;
      });
      expired += claimed;
      if (claimed < BATCH) return expired;
    }
  }
}
