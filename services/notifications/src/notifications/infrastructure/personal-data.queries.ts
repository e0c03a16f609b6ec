import { Injectable } from '@nestjs/common';
import { PooledSqlReader } from '@vouch/persistence';
import type { DeliveryStatus } from '../domain/delivery';
import type { DeliveryCategory } from '../domain/email-category';
import type { EmailTemplate } from '../domain/email-policies';

/**
 * An email to the employee as the export shows it: what the delivery log says of it, without what
 * only the sender needs (its links' details, trace context).
 */
export interface OwnEmailRow {
  id: string;
  template: EmailTemplate;
  category: DeliveryCategory;
  recipientEmail: string;
  counterpartId: string | null;
  counterpartName: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

/** A reminder still to be sent to the employee about a request they have not answered. */
export interface OwnPendingReminderRow {
  requestId: string;
  requesterId: string;
  /** Null when the replica has not heard of them. */
  requesterName: string | null;
  relationship: string;
  dueAt: Date;
}

/** What the service holds about one employee, for their export: plain SQL on the pool. */
@Injectable()
export class PersonalDataQueries {
  constructor(private readonly reader: PooledSqlReader) {}

  /** Every email planned for the employee, in any status, the oldest first. */
  emailsTo(employeeId: string): Promise<OwnEmailRow[]> {
    return this.reader.query<OwnEmailRow>(
      `SELECT id, template, category, recipient_email AS "recipientEmail", counterpart_id AS "counterpartId",
              counterpart_name AS "counterpartName", status, attempts, last_error AS "lastError",
              created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt", failed_at AS "failedAt"
         FROM delivery
        WHERE recipient_id = $1
        ORDER BY created_at, id`,
      [employeeId],
    );
  }

  /** Reminders not sent yet of requests to the employee, the soonest first. */
  pendingRemindersTo(employeeId: string): Promise<OwnPendingReminderRow[]> {
    return this.reader.query<OwnPendingReminderRow>(
      `SELECT r.request_id AS "requestId", r.requester_id AS "requesterId", e.name AS "requesterName",
              r.relationship, r.due_at AS "dueAt"
         FROM request_reminder r LEFT JOIN employee e ON e.id = r.requester_id
        WHERE r.recipient_id = $1 AND r.status = 'pending'
        ORDER BY r.due_at, r.request_id`,
      [employeeId],
    );
  }
}
