import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { RequestReminderRepository, type DueReminder } from '../infrastructure/request-reminder.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

export interface ScheduleRequestReminderCommand extends DueReminder {
  /** When the request was made: its reminder falls due `reminderAfterMs` later. */
  requestedAt: Date;
}

/** Schedules the reminder of a new recommendation request; one already cancelled stays cancelled. */
@Injectable()
export class ScheduleRequestReminderUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reminders: RequestReminderRepository,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  execute({ requestedAt, ...reminder }: ScheduleRequestReminderCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const dueAt = new Date(requestedAt.getTime() + this.settings.reminderAfterMs);
      await this.reminders.schedule({ ...reminder, dueAt });
    });
  }
}

export interface CancelRequestReminderCommand {
  requestId: string;
}

/** A request answered, withdrawn or expired needs no reminder any more. */
@Injectable()
export class CancelRequestReminderUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reminders: RequestReminderRepository,
  ) {}

  execute(command: CancelRequestReminderCommand): Promise<void> {
    return this.unitOfWork.run(() => this.reminders.cancel(command.requestId));
  }
}
