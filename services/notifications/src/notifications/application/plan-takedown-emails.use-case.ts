import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventData, RecommendationTakenDownV1 } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { currentTraceparent } from '@vouch/telemetry';
import { Delivery } from '../domain/delivery';
import { reasonToWithhold } from '../domain/delivery-rules';
import { TRANSACTIONAL } from '../domain/email-category';
import { RecommendationTakenDownPolicy } from '../domain/email-policies';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { RecipientRepository } from '../infrastructure/recipient.repository';
import { Clock } from './clock';
import { EmployeeNotReplicatedYetError } from './plan-emails.use-case';

const policy = new RecommendationTakenDownPolicy();

export interface PlanTakedownEmailsCommand {
  /** The RecommendationTakenDown event's id. */
  eventId: string;
  takenDown: EventData<typeof RecommendationTakenDownV1>;
}

/**
 * Plans the two takedown emails, to the author and to the subject, to go out at once: transactional,
 * so neither the daily cap, the digest, the quiet hours nor a switch holds them back; a deactivated
 * side gets none. A redelivered event plans nothing more (the inbox, and one delivery per event,
 * template, recipient).
 */
@Injectable()
export class PlanTakedownEmailsUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly recipients: RecipientRepository,
    private readonly clock: Clock,
  ) {}

  execute({ eventId, takenDown }: PlanTakedownEmailsCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      for (const email of policy.plan(takenDown)) {
        const recipient = await this.recipients.find(email.recipientId, {
          counterpartId: email.counterpartId,
        });
        if (!recipient) throw new EmployeeNotReplicatedYetError(email.recipientId);
        if (!recipient.counterpart) throw new EmployeeNotReplicatedYetError(email.counterpartId);
        if (reasonToWithhold(recipient.employee, recipient.preferences, TRANSACTIONAL)) continue;
        const delivery = Delivery.plan({
          id: randomUUID(),
          eventId,
          email,
          recipient: recipient.employee,
          counterpart: recipient.counterpart,
          pace: 'now',
          traceparent: currentTraceparent() ?? null,
          now: this.clock.now(),
        });
        await this.deliveries.add(delivery);
      }
    });
  }
}
