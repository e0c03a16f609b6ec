import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { CloseRequestsUseCase } from './close-requests.use-case';

const BATCH = 100;

/** Expires the pending requests whose time ran out; safe to run on several instances at once. */
@Injectable()
export class ExpireDueRequestsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RecommendationRequestRepository,
    private readonly close: CloseRequestsUseCase,
  ) {}

  /** Returns how many requests it expired. */
  async execute(now = new Date()): Promise<number> {
    let expired = 0;
    for (;;) {
      const claimed = await this.dataSource.transaction(async (manager) => {
        const due = await this.requests.claimDue(manager, now, BATCH);
        await this.close.expire(manager, due);
        return due.length;
      });
      expired += claimed;
      if (claimed < BATCH) return expired;
    }
  }
}
