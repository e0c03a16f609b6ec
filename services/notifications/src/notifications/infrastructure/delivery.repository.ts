import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { Delivery, type DeliveryState } from '../domain/delivery';
import { DeliveryEntity } from './delivery.entity';
import { recipientAsJson, recipientFromJson, type Addressee } from './recipient.repository';

/** NOTIFYed when deliveries to send now are committed: the senders of every instance wake up. */
export const DELIVERIES_CHANNEL = 'vouch_deliveries';

/** A delivery claimed for sending, with its recipient as they are now. */
export interface ClaimedDelivery {
  delivery: Delivery;
  recipient: Addressee | null;
}

/**
 * Deliveries in the unit of work's transaction, saved with the events they recorded; the sender's
 * outcomes each in one statement that adds its event alongside.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Adds a planned delivery, to be sent (`pending`) or kept for the digest (`held`); a second one for
   * the same (event, template, recipient) is ignored.
   */
  async add(delivery: Delivery): Promise<void> {
    const state = delivery.snapshot();
    // A delivery to send now wakes the senders at commit: the NOTIFY rides in the INSERT, a round
    // trip less. One waiting for working hours is found by their polling when it falls due.
    const sendNow = state.status === 'pending' && state.dueAt.getTime() <= state.createdAt.getTime();
    const wake = sendNow ? `FROM pg_notify('${DELIVERIES_CHANNEL}', '')` : '';
    await this.unitOfWork.save(delivery, (manager) =>
      manager.query(
        `INSERT INTO delivery (id, event_id, template, category, recipient_id, recipient_email,
              recipient_name, counterpart_id, counterpart_name, details, status, attempts,
              next_attempt_at, traceparent, created_at, updated_at, due_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17 ${wake}
       ON CONFLICT DO NOTHING`,
        [
          state.id,
          state.eventId,
          state.template,
          state.category,
          state.recipientId,
          state.recipientEmail,
          state.recipientName,
          state.counterpartId,
          state.counterpartName,
          JSON.stringify(state.details),
          state.status,
          state.attempts,
          state.nextAttemptAt,
          state.traceparent,
          state.createdAt,
          state.updatedAt,
          state.dueAt,
        ],
      ),
    );
  }

  /** Wakes the senders at commit (and only then); notifications of one transaction fold into one. */
  private async announce(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, '')`, [DELIVERIES_CHANNEL]);
  }

  /**
   * Emails sent, or on their way, to a recipient on their own (not in a digest, not transactional),
   * due within a time span: one local day of theirs.
   */
  async countSentOnTheirOwnDuring(recipientId: string, day: { start: Date; end: Date }): Promise<number> {
    const [row] = (await this.unitOfWork
      .transaction()
      .query(`SELECT ${SENT_ON_THEIR_OWN_DURING} AS sent`, [recipientId, day.start, day.end])) as Array<{
      sent: number;
    }>;
    return row?.sent ?? 0;
  }

  /**
   * Records that an author's recommendation nudged the recipient (the reciprocity ledger) and counts
   * as `countSentOnTheirOwnDuring` does, in one round trip: planning a recommendation's email needs
   * both. `nudgeRecorded` is false when the pair had been nudged before.
   */
  async recordNudgeAndCountSentOnTheirOwnDuring(
    recipientId: string,
    day: { start: Date; end: Date },
    nudgedBy: { authorId: string; at: Date },
  ): Promise<{ sent: number; nudgeRecorded: boolean }> {
    const [row] = (await this.unitOfWork.transaction().query(
      `WITH nudge AS (
         INSERT INTO reciprocity_ledger (author_id, subject_id, nudged_at)
         VALUES ($4, $1, $5)
         ON CONFLICT DO NOTHING RETURNING author_id)
       SELECT ${SENT_ON_THEIR_OWN_DURING} AS sent, EXISTS (SELECT FROM nudge) AS "nudgeRecorded"`,
      [recipientId, day.start, day.end, nudgedBy.authorId, nudgedBy.at],
    )) as Array<{ sent: number; nudgeRecorded: boolean }>;
    return row ?? { sent: 0, nudgeRecorded: false };
  }

  /**
   * Locks a recipient's emails held since before a digest time, oldest first. Another instance
   * composing at the same moment skips them, so they land in one digest.
   */
  async claimHeldBefore(recipientId: string, before: Date): Promise<Delivery[]> {
    const rows = await this.unitOfWork
      .transaction()
      .createQueryBuilder(DeliveryEntity, 'delivery')
      .where(`delivery.status = 'held'`)
      .andWhere('delivery.recipient_id = :recipientId', { recipientId })
      .andWhere('delivery.created_at < :before', { before })
      .orderBy('delivery.created_at', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return rows.map((row) => Delivery.restore({ ...row }));
  }

  /** Adds a recipient's digest, and wakes the senders at commit. */
  async addDigest(digest: Delivery): Promise<void> {
    await this.unitOfWork.save(digest, async (manager) => {
      await manager.insert(DeliveryEntity, digest.snapshot());
      await this.announce(manager);
    });
  }

  /** The held emails a digest carries, oldest first. */
  async carriedBy(digestId: string): Promise<DeliveryState[]> {
    return this.unitOfWork
      .transaction()
      .find(DeliveryEntity, { where: { digestId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Claims up to `limit` due pending deliveries, oldest first, under a lease: their next attempt
   * moves to `leaseUntil`, so other lanes and instances pass them by until then, and those of a
   * sender that dies are due again when it ends. One statement for all of them (Delivery.claim's
   * rule as SQL, safe against other senders), each with its recipient as they are now (null when no
   * longer replicated), and restored as it was due then claimed, as the statement claimed it.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    // TypeORM answers an UPDATE with its rows and their count.
    const [rows]: [Array<DeliveryState & { nextAttemptWas: Date; recipient: unknown }>, number] =
      await this.unitOfWork.transaction().query(
        `WITH due AS (
         SELECT id AS due_id, next_attempt_at AS attempt_was_due_at FROM delivery
          WHERE status = 'pending' AND next_attempt_at <= $1
          ORDER BY next_attempt_at
          LIMIT $3
            FOR UPDATE SKIP LOCKED)
       UPDATE delivery SET next_attempt_at = $2 FROM due WHERE delivery.id = due.due_id
       RETURNING ${DELIVERY_COLUMNS}, due.attempt_was_due_at AS "nextAttemptWas",
                 ${recipientAsJson('delivery.recipient_id')} AS recipient`,
        [now, leaseUntil, limit],
      );
    return rows
      .sort((a, b) => a.nextAttemptWas.getTime() - b.nextAttemptWas.getTime())
      .map(({ nextAttemptWas, recipient, ...state }) => {
        const delivery = Delivery.restore({ ...state, nextAttemptAt: nextAttemptWas });
        delivery.claim(now, leaseUntil);
        return { delivery, recipient: recipientFromJson(recipient) };
      });
  }

  /**
   * Records claimed deliveries' outcomes (sent, failed, skipped, or a retry's next attempt) with the
   * events they recorded, in one statement. Only a delivery still pending changes: when a lease ran
   * out mid-send and another sender sent it too, the first outcome stands and is announced once;
   * false then, for that delivery.
   */
  recordOutcomes(deliveries: readonly Delivery[]): Promise<boolean[]> {
    const states = deliveries.map((delivery) => delivery.snapshot());
    const column = <T>(value: (state: DeliveryState) => T): T[] => states.map(value);
    return this.unitOfWork.saveAllInOneStatement(
      deliveries.map((delivery) => ({ id: delivery.id, aggregate: delivery })),
      {
        sql: `UPDATE delivery SET status = outcome.status, attempts = outcome.attempts,
                     next_attempt_at = outcome.next_attempt_at, last_error = outcome.last_error,
                     updated_at = outcome.updated_at, sent_at = outcome.sent_at,
                     failed_at = outcome.failed_at, recipient_email = outcome.recipient_email
                FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::text[],
                            $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::text[])
                     AS outcome(id, status, attempts, next_attempt_at, last_error, updated_at, sent_at,
                                failed_at, recipient_email)
               WHERE delivery.id = outcome.id AND delivery.status = 'pending'
              RETURNING delivery.id`,
        params: [
          column((state) => state.id),
          column((state) => state.status),
          column((state) => state.attempts),
          column((state) => state.nextAttemptAt),
          column((state) => state.lastError),
          column((state) => state.updatedAt),
          column((state) => state.sentAt),
          column((state) => state.failedAt),
          column((state) => state.recipientEmail),
        ],
      },
    );
  }

  /**
   * Gives back claimed deliveries not sent (a sender stopping): due at once again, unless their
   * lease already ran out and another sender holds them now.
   */
  async release(deliveryIds: string[], leaseUntil: Date, now: Date): Promise<void> {
    await this.unitOfWork.transaction().query(
      `UPDATE delivery SET next_attempt_at = $3
        WHERE id = ANY($1) AND status = 'pending' AND next_attempt_at = $2`,
      [deliveryIds, leaseUntil, now],
    );
  }

  /**
   * Writes what composing a digest changes of a held delivery (digested or skipped): one UPDATE (the
   * ORM's `save` would read the row back first, a round trip per email).
   */
  async save(delivery: Delivery): Promise<void> {
    const { id, status, attempts, nextAttemptAt, lastError, digestId, updatedAt, sentAt, failedAt } =
      delivery.snapshot();
    await this.unitOfWork.save(delivery, (manager) =>
      manager.update(
        DeliveryEntity,
        { id },
        { status, attempts, nextAttemptAt, lastError, digestId, updatedAt, sentAt, failedAt },
      ),
    );
  }

  /**
   * An erasure. Every email to the employee is deleted, and every email about them (they are its
   * counterpart) that has not gone out (pending or held for a digest): what it announces is gone
   * too. An email about them that went out stays in its recipient's log without their name and
   * without their words (the excerpt or message it quoted). Their reciprocity nudges, either way,
   * are forgotten.
   */
  async eraseEmployee(employeeId: string): Promise<void> {
    const manager = this.unitOfWork.transaction();
    await manager.query(
      `DELETE FROM delivery
        WHERE recipient_id = $1 OR (counterpart_id = $1 AND status IN ('pending', 'held'))`,
      [employeeId],
    );
    await manager.query(
      `UPDATE delivery SET counterpart_name = NULL, details = details - 'excerpt' - 'message'
        WHERE counterpart_id = $1`,
      [employeeId],
    );
    await manager.query(`DELETE FROM reciprocity_ledger WHERE author_id = $1 OR subject_id = $1`, [
      employeeId,
    ]);
  }
}

/** The `delivery` table's columns as plain SQL selects them, shaped as DeliveryState. */
export const DELIVERY_COLUMNS = `id, event_id AS "eventId", template, category, recipient_id AS "recipientId",
  recipient_email AS "recipientEmail", recipient_name AS "recipientName",
  counterpart_id AS "counterpartId", counterpart_name AS "counterpartName", details, status, attempts,
  due_at AS "dueAt", next_attempt_at AS "nextAttemptAt", last_error AS "lastError", traceparent, digest_id AS "digestId",
  created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt", failed_at AS "failedAt"`;

/**
 * SQL counting the emails sent, or on their way, to recipient $1 on their own, due from $2 to before
 * $3: not in a digest, not transactional.
 */
const SENT_ON_THEIR_OWN_DURING = `(SELECT count(*)::int FROM delivery
   WHERE recipient_id = $1 AND due_at >= $2 AND due_at < $3
     AND status IN ('pending', 'sent') AND template <> 'daily-digest'
     AND category <> 'transactional')`;
