import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ReplicatedEmployee } from '@vouch/employee-replica';
import type { StateChange } from '@vouch/messaging';
import { currentTraceparent } from '@vouch/telemetry';
import type { PlannedEmail, TransactionalEmail } from '../domain/email-policies';
import { DeliveryEntity, type DeliveryStatus } from './delivery.entity';
import { recipientAsJson, recipientFromJson, type Addressee } from './recipient.repository';

/** NOTIFYed when deliveries to send now are committed: the senders of every instance wake up. */
export const DELIVERIES_CHANNEL = 'vouch_deliveries';

/** A delivery claimed for sending, with its recipient as they are now. */
export interface ClaimedDelivery {
  delivery: DeliveryEntity;
  recipient: Addressee | null;
}

/** A recipient with emails held for their digest, and the time zone their digest hour is read in. */
export interface DigestRecipient {
  recipientId: string;
  timeZone: string | null;
}

@Injectable()
export class DeliveryRepository {
  /**
   * Adds a delivery, to be sent (`pending`) or kept for the digest (`held`); a second one for the same
   * (event, template, recipient) is ignored.
   */
  async add(
    manager: EntityManager,
    eventId: string,
    email: PlannedEmail | TransactionalEmail,
    recipient: ReplicatedEmployee,
    counterpart: ReplicatedEmployee | null,
    status: Extract<DeliveryStatus, 'pending' | 'held'>,
    now: Date,
  ): Promise<void> {
    const delivery = newDelivery(
      {
        eventId,
        template: email.template,
        category: email.category,
        recipient,
        counterpart,
        details: email.details,
        status,
        traceparent: currentTraceparent() ?? null,
      },
      now,
    );
    // A pending delivery wakes the senders at commit: the NOTIFY rides in the INSERT, a round trip less.
    const wake = status === 'pending' ? `FROM pg_notify('${DELIVERIES_CHANNEL}', '')` : '';
    await manager.query(
      `INSERT INTO delivery (id, event_id, template, category, recipient_id, recipient_email,
              recipient_name, counterpart_id, counterpart_name, details, status, attempts,
              next_attempt_at, traceparent, created_at, updated_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $13, $12, $12 ${wake}
       ON CONFLICT DO NOTHING`,
      [
        delivery.id,
        delivery.eventId,
        delivery.template,
        delivery.category,
        delivery.recipientId,
        delivery.recipientEmail,
        delivery.recipientName,
        delivery.counterpartId,
        delivery.counterpartName,
        JSON.stringify(delivery.details),
        delivery.status,
        now,
        delivery.traceparent,
      ],
    );
  }

  /** Wakes the senders at commit (and only then); notifications of one transaction fold into one. */
  private async announce(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
  }

  /**
   * Emails sent, or on their way, to a recipient on their own (not in a digest, not transactional)
   * since a time; and, when `nudgedBy` is given, records that this author's recommendation nudged
   * the recipient, in the same round trip (planning a recommendation's email needs both).
   * `nudgeRecorded` is false when the pair had been nudged before.
   */
  async countSentOnTheirOwnSinceRecordingNudge(
    manager: EntityManager,
    recipientId: string,
    since: Date,
    nudgedBy?: { authorId: string; at: Date },
  ): Promise<{ sent: number; nudgeRecorded: boolean }> {
    const [row] = (await manager.query(
      `WITH nudge AS (
         INSERT INTO reciprocity_ledger (author_id, subject_id, nudged_at)
         SELECT $3, $1, $4 WHERE $3::uuid IS NOT NULL
         ON CONFLICT DO NOTHING RETURNING author_id)
       SELECT (SELECT count(*)::int FROM delivery
                WHERE recipient_id = $1 AND created_at >= $2
                  AND status IN ('pending', 'sent') AND template <> 'daily-digest'
                  AND category <> 'transactional') AS sent,
              EXISTS (SELECT FROM nudge) AS "nudgeRecorded"`,
      [recipientId, since, nudgedBy?.authorId ?? null, nudgedBy?.at ?? null],
    )) as Array<{ sent: number; nudgeRecorded: boolean }>;
    return row ?? { sent: 0, nudgeRecorded: false };
  }

