import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnsubscribeTokens, type UnsubscribeClaim } from '../domain/unsubscribe-token';
import { NotificationPreferenceRepository } from '../infrastructure/notification-preference.repository';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

/** Reads an unsubscribe link's token; throws InvalidUnsubscribeTokenError for a forged or expired one. */
@Injectable()
export class CheckUnsubscribeTokenUseCase {
  private readonly tokens: UnsubscribeTokens;

  constructor(@Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings) {
    this.tokens = new UnsubscribeTokens(settings.unsubscribeSecret, settings.previousUnsubscribeSecrets);
  }

  execute(token: string): UnsubscribeClaim {
    return this.tokens.verify(token, new Date());
  }
}

/** One-click unsubscribe (RFC 8058): switches the link's category off for its recipient, no login. */
@Injectable()
export class UnsubscribeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly check: CheckUnsubscribeTokenUseCase,
    private readonly preferences: NotificationPreferenceRepository,
  ) {}

  async execute(token: string): Promise<UnsubscribeClaim> {
    const claim = this.check.execute(token);
    await this.dataSource.transaction(async (manager) => {
      // Serialises with a concurrent PUT of the same employee's preferences.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [claim.recipientId]);
      const current = await this.preferences.find(manager, claim.recipientId);
      await this.preferences.save(manager, claim.recipientId, current.without(claim.category));
    });
    return claim;
  }
}
