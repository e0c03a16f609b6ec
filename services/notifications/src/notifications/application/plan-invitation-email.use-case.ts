import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EmployeeInvitedV1, EventData } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { currentTraceparent } from '@vouch/telemetry';
import { Delivery } from '../domain/delivery';
import { reasonToWithhold } from '../domain/delivery-rules';
import { TRANSACTIONAL } from '../domain/email-category';
import { InvitationPolicy } from '../domain/email-policies';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { RecipientRepository } from '../infrastructure/recipient.repository';
import { Clock } from './clock';
import { EmployeeNotReplicatedYetError } from './plan-emails.use-case';

const policy = new InvitationPolicy();

export interface PlanInvitationEmailCommand {
  /** The EmployeeInvited event's id. */
  eventId: string;
  invited: EventData<typeof EmployeeInvitedV1>;
}

/**
 * Plans the invitation email, to go out at once: transactional, so neither the daily cap, the digest,
 * the quiet hours, the reciprocity ledger nor a category switched off holds it back; only a
 * deactivation does. A redelivered event plans nothing more (the inbox, and one delivery per event,
 * template, recipient).
 */
@Injectable()
export class PlanInvitationEmailUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly recipients: RecipientRepository,
    private readonly clock: Clock,
  ) {}

  execute(command: PlanInvitationEmailCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const { eventId, invited } = command;
      // The invitation follows the employee's registration on the same key: known by now, unless its
      // registration is still on its way (a transient error: the consumer retries).
      const recipient = await this.recipients.find(invited.employeeId);
      if (!recipient) throw new EmployeeNotReplicatedYetError(invited.employeeId);
      if (reasonToWithhold(recipient.employee, recipient.preferences, TRANSACTIONAL)) return;
      const email = policy.plan({
        invitationId: invited.invitationId,
        employeeId: invited.employeeId,
        expiresAt: invited.expiresAt,
      });
      const delivery = Delivery.plan({
        id: randomUUID(),
        eventId,
        email,
        recipient: recipient.employee,
        counterpart: null,
        pace: 'now',
        traceparent: currentTraceparent() ?? null,
        now: this.clock.now(),
      });
      await this.deliveries.add(delivery);
    });
  }
}
