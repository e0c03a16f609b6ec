import { Injectable } from '@nestjs/common';
import type { NotificationPreferencesView } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { NotificationPreferences } from '../domain/email-category';
import { NotificationPreferenceQueries } from '../infrastructure/notification-preference.queries';
import { NotificationPreferenceRepository } from '../infrastructure/notification-preference.repository';

function view(preferences: NotificationPreferences): NotificationPreferencesView {
  return {
    categories: preferences.categories,
    digest: preferences.digest,
    unsubscribedAll: preferences.unsubscribedAll,
  };
}

export interface GetPreferencesCommand {
  employeeId: string;
}

export interface UpdatePreferencesCommand {
  employeeId: string;
  wanted: NotificationPreferencesView;
}

@Injectable()
export class GetPreferencesUseCase {
  constructor(private readonly queries: NotificationPreferenceQueries) {}

  async execute(command: GetPreferencesCommand): Promise<NotificationPreferencesView> {
    return view(await this.queries.preferencesOf(command.employeeId));
  }
}

@Injectable()
export class UpdatePreferencesUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly preferences: NotificationPreferenceRepository,
  ) {}

  execute({ employeeId, wanted }: UpdatePreferencesCommand): Promise<NotificationPreferencesView> {
    return this.unitOfWork.run(async () => {
      // Waits for an unsubscribe of the same employee in progress, whose write would otherwise undo this one.
      await this.preferences.lockFor(employeeId);
      const preferences = new NotificationPreferences(
        wanted.categories,
        wanted.digest,
        wanted.unsubscribedAll,
      );
      await this.preferences.save(employeeId, preferences);
      return view(preferences);
    });
  }
}
