import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReplicatedEmployee } from '@vouch/employee-replica';
import { PrerequisiteNotYetAppliedError, UnitOfWork } from '@vouch/messaging';
import { currentTraceparent } from '@vouch/telemetry';
import { Delivery } from '../domain/delivery';
import { EmailPacingPolicy, reasonToWithhold } from '../domain/delivery-rules';
import type { PlannedEmail } from '../domain/email-policies';
import { RecipientDay } from '../domain/recipient-day';
import { WorkingHours } from '../domain/working-hours';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { RecipientRepository, type Recipient } from '../infrastructure/recipient.repository';
import { Clock } from './clock';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

/** The consumer waits with the event until identity's event of the employee arrived (topics are not ordered). */
export class EmployeeNotReplicatedYetError extends PrerequisiteNotYetAppliedError {
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
 * When an email is planned, and when it may go out: the same instant within its recipient's working
 * hours, else the next start of them in their time zone.
 */
export interface PlanningTime {
  now: Date;
  dueAt: Date;
}

/**
 * Turns the emails an event causes into deliveries, in the event handler's transaction: nothing for
 * a recipient who left or switched the email's category off; held for the digest past the daily cap
 * or when the recipient chose the digest; otherwise pending, for the sender, due at once or, in the
 * recipient's quiet hours, when their working hours start.
 */
@Injectable()
export class PlanEmailsUseCase {
  private readonly pacing: EmailPacingPolicy;
  private readonly day: RecipientDay;
  private readonly workingHours: WorkingHours;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly recipients: RecipientRepository,
    private readonly clock: Clock,
    @Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings,
  ) {
    this.pacing = new EmailPacingPolicy(settings.maxEmailsPerDay);
    this.day = new RecipientDay(settings.digestHour, settings.defaultTimeZone);
    this.workingHours = new WorkingHours(
      settings.workingHours,
      settings.workingDays,
      settings.defaultTimeZone,
    );
  }

  execute(command: PlanEmailCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const recipient = await this.recipientOf(command.email);
      const time = this.planningTime(recipient);
      const sentThatDay = await this.sentOnDayOf(recipient, time);
      await this.addFor(command.eventId, command.email, recipient, time, sentThatDay);
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
   * Now, and when an email planned now may reach the recipient: none of the emails planned here is
   * transactional, so each waits for their working hours.
   */
  planningTime({ employee }: Recipient): PlanningTime {
    const now = this.clock.now();
    return { now, dueAt: this.workingHours.nextWorkingTime(now, employee.timeZone) };
  }

  /**
   * The emails the recipient gets on their own on the local day (their time zone) an email planned
   * at `time` reaches them, read after `recipientOf` took the lock on that count. An email held
   * overnight counts on the morning it goes out.
   */
  sentOnDayOf({ employee }: Recipient, time: PlanningTime): Promise<number> {
    return this.deliveries.countSentOnTheirOwnDuring(
      employee.id,
      this.day.dayOf(time.dueAt, employee.timeZone),
    );
  }

  /**
   * Records that the author's recommendation nudged the recipient, and counts as `sentOnDayOf` does,
   * in one round trip. `nudgeRecorded` is false when the pair had been nudged before.
   */
  recordNudgeAndCountSentOnDayOf(
    { employee }: Recipient,
    time: PlanningTime,
    authorId: string,
  ): Promise<{ sent: number; nudgeRecorded: boolean }> {
    return this.deliveries.recordNudgeAndCountSentOnTheirOwnDuring(
      employee.id,
      this.day.dayOf(time.dueAt, employee.timeZone),
      { authorId, at: time.now },
    );
  }

  /** Plans the email for a recipient read with `recipientOf`, who gets `sentThatDay` emails on its day. */
  async addFor(
    eventId: string,
    email: PlannedEmail,
    { employee, preferences, counterpart }: Recipient & { counterpart: ReplicatedEmployee },
    time: PlanningTime,
    sentThatDay: number,
  ): Promise<void> {
    if (reasonToWithhold(employee, preferences, email.category, counterpart)) return;
    const delivery = Delivery.plan({
      id: randomUUID(),
      eventId,
      email,
      recipient: employee,
      counterpart,
      pace: this.pacing.pace(preferences, sentThatDay),
      traceparent: currentTraceparent() ?? null,
      now: time.now,
      dueAt: time.dueAt,
    });
    await this.deliveries.add(delivery);
  }
}
