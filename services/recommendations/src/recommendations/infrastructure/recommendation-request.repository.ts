import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlReader } from '@vouch/persistence';
import { RecommendationRequest, type RequestStatusFilter } from '../domain/recommendation-request';
import { RecommendationRequestEntity } from './recommendation-request.entity';
import { pageOf, type PagePosition } from './newest-first.page';

function toRequest(row: RecommendationRequestEntity): RecommendationRequest {
  return RecommendationRequest.restore({ ...row });
}

function toEntity(request: RecommendationRequest): RecommendationRequestEntity {
  return Object.assign(new RecommendationRequestEntity(), request.snapshot());
}

@Injectable()
export class RecommendationRequestRepository {
  async find(
    manager: EntityManager,
    id: string,
    { lock = false } = {},
  ): Promise<RecommendationRequest | null> {
    const query = manager.createQueryBuilder(RecommendationRequestEntity, 'q').where('q.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row ? toRequest(row) : null;
  }

  /** The pending request from the requester to the recipient, if any, locked for the transaction. */
  async findPending(
    manager: EntityManager,
    requesterId: string,
    recipientId: string,
  ): Promise<RecommendationRequest | null> {
    const row = await manager
      .createQueryBuilder(RecommendationRequestEntity, 'q')
      .where('q.requesterId = :requesterId AND q.recipientId = :recipientId', { requesterId, recipientId })
      .andWhere(`q.status = 'pending'`)
      .setLock('pessimistic_write')
      .getOne();
    return row ? toRequest(row) : null;
  }

  /** Pending requests between the two, either way, locked for the transaction. */
  async pendingBetween(manager: EntityManager, a: string, b: string): Promise<RecommendationRequest[]> {
    const rows = await manager
      .createQueryBuilder(RecommendationRequestEntity, 'q')
      .where('((q.requesterId = :a AND q.recipientId = :b) OR (q.requesterId = :b AND q.recipientId = :a))', {
        a,
        b,
      })
      .andWhere(`q.status = 'pending'`)
      .orderBy('q.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(toRequest);
  }

  /** Pending requests the employee made or was asked, locked for the transaction. */
  async pendingOf(manager: EntityManager, employeeId: string): Promise<RecommendationRequest[]> {
    const rows = await manager
      .createQueryBuilder(RecommendationRequestEntity, 'q')
      .where('(q.requesterId = :employeeId OR q.recipientId = :employeeId)', { employeeId })
      .andWhere(`q.status = 'pending'`)
      .orderBy('q.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(toRequest);
  }

  /**
   * Claims pending requests past their expiry. Rows another instance has claimed are skipped, so
   * several instances sweep side by side without expiring a request twice.
   */
  async claimDue(manager: EntityManager, now: Date, limit: number): Promise<RecommendationRequest[]> {
    const rows = await manager
      .createQueryBuilder(RecommendationRequestEntity, 'q')
      .where(`q.status = 'pending'`)
      .andWhere('q.expiresAt <= :now', { now })
      .orderBy('q.expiresAt')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map(toRequest);
  }

  async insert(manager: EntityManager, request: RecommendationRequest): Promise<void> {
    await manager.insert(RecommendationRequestEntity, toEntity(request));
  }

  async update(manager: EntityManager, request: RecommendationRequest): Promise<void> {
    await manager.save(RecommendationRequestEntity, toEntity(request));
  }

  async countPending(
    manager: EntityManager,
    side: { requesterId: string } | { recipientId: string },
  ): Promise<number> {
    return manager.countBy(RecommendationRequestEntity, { ...side, status: 'pending' });
  }

  /** Whom the requester has pending requests with (plain SQL: on the balance's hot path). */
  async askedBy(reader: SqlReader, requesterId: string): Promise<Set<string>> {
    const rows = await reader.query<{ recipientId: string }>(
      `SELECT recipient_id AS "recipientId" FROM recommendation_request
        WHERE requester_id = $1 AND status = 'pending'`,
      [requesterId],
    );
    return new Set(rows.map((row) => row.recipientId));
  }

  async page(
    manager: EntityManager,
    side: { requesterId: string } | { recipientId: string },
    status: RequestStatusFilter,
    position: PagePosition,
  ): Promise<RecommendationRequest[]> {
    const query = manager.createQueryBuilder(RecommendationRequestEntity, 'q');
    if ('requesterId' in side) query.where('q.requesterId = :requesterId', side);
    else query.where('q.recipientId = :recipientId', side);
    if (status !== 'all') query.andWhere('q.status = :status', { status });
    const rows = await pageOf(query, 'q', position).getMany();
    return rows.map(toRequest);
  }
}
