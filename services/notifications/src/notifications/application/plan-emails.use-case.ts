import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReplicatedEmployee } from '@vouch/employee-replica';
import type { PlannedEmail } from '../domain/email-policies';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { NotificationPreferenceRepository } from '../infrastructure/notification-preference.repository';

/** A transient error: the consumer retries the event with backoff until identity's event arrived. */
export class EmployeeNotReplicatedYetError extends Error {
  override readonly name = 'EmployeeNotReplicatedYetError';
  constructor(employeeId: string) {
    super(`employee ${employeeId} is not in the replica yet`);
  }
}

/**
 * Turns the emails an event causes into pending deliveries, in the event handler's transaction.
 * Nothing for a recipient who left, or who switched the email's category off.
 */
@Injectable()
export class PlanEmailsUseCase {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly preferences: NotificationPreferenceRepository,
  ) {}

  async execute(manager: EntityManager, eventId: string, email: PlannedEmail): Promise<void> {
    const [recipient, counterpart] = await Promise.all([
      manager.findOneBy(ReplicatedEmployee, { id: email.recipientId }),
      manager.findOneBy(ReplicatedEmployee, { id: email.counterpartId }),
    ]);
    // identity's topic is not ordered with the others: an employee not known yet soon will be.
    if (!recipient) throw new EmployeeNotReplicatedYetError(email.recipientId);
    if (!counterpart) throw new EmployeeNotReplicatedYetError(email.counterpartId);
    if (!recipient.active) return;
    const preferences = await this.preferences.find(manager, recipient.id);
    if (!preferences.allows(email.category)) return;
    await this.deliveries.addPending(manager, eventId, email, recipient, counterpart, new Date());
  }
}
