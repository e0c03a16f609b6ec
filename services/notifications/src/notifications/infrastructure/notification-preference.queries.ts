import { Injectable } from '@nestjs/common';
import { PooledSqlReader } from '@vouch/persistence';
import type { NotificationPreferences } from '../domain/email-category';
import { toPreferences, type NotificationPreferenceRow } from './notification-preference.repository';

/** Employees' preferences as they read them, outside any transaction. */
@Injectable()
export class NotificationPreferenceQueries {
  constructor(private readonly reader: PooledSqlReader) {}

  /** An employee's preferences; the defaults for one who never chose. */
  async preferencesOf(employeeId: string): Promise<NotificationPreferences> {
    const [row] = await this.reader.query<NotificationPreferenceRow>(
      `SELECT categories, digest, unsubscribed_all AS "unsubscribedAll"
         FROM notification_preference WHERE employee_id = $1`,
      [employeeId],
    );
    return toPreferences(row ?? null);
  }
}
