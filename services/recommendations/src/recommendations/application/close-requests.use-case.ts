import { Injectable } from '@nestjs/common';
import type { EventCause } from '@vouch/contracts';
import type { RecommendationRequest } from '../domain/recommendation-request';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';

/**
 * Closes pending requests the system can no longer keep open, in the caller's unit of work: those
 * between two colleagues who are no longer connected (withdrawn), and those of an employee who left
 * or whose time ran out (expired).
 */
@Injectable()
export class CloseRequestsUseCase {
  constructor(private readonly requests: RecommendationRequestRepository) {}

  async withdrawBetween(a: string, b: string, cause?: EventCause): Promise<void> {
    const now = new Date();
    for (const request of await this.requests.pendingBetween(a, b)) {
      request.cancel(now, cause);
      await this.requests.save(request);
    }
  }

  async expireAllOf(employeeId: string, cause?: EventCause): Promise<void> {
    await this.expire(await this.requests.pendingOf(employeeId), cause);
  }

  async expire(requests: RecommendationRequest[], cause?: EventCause): Promise<void> {
    const now = new Date();
    for (const request of requests) {
      request.expire(now, cause);
      await this.requests.save(request);
    }
  }
}
