import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { DuplicateRequestError } from '../domain/recommendation.errors';
import type { RecommendationRequest } from '../domain/recommendation-request';
import { RecommendationRequestEntity, requestOf, requestRow } from './recommendation-request.entity';
import { isUniqueViolation } from './unique-violation';

/** Requests in the unit of work's transaction, saved with the events they recorded. */
@Injectable()
export class RecommendationRequestRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async find(id: string, { lock = false } = {}): Promise<RecommendationRequest | null> {
    const query = this.requests().where('q.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row ? requestOf(row) : null;
  }

  /** The pending request from the requester to the recipient, if any, locked for the transaction. */
  async findPending(requesterId: string, recipientId: string): Promise<RecommendationRequest | null> {
    const row = await this.requests()
      .where('q.requesterId = :requesterId AND q.recipientId = :recipientId', { requesterId, recipientId })
      .andWhere(`q.status = 'pending'`)
      .setLock('pessimistic_write')
      .getOne();
    return row ? requestOf(row) : null;
  }

  /** Pending requests between the two, either way, locked for the transaction. */
  async pendingBetween(a: string, b: string): Promise<RecommendationRequest[]> {
    const rows = await this.requests()
      .where('((q.requesterId = :a AND q.recipientId = :b) OR (q.requesterId = :b AND q.recipientId = :a))', {
        a,
        b,
      })
      .andWhere(`q.status = 'pending'`)
      .orderBy('q.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(requestOf);
  }

  /** Pending requests the employee made or was asked, locked for the transaction. */
  async pendingOf(employeeId: string): Promise<RecommendationRequest[]> {
    const rows = await this.requests()
      .where('(q.requesterId = :employeeId OR q.recipientId = :employeeId)', { employeeId })
      .andWhere(`q.status = 'pending'`)
      .orderBy('q.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(requestOf);
  }

  /**
   * Claims pending requests past their expiry. Rows another instance has claimed are skipped, so
   * several instances sweep side by side without expiring a request twice.
   */
  async claimDue(now: Date, limit: number): Promise<RecommendationRequest[]> {
    const rows = await this.requests()
      .where(`q.status = 'pending'`)
      .andWhere('q.expiresAt <= :now', { now })
      .orderBy('q.expiresAt')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map(requestOf);
  }

  async insert(request: RecommendationRequest): Promise<void> {
    try {
      await this.unitOfWork.save(request, (manager) =>
        manager.insert(RecommendationRequestEntity, requestRow(request)),
      );
    } catch (error) {
      // Two identical requests at once: the unique index lets one through, the other is this 409.
      if (isUniqueViolation(error, 'recommendation_request_one_pending')) throw new DuplicateRequestError();
      throw error;
    }
  }

  async save(request: RecommendationRequest): Promise<void> {
    await this.unitOfWork.save(request, (manager) =>
      manager.save(RecommendationRequestEntity, requestRow(request)),
    );
  }

  async countPending(side: { requesterId: string } | { recipientId: string }): Promise<number> {
    return this.unitOfWork.transaction().countBy(RecommendationRequestEntity, { ...side, status: 'pending' });
  }

  private requests(): SelectQueryBuilder<RecommendationRequestEntity> {
    return this.unitOfWork.transaction().createQueryBuilder(RecommendationRequestEntity, 'q');
  }

  /** Deletes every request the employee made or was asked, in any status. */
  async deleteInvolving(employeeId: string): Promise<void> {
    await this.unitOfWork
      .transaction()
      .delete(RecommendationRequestEntity, [{ requesterId: employeeId }, { recipientId: employeeId }]);
  }
}
