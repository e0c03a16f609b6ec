import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

@Injectable()
export class NotificationPreferenceRepository {
  async find(manager: EntityManager, employeeId: string): Promise<NotificationPreferences> {
    return toPreferences(await manager.findOneBy(NotificationPreferenceEntity, { employeeId }));
  }

  async save(
    manager: EntityManager,
    employeeId: string,
    preferences: NotificationPreferences,
  ): Promise<void> {
    await manager.upsert(
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
}
