import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { RequestReminderPolicy } from '../domain/email-policies';
import { RequestReminderRepository } from '../infrastructure/request-reminder.repository';
import { PlanEmailsUseCase } from './plan-emails.use-case';

const BATCH = 100;

/**
 * Turns reminders that fell due into deliveries, once each: the reminder is marked sent in the
 * transaction that adds its delivery, so no request is ever reminded twice.
 */
@Injectable()
export class SendDueRemindersUseCase {
  private readonly policy = new RequestReminderPolicy();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reminders: RequestReminderRepository,
    private readonly plan: PlanEmailsUseCase,
  ) {}

  /** Returns how many reminders fell due. */
  execute(): Promise<number> {
    return this.unitOfWork.run(async () => {
      const due = await this.reminders.claimDue(new Date(), BATCH);
      for (const reminder of due) {
        await this.plan.execute({ eventId: reminder.eventId, email: this.policy.plan(reminder) });
        await this.reminders.markSent(reminder.requestId);
      }
      return due.length;
    });
  }
}