  /** Everyone with emails held for a digest. */
  async recipientsWithHeldEmails(manager: EntityManager): Promise<DigestRecipient[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT delivery.recipient_id AS "recipientId", employee.time_zone AS "timeZone"
         FROM delivery LEFT JOIN employee ON employee.id = delivery.recipient_id
        WHERE delivery.status = 'held'`,
    )) as DigestRecipient[];
    return rows;
  }

  /**
   * Locks a recipient's emails held since before a digest time, oldest first. Another instance
   * composing at the same moment skips them, so they land in one digest.
   */
  async claimHeldBefore(
    manager: EntityManager,
    recipientId: string,
    before: Date,
  ): Promise<DeliveryEntity[]> {
    return manager
      .createQueryBuilder(DeliveryEntity, 'delivery')
      .where(`delivery.status = 'held'`)
      .andWhere('delivery.recipient_id = :recipientId', { recipientId })
      .andWhere('delivery.created_at < :before', { before })
      .orderBy('delivery.created_at', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Adds the pending digest of a recipient; the digest time in its event id makes it one per day. */
  async addDigest(
    manager: EntityManager,
    recipient: ReplicatedEmployee,
    digestTime: Date,
    now: Date,
  ): Promise<DeliveryEntity> {
    const digest = manager.create(
      DeliveryEntity,
      newDelivery(
        {
          eventId: `digest:${recipient.id}:${digestTime.toISOString()}`,
          template: 'daily-digest',
          category: 'all',
          recipient,
          counterpart: null,
          details: {},
          status: 'pending',
          traceparent: null,
        },
        now,
      ),
    );
    await manager.insert(DeliveryEntity, digest);
    await this.announce(manager);
    return digest;
  }

  /** The held emails a digest carries, oldest first. */
  async carriedBy(manager: EntityManager, digestId: string): Promise<DeliveryEntity[]> {
    return manager.find(DeliveryEntity, { where: { digestId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Claims up to `limit` due pending deliveries, oldest first, under a lease: their next attempt
   * moves to `leaseUntil`, so other lanes and instances pass them by until then, and those of a
   * sender that dies are due again when it ends. One statement for all of them, each with its
   * recipient as they are now (null when no longer replicated).
   */
  async claimDue(
    manager: EntityManager,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    // TypeORM answers an UPDATE with its rows and their count.
    const [rows]: [Array<DeliveryEntity & { dueAt: Date; recipient: unknown }>, number] = await manager.query(
      `WITH due AS (
         SELECT id AS due_id, next_attempt_at AS due_at FROM delivery
          WHERE status = 'pending' AND next_attempt_at <= $1
          ORDER BY next_attempt_at
          LIMIT $3
            FOR UPDATE SKIP LOCKED)
       UPDATE delivery SET next_attempt_at = $2 FROM due WHERE delivery.id = due.due_id
       RETURNING ${DELIVERY_COLUMNS}, due.due_at AS "dueAt",
                 ${recipientAsJson('delivery.recipient_id')} AS recipient`,
      [now, leaseUntil, limit],
    );
    return rows
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map(({ dueAt: _dueAt, recipient, ...delivery }) => ({
        delivery,
        recipient: recipientFromJson(recipient),
      }));
  }

  /**
   * The statement that records a claimed delivery's outcome (sent, failed, skipped, or a retry's
   * next attempt), for the outbox to add its event alongside. It returns a row only for a delivery
   * still pending: when a lease ran out mid-send and another sender sent it too, the first outcome
   * stands and is announced once.
   */
  outcomeOf(delivery: DeliveryEntity): StateChange {
    return {
      sql: `UPDATE delivery SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5,
                   updated_at = $6, sent_at = $7, failed_at = $8, recipient_email = $9
             WHERE id = $1 AND status = 'pending'
            RETURNING id`,
      params: [
        delivery.id,
        delivery.status,
        delivery.attempts,
        delivery.nextAttemptAt,
        delivery.lastError,
        delivery.updatedAt,
        delivery.sentAt,
        delivery.failedAt,
        delivery.recipientEmail,
      ],
    };
  }

  /** Records an outcome that announces nothing: a skip, or a retry's next attempt. */
  async recordOutcome(manager: EntityManager, delivery: DeliveryEntity): Promise<void> {
    const { sql, params } = this.outcomeOf(delivery);
    await manager.query(sql, params);
  }

  /**
   * Gives back claimed deliveries not sent (a sender stopping): due at once again, unless their
   * lease already ran out and another sender holds them now.
   */
  async release(manager: EntityManager, deliveryIds: string[], leaseUntil: Date, now: Date): Promise<void> {
    await manager.query(
      `UPDATE delivery SET next_attempt_at = $3
        WHERE id = ANY($1) AND status = 'pending' AND next_attempt_at = $2`,
      [deliveryIds, leaseUntil, now],
    );
  }

  /**
   * Writes what composing a digest changes of a held delivery (digested or skipped): one UPDATE (the
   * ORM's `save` would read the row back first, a round trip per email).
   */
  async save(manager: EntityManager, delivery: DeliveryEntity): Promise<void> {
    const { status, attempts, nextAttemptAt, lastError, digestId, updatedAt, sentAt, failedAt } = delivery;
    await manager.update(
      DeliveryEntity,
      { id: delivery.id },
      { status, attempts, nextAttemptAt, lastError, digestId, updatedAt, sentAt, failedAt },
    );
  }
}

/** The `delivery` table's columns as plain SQL selects them, shaped as DeliveryEntity. */
const DELIVERY_COLUMNS = `id, event_id AS "eventId", template, category, recipient_id AS "recipientId",
  recipient_email AS "recipientEmail", recipient_name AS "recipientName",
  counterpart_id AS "counterpartId", counterpart_name AS "counterpartName", details, status, attempts,
  next_attempt_at AS "nextAttemptAt", last_error AS "lastError", traceparent, digest_id AS "digestId",
  created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt", failed_at AS "failedAt"`;

/**
 * A delivery not yet attempted, due at once, snapshotting the names it will show and the address it
 * is planned for (sending moves it to the recipient's address of the time).
 */
function newDelivery(
  fields: Pick<DeliveryEntity, 'eventId' | 'template' | 'category' | 'details' | 'status' | 'traceparent'> & {
    recipient: ReplicatedEmployee;
    counterpart: ReplicatedEmployee | null;
  },
  now: Date,
): DeliveryEntity {
  const { recipient, counterpart, ...rest } = fields;
  return {
    ...rest,
    id: randomUUID(),
    recipientId: recipient.id,
    recipientEmail: recipient.email,
    recipientName: recipient.name,
    counterpartId: counterpart?.id ?? null,
    counterpartName: counterpart?.name ?? null,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    sentAt: null,
    failedAt: null,
    digestId: null,
  };
}
