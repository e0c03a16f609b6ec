import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { UnsubscribeTokens, type UnsubscribeClaim } from '../domain/unsubscribe-token';
import { NotificationPreferenceRepository } from '../infrastructure/notification-preference.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

export interface UnsubscribeCommand {
  /** The link's token, as the recipient's mail client sent it. */
  token: string;
}

/** Reads an unsubscribe link's token; throws InvalidUnsubscribeTokenError for a forged or expired one. */
@Injectable()
export class CheckUnsubscribeTokenUseCase {
  private readonly tokens: UnsubscribeTokens;

  constructor(@Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings) {
    this.tokens = new UnsubscribeTokens(settings.unsubscribeSecret, settings.previousUnsubscribeSecrets);
  }

  execute(command: UnsubscribeCommand): UnsubscribeClaim {
    return this.tokens.verify(command.token, new Date());
  }
}

/** One-click unsubscribe (RFC 8058): switches the link's category off for its recipient, no login. */
@Injectable()
export class UnsubscribeUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly check: CheckUnsubscribeTokenUseCase,
    private readonly preferences: NotificationPreferenceRepository,
  ) {}

  async execute(command: UnsubscribeCommand): Promise<UnsubscribeClaim> {
    const claim = this.check.execute(command);
    await this.unitOfWork.run(async () => {
      // Serialises with a concurrent PUT of the same employee's preferences, which would be lost between the read and the write.
      await this.preferences.lockFor(claim.recipientId);
      const current = await this.preferences.find(claim.recipientId);
      await this.preferences.save(claim.recipientId, current.without(claim.category));
    });
    return claim;
  }
}
