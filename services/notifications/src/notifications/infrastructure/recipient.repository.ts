import { Injectable } from '@nestjs/common';
import {
  REPLICATED_EMPLOYEE_COLUMNS,
  replicatedEmployeeOf,
  type ReplicatedEmployee,
} from '@vouch/employee-replica';
import { UnitOfWork } from '@vouch/messaging';
import type { NotificationPreferences } from '../domain/email-category';
import { toPreferences, type NotificationPreferenceRow } from './notification-preference.repository';

/** Whom an email goes to, and what they chose to receive. */
export interface Addressee {
  employee: ReplicatedEmployee;
  preferences: NotificationPreferences;
}

/** An email's addressee, and whom it is about. */
export interface Recipient extends Addressee {
  /** The other person the email is about, when asked for and replicated. */
  counterpart: ReplicatedEmployee | null;
}

export interface FindRecipient {
  counterpartId?: string;
  /**
   * Also holds the recipient's daily count of emails still until the transaction ends, so that two
   * events handled at once on different partitions cannot both slip under the cap. Count in a later
   * statement: only its snapshot is taken after the lock.
   */
  lockDailyCount?: boolean;
}

/**
 * The advisory lock on a recipient's daily count (`pg_advisory_xact_lock(hashtext(key))`), also
 * declared to the event consumer so that a transaction shared by several events takes them in order.
 */
export function dailyCapLock(recipientId: string): string {
  return `daily-cap:${recipientId}`;
}

/** An employee's preferences beside their columns, as `recipientOf` reads them. */
const PREFERENCE_COLUMNS = `preference.categories, preference.digest, preference.unsubscribed_all AS "unsubscribedAll"`;

type RecipientRow = ReplicatedEmployee & Partial<NotificationPreferenceRow>;

function recipientOf(row: RecipientRow): Addressee {
  return {
    employee: replicatedEmployeeOf(row),
    preferences: toPreferences(row.digest ? (row as NotificationPreferenceRow) : null),
  };
}

/**
 * SQL for one recipient with their preferences as a JSON value (null when not replicated), for a
 * statement that reads something else to carry: `employeeId` is the SQL naming the employee.
 */
export function recipientAsJson(employeeId: string): string {
  return `(SELECT row_to_json(recipient) FROM (
             SELECT ${REPLICATED_EMPLOYEE_COLUMNS}, ${PREFERENCE_COLUMNS}
               FROM employee
               LEFT JOIN notification_preference preference ON preference.employee_id = employee.id
              WHERE employee.id = ${employeeId}) AS recipient)`;
}

/** The recipient a `recipientAsJson` value describes. */
export function recipientFromJson(json: unknown): Addressee | null {
  return json ? recipientOf(json as RecipientRow) : null;
}

/**
 * Reads an email's recipient with their preferences, and the counterpart, in one statement: planning
 * and sending do it for every email, and on a busy machine each round trip counts.
 */
@Injectable()
export class RecipientRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Null when the recipient is not in the replica. */
  async find(recipientId: string, options: FindRecipient = {}): Promise<Recipient | null> {
    const lock = options.lockDailyCount ? `, pg_advisory_xact_lock(hashtext($3))` : '';
    const rows: RecipientRow[] = await this.unitOfWork.transaction().query(
      `SELECT ${REPLICATED_EMPLOYEE_COLUMNS}, ${PREFERENCE_COLUMNS} ${lock}
         FROM employee
         LEFT JOIN notification_preference preference
           ON preference.employee_id = employee.id AND employee.id = $1
        WHERE employee.id IN ($1, $2)`,
      [
        recipientId,
        options.counterpartId ?? recipientId,
        ...(options.lockDailyCount ? [dailyCapLock(recipientId)] : []),
      ],
    );
    const row = rows.find((candidate) => candidate.id === recipientId);
    if (!row) return null;
    const counterpart = rows.find((candidate) => candidate.id === options.counterpartId);
    return { ...recipientOf(row), counterpart: counterpart ? replicatedEmployeeOf(counterpart) : null };
  }
}
