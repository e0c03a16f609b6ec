import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';
import { SendDueRemindersUseCase } from '../application/send-due-reminders.use-case';

/** Looks for due reminders every REMINDER_SWEEP_INTERVAL_MS; instances skip each other's rows. */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReminderScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    private readonly sendDueReminders: SendDueRemindersUseCase,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(), this.settings.reminderSweepIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private sweep(): void {
    if (this.running) return;
    this.running = true;
    this.sweeping = this.sendDueReminders
      .execute()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.error(`reminder sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.running = false;
      });
  }
}
