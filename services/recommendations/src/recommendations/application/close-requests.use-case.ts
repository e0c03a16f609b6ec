import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  RecommendationRequestExpiredV1,
  RecommendationRequestWithdrawnV1,
  type EventCause,
} from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import type { RecommendationRequest } from '../domain/recommendation-request';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { requestFields } from './request-change';

/**
 * Closes pending requests the system can no longer keep open, in the caller's transaction: those
 * between two colleagues who are no longer connected (withdrawn), and those of an employee who left
 * or whose time ran out (expired).
 */
@Injectable()
export class CloseRequestsUseCase {
  constructor(
    private readonly outbox: Outbox,
    private readonly requests: RecommendationRequestRepository,
  ) {}

  async withdrawBetween(manager: EntityManager, a: string, b: string, cause?: EventCause): Promise<void> {
    const now = new Date();
    for (const request of await this.requests.pendingBetween(manager, a, b)) {
      request.cancel(now);
      await this.requests.update(manager, request);
      await this.outbox.add(manager, RecommendationRequestWithdrawnV1, {
        subject: request.snapshot().id,
        data: { ...requestFields(request), withdrawnAt: now.toISOString() },
        cause,
      });
    }
  }

  async expireAllOf(manager: EntityManager, employeeId: string, cause?: EventCause): Promise<void> {
    await this.expire(manager, await this.requests.pendingOf(manager, employeeId), cause);
  }

  async expire(manager: EntityManager, requests: RecommendationRequest[], cause?: EventCause): Promise<void> {
    const now = new Date();
    for (const request of requests) {
      request.expire(now);
      await this.requests.update(manager, request);
      await this.outbox.add(manager, RecommendationRequestExpiredV1, {
        subject: request.snapshot().id,
        data: { ...requestFields(request), expiredAt: now.toISOString() },
        cause,
      });
    }
  }
}
