import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ReplicatedEmployee } from '@vouch/employee-replica';
import type { PlannedEmail } from '../domain/email-policies';
import { DeliveryEntity } from './delivery.entity';

@Injectable()
export class DeliveryRepository {
  /** Adds a pending delivery; a second one for the same (event, template, recipient) is ignored. */
  async addPending(
    manager: EntityManager,
    eventId: string,
    email: PlannedEmail,
    recipient: ReplicatedEmployee,
    counterpart: ReplicatedEmployee,
    now: Date,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(DeliveryEntity)
      .values({
        id: randomUUID(),
        eventId,
        template: email.template,
        category: email.category,
        recipientId: recipient.id,
        recipientEmail: recipient.email,
        recipientName: recipient.name,
        counterpartId: counterpart.id,
        counterpartName: counterpart.name,
        details: email.details,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        updatedAt: now,
        sentAt: null,
        failedAt: null,
      })
      .orIgnore()
      .execute();
  }

  /** Records that the author's recommendation nudged the subject; false when it already had. */
  async recordNudge(
    manager: EntityManager,
    authorId: string,
    subjectId: string,
    now: Date,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO reciprocity_ledger (author_id, subject_id, nudged_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING author_id`,
      [authorId, subjectId, now],
    );
    return rows.length > 0;
  }

  /**
   * Locks the oldest due pending delivery for the caller's transaction. Other instances skip it;
   * if this process dies before commit, the lock goes with its connection and the row is due again.
   */
  async claimNextDue(manager: EntityManager, now: Date): Promise<DeliveryEntity | null> {
    return manager
      .createQueryBuilder(DeliveryEntity, 'delivery')
      .where(`delivery.status = 'pending'`)
      .andWhere('delivery.next_attempt_at <= :now', { now })
      .orderBy('delivery.next_attempt_at', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  async save(manager: EntityManager, delivery: DeliveryEntity): Promise<void> {
    await manager.save(DeliveryEntity, delivery);
  }
}
