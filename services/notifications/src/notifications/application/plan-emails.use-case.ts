import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReplicatedEmployee } from '@vouch/employee-replica';
import { EmailPacingPolicy, reasonToWithhold } from '../domain/delivery-rules';
import type { PlannedEmail } from '../domain/email-policies';
import { RecipientDay } from '../domain/recipient-day';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { NotificationPreferenceRepository } from '../infrastructure/notification-preference.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

/** A transient error: the consumer retries the event with backoff until identity's event arrived. */
export class EmployeeNotReplicatedYetError extends Error {
  override readonly name = 'EmployeeNotReplicatedYetError';
  constructor(employeeId: string) {
    super(`employee ${employeeId} is not in the replica yet`);
  }
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
    private readonly deliveries: DeliveryRepository,
    private readonly preferences: NotificationPreferenceRepository,
    @Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings,
  ) {
    this.pacing = new EmailPacingPolicy(settings.maxEmailsPerDay);
    this.day = new RecipientDay(settings.digestHour, settings.defaultTimeZone);
  }

  async execute(manager: EntityManager, eventId: string, email: PlannedEmail): Promise<void> {
    const [recipient, counterpart] = await Promise.all([
      manager.findOneBy(ReplicatedEmployee, { id: email.recipientId }),
      manager.findOneBy(ReplicatedEmployee, { id: email.counterpartId }),
    ]);
    // identity's topic is not ordered with the others: an employee not known yet soon will be.
    if (!recipient) throw new EmployeeNotReplicatedYetError(email.recipientId);
    if (!counterpart) throw new EmployeeNotReplicatedYetError(email.counterpartId);
    const preferences = await this.preferences.find(manager, recipient.id);
    if (reasonToWithhold(recipient, preferences, email.category)) return;
    const now = new Date();
    await this.deliveries.lockDailyCount(manager, recipient.id);
    const sentToday = await this.deliveries.countSentOnTheirOwnSince(
      manager,
      recipient.id,
      this.day.startOf(now, recipient.timeZone),
    );
    const pace = this.pacing.pace(preferences, sentToday);
    const status = pace === 'now' ? 'pending' : 'held';
    await this.deliveries.add(manager, eventId, email, recipient, counterpart, status, now);
  }
}
