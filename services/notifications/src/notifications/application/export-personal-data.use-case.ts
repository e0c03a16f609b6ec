import { Injectable } from '@nestjs/common';
import type { NotificationsExportView } from '@vouch/contracts';
import { NotificationPreferenceQueries } from '../infrastructure/notification-preference.queries';
import { PersonalDataQueries } from '../infrastructure/personal-data.queries';

/**
 * Everything notifications holds about the signed-in employee: their email preferences (what they
 * unsubscribed from included), every email planned for them with what became of it, and the
 * reminders still to come.
 */
@Injectable()
export class ExportPersonalDataUseCase {
  constructor(
    private readonly queries: PersonalDataQueries,
    private readonly preferences: NotificationPreferenceQueries,
  ) {}

  async execute({ employeeId }: { employeeId: string }): Promise<NotificationsExportView> {
    const exportedAt = new Date().toISOString();
    const [preferences, emails, reminders] = await Promise.all([
      this.preferences.preferencesOf(employeeId),
      this.queries.emailsTo(employeeId),
      this.queries.pendingRemindersTo(employeeId),
    ]);
    return {
      service: 'notifications',
      employeeId,
      exportedAt,
      preferences: {
        categories: preferences.categories,
        digest: preferences.digest,
        unsubscribedAll: preferences.unsubscribedAll,
      },
      emails: emails.map((email) => ({
        id: email.id,
        template: email.template,
        category: email.category,
        to: email.recipientEmail,
        about: email.counterpartId ? { employeeId: email.counterpartId, name: email.counterpartName } : null,
        status: email.status,
        attempts: email.attempts,
        failureReason: email.lastError,
        createdAt: email.createdAt.toISOString(),
        updatedAt: email.updatedAt.toISOString(),
        sentAt: email.sentAt?.toISOString() ?? null,
        failedAt: email.failedAt?.toISOString() ?? null,
      })),
      pendingReminders: reminders.map((reminder) => ({
        requestId: reminder.requestId,
        requester: { employeeId: reminder.requesterId, name: reminder.requesterName },
        relationship: reminder.relationship,
        dueAt: reminder.dueAt.toISOString(),
      })),
    };
  }
}
