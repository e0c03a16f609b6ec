import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { NotificationPreferences } from '../domain/email-category';
import { NotificationPreferenceEntity } from './notification-preference.entity';

/** What an employee's row of preferences holds. */
export type NotificationPreferenceRow = Pick<
  NotificationPreferenceEntity,
  'categories' | 'digest' | 'unsubscribedAll'
>;

/** An employee who never chose gets the defaults; a category added later starts switched on. */
export function toPreferences(row: NotificationPreferenceRow | null): NotificationPreferences {
  const defaults = NotificationPreferences.defaults();
  if (!row) return defaults;
  return new NotificationPreferences(
    { ...defaults.categories, ...row.categories },
    row.digest,
    row.unsubscribedAll,
  );
}

/** Employees' preferences in the unit of work's transaction. */
@Injectable()
export class NotificationPreferenceRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * Serialises everything that changes an employee's preferences until the transaction ends, so
   * two changes read and write them one after the other.
   */
  async lockFor(employeeId: string): Promise<void> {
    await this.unitOfWork
      .transaction()
      .query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`notification-preferences:${employeeId}`]);
  }

  async find(employeeId: string): Promise<NotificationPreferences> {
    return toPreferences(
      await this.unitOfWork.transaction().findOneBy(NotificationPreferenceEntity, { employeeId }),
    );
  }

  async save(employeeId: string, preferences: NotificationPreferences): Promise<void> {
    await this.unitOfWork.transaction().upsert(
      NotificationPreferenceEntity,
      {
        employeeId,
        categories: preferences.categories,
        digest: preferences.digest,
        unsubscribedAll: preferences.unsubscribedAll,
        updatedAt: new Date(),
      },
      ['employeeId'],
    );
  }

  async delete(employeeId: string): Promise<void> {
    await this.unitOfWork.transaction().delete(NotificationPreferenceEntity, { employeeId });
  }
}
