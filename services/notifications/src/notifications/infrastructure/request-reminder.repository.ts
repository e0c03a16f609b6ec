import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';

export interface DueReminder {
  requestId: string;
  eventId: string;
  requesterId: string;
  recipientId: string;
  relationship: string;
  message: string | null;
}

/** Reminders of pending requests, in the unit of work's transaction. */
@Injectable()
export class RequestReminderRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Schedules the reminder of a new request; a request already cancelled (or replayed) stays as it
   * is, and one between someone erased and anyone (their request read after the erasure) gets none.
   */
  async schedule(reminder: DueReminder & { dueAt: Date }): Promise<void> {
    await this.unitOfWork.transaction().query(
      `INSERT INTO request_reminder
         (request_id, event_id, requester_id, recipient_id, relationship, message, due_at, status)
       SELECT $1, $2, $3, $4, $5, $6, $7, 'pending'
        WHERE NOT EXISTS (SELECT FROM employee WHERE id IN ($3, $4) AND erased_at IS NOT NULL)
       ON CONFLICT (request_id) DO NOTHING`,
      [
        reminder.requestId,
        reminder.eventId,
        reminder.requesterId,
        reminder.recipientId,
        reminder.relationship,
        reminder.message,
        reminder.dueAt,
      ],
    );
  }

  /** Cancels a reminder not sent yet; leaves a cancelled row if the request itself has not arrived. */
  async cancel(requestId: string): Promise<void> {
    await this.unitOfWork.transaction().query(
      `INSERT INTO request_reminder (request_id, status, finished_at) VALUES ($1, 'cancelled', now())
       ON CONFLICT (request_id) DO UPDATE SET status = 'cancelled', finished_at = now()
        WHERE request_reminder.status = 'pending'`,
      [requestId],
    );
  }

  /** Locks due reminders for the caller's transaction; other instances skip them. */
  async claimDue(now: Date, limit: number): Promise<DueReminder[]> {
    const rows: Array<{
      request_id: string;
      event_id: string;
      requester_id: string;
      recipient_id: string;
      relationship: string;
      message: string | null;
    }> = await this.unitOfWork.transaction().query(
      `SELECT request_id, event_id, requester_id, recipient_id, relationship, message
         FROM request_reminder
        WHERE status = 'pending' AND due_at <= $1
        ORDER BY due_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({
      requestId: row.request_id,
      eventId: row.event_id,
      requesterId: row.requester_id,
      recipientId: row.recipient_id,
      relationship: row.relationship,
      message: row.message,
    }));
  }

  async markSent(requestId: string): Promise<void> {
    await this.unitOfWork
      .transaction()
      .query(`UPDATE request_reminder SET status = 'sent', finished_at = now() WHERE request_id = $1`, [
        requestId,
      ]);
  }

  /** Deletes the reminders of every request the employee made or was asked: they quote its message. */
  async deleteInvolving(employeeId: string): Promise<void> {
    await this.unitOfWork
      .transaction()
      .query(`DELETE FROM request_reminder WHERE requester_id = $1 OR recipient_id = $1`, [employeeId]);
  }
}
