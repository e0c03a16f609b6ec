import { Inject, Injectable } from '@nestjs/common';
import { PeriodicSweep } from '@vouch/platform';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';
import { SendDueRemindersUseCase } from '../application/send-due-reminders.use-case';

/** Looks for due reminders every REMINDER_SWEEP_INTERVAL_MS; instances skip each other's rows. */
@Injectable()
export class ReminderScheduler extends PeriodicSweep {
  constructor(
    private readonly sendDueReminders: SendDueRemindersUseCase,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.settings.reminderSweepIntervalMs;
  }

  protected async sweepOnce(): Promise<undefined> {
    await this.sendDueReminders.execute();
    return undefined;
  }
}
