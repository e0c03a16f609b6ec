import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationPreferencesView } from '@vouch/contracts';
import { NotificationPreferences } from '../domain/email-category';
import { NotificationPreferenceRepository } from '../infrastructure/notification-preference.repository';

function view(preferences: NotificationPreferences): NotificationPreferencesView {
  return {
    categories: preferences.categories,
    digest: preferences.digest,
    unsubscribedAll: preferences.unsubscribedAll,
  };
}

@Injectable()
export class GetPreferencesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: NotificationPreferenceRepository,
  ) {}

  async execute(employeeId: string): Promise<NotificationPreferencesView> {
    return view(await this.preferences.find(this.dataSource.manager, employeeId));
  }
}

@Injectable()
export class UpdatePreferencesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: NotificationPreferenceRepository,
  ) {}

  async execute(
    employeeId: string,
    wanted: NotificationPreferencesView,
  ): Promise<NotificationPreferencesView> {
    const preferences = new NotificationPreferences(wanted.categories, wanted.digest, wanted.unsubscribedAll);
    await this.preferences.save(this.dataSource.manager, employeeId, preferences);
    return view(preferences);
  }
}
