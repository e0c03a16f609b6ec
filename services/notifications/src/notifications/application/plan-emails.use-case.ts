import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReplicatedEmployee } from '@vouch/employee-replica';
import { UnitOfWork } from '@vouch/messaging';
import { currentTraceparent } from '@vouch/telemetry';
import { Delivery } from '../domain/delivery';
import { EmailPacingPolicy, reasonToWithhold } from '../domain/delivery-rules';
import type { PlannedEmail } from '../domain/email-policies';
import { RecipientDay } from '../domain/recipient-day';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { RecipientRepository, type Recipient } from '../infrastructure/recipient.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

/** A transient error: the consumer retries the event with backoff until identity's event arrived. */
export class EmployeeNotReplicatedYetError extends Error {
  override readonly name = 'EmployeeNotReplicatedYetError';
  constructor(employeeId: string) {
    super(`employee ${employeeId} is not in the replica yet`);
  }
}

export interface PlanEmailCommand {
  /** The event that causes the email: with template and recipient, what makes its delivery unique. */
  eventId: string;
  email: PlannedEmail;
}

/**
 * Turns the emails an event causes into deliveries, in the event handler's transaction: nothing for
 * a recipient who left or switched the email's category off; held for the digest past the daily cap
 * or when the recipient chose the digest; otherwise pending, for the sender.
 */
@Injectable()
export class PlanEmailsUseCase {
  private readonly pacing: EmailPacingPolicy;
  private readonly day: RecipientDay;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly recipients: RecipientRepository,
    @Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings,
  ) {
    this.pacing = new EmailPacingPolicy(settings.maxEmailsPerDay);
    this.day = new RecipientDay(settings.digestHour, settings.defaultTimeZone);
  }

  execute(command: PlanEmailCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const recipient = await this.recipientOf(command.email);
      const sentToday = await this.sentToday(recipient);
      await this.addFor(command.eventId, command.email, recipient, sentToday);
    });
  }

  /**
   * The recipient and counterpart of an email, with the recipient's daily count locked until commit.
   * identity's topic is not ordered with the others: an employee not known yet soon will be.
   */
  async recipientOf(
    email: Pick<PlannedEmail, 'recipientId' | 'counterpartId'>,
  ): Promise<Recipient & { counterpart: ReplicatedEmployee }> {
    const recipient = await this.recipients.find(email.recipientId, {
      counterpartId: email.counterpartId,
      lockDailyCount: true,
    });
    if (!recipient) throw new EmployeeNotReplicatedYetError(email.recipientId);
    const { counterpart } = recipient;
    if (!counterpart) throw new EmployeeNotReplicatedYetError(email.counterpartId);
    return { ...recipient, counterpart };
  }

  /**
   * The emails the recipient got on their own today (their day, in their time zone), read after
   * `recipientOf` took the lock on that count.
   */
  sentToday({ employee }: Recipient): Promise<number> {
    return this.deliveries.countSentOnTheirOwnSince(
      employee.id,
      this.day.startOf(new Date(), employee.timeZone),
    );
  }

  /**
   * Records that the author's recommendation nudged the recipient, and counts as `sentToday` does,
   * in one round trip. `nudgeRecorded` is false when the pair had been nudged before.
   */
  recordNudgeAndCountSentToday(
    { employee }: Recipient,
    nudgedBy: { authorId: string; at: Date },
  ): Promise<{ sent: number; nudgeRecorded: boolean }> {
    return this.deliveries.recordNudgeAndCountSentOnTheirOwnSince(
      employee.id,
      this.day.startOf(new Date(), employee.timeZone),
      nudgedBy,
    );
  }

  /** Plans the email for a recipient read with `recipientOf`, who got `sentToday` emails today. */
  async addFor(
    eventId: string,
    email: PlannedEmail,
    { employee, preferences, counterpart }: Recipient & { counterpart: ReplicatedEmployee },
    sentToday: number,
  ): Promise<void> {
    if (reasonToWithhold(employee, preferences, email.category, counterpart)) return;
    const delivery = Delivery.plan({
      id: randomUUID(),
      eventId,
      email,
      recipient: employee,
      counterpart,
      pace: this.pacing.pace(preferences, sentToday),
      traceparent: currentTraceparent() ?? null,
      now: new Date(),
    });
    await this.deliveries.add(delivery);
  }
}
