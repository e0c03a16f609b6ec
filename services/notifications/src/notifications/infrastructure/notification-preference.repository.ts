import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationPreferences } from '../domain/email-category';
import { NotificationPreferenceEntity } from './notification-preference.entity';

@Injectable()
export class NotificationPreferenceRepository {
  /** An employee who never chose gets the defaults; a category added later starts switched on. */
  async find(manager: EntityManager, employeeId: string): Promise<NotificationPreferences> {
    const row = await manager.findOneBy(NotificationPreferenceEntity, { employeeId });
    if (!row) return NotificationPreferences.defaults();
    const defaults = NotificationPreferences.defaults();
    return new NotificationPreferences(
      { ...defaults.categories, ...row.categories },
      row.digest,
      row.unsubscribedAll,
    );
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
