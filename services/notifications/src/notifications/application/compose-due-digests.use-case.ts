import { Inject, Injectable } from '@nestjs/common';
import { ReplicatedEmployeeRepository } from '@vouch/employee-replica';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@vouch/messaging';
import { Delivery, RECIPIENT_UNKNOWN } from '../domain/delivery';
import { RecipientDay } from '../domain/recipient-day';
import { WorkingHours } from '../domain/working-hours';
import { DeliveryQueries } from '../infrastructure/delivery.queries';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { NotificationPreferenceRepository } from '../infrastructure/notification-preference.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

export interface ComposeDueDigestsCommand {
  /** The time the digests are due as of: now, unless a test says otherwise. */
  asOf?: Date;
}

/**
 * Folds each recipient's held emails into one digest once their digest hour has come, in their own
 * time zone, on their working days. The digest is a delivery like any other, sent by the sender; the
 * held emails are marked as carried by it in the same transaction, so none is told twice or lost.
 * Safe with several instances: held rows are claimed with SKIP LOCKED, and the digest time makes
 * the digest unique.
 */
@Injectable()
export class ComposeDueDigestsUseCase {
  private readonly day: RecipientDay;
  private readonly workingHours: WorkingHours;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly queries: DeliveryQueries,
    private readonly deliveries: DeliveryRepository,
    private readonly employees: ReplicatedEmployeeRepository,
    private readonly preferences: NotificationPreferenceRepository,
    @Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings,
  ) {
    this.day = new RecipientDay(settings.digestHour, settings.defaultTimeZone);
    this.workingHours = new WorkingHours(
      settings.workingHours,
      settings.workingDays,
      settings.defaultTimeZone,
    );
  }

  /**
   * Composes the digests due as of a time (now, unless a test says otherwise); returns how many.
   * The digests themselves are written at the real time, to be sent at once.
   */
  async execute({ asOf = new Date() }: ComposeDueDigestsCommand = {}): Promise<number> {
    const recipients = await this.queries.recipientsWithHeldEmails();
    let composed = 0;
    for (const { recipientId, timeZone } of recipients) {
      const digestTime = this.day.lastDigestTime(asOf, timeZone);
      // No digest on a day off: what it would carry waits for the next working day's.
      if (!this.workingHours.isWorkingDayAt(digestTime, timeZone)) continue;
      if (await this.composeFor(recipientId, digestTime)) composed += 1;
    }
    return composed;
  }

  private composeFor(recipientId: string, digestTime: Date): Promise<boolean> {
    return this.unitOfWork.run(async () => {
      const now = new Date();
      const held = await this.deliveries.claimHeldBefore(recipientId, digestTime);
      if (held.length === 0) return false;
      const recipient = await this.employees.find(recipientId);
      if (!recipient) {
        for (const delivery of held) {
          delivery.skip(RECIPIENT_UNKNOWN, now);
          await this.deliveries.save(delivery);
        }
        return false;
      }
      const preferences = await this.preferences.find(recipientId);
      let digest: Delivery | null = null;
      for (const delivery of held) {
        const withheld = delivery.reasonToWithholdFrom({ employee: recipient, preferences });
        if (withheld) delivery.skip(withheld, now);
        else {
          if (!digest) {
            digest = Delivery.digestFor({ id: randomUUID(), recipient, digestTime, now });
            await this.deliveries.addDigest(digest);
          }
          delivery.foldInto(digest, now);
        }
        await this.deliveries.save(delivery);
      }
      return digest !== null;
    });
  }
}
