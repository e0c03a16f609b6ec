import { Inject, Injectable } from '@nestjs/common';
import { HistoryRetentionStore } from '../infrastructure/history-retention.store';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from './notifications.settings';

const DAY_MS = 86_400_000;

/** What one purge deleted. */
export interface PurgedHistory {
  deliveries: number;
  reminders: number;
  nudges: number;
}

/**
 * Deletes the deliveries, reminders and reciprocity nudges older than their retention
 * (DELIVERY_RETENTION_DAYS, REQUEST_REMINDER_RETENTION_DAYS, RECIPROCITY_LEDGER_RETENTION_DAYS).
 */
@Injectable()
export class PurgeExpiredHistoryUseCase {
  constructor(
    private readonly history: HistoryRetentionStore,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  async execute(now: Date): Promise<PurgedHistory> {
    const { deliveryDays, requestReminderDays, reciprocityLedgerDays } = this.settings.retention;
    const daysBefore = (days: number) => new Date(now.getTime() - days * DAY_MS);
    return {
      deliveries: await this.history.purgeFinishedDeliveriesBefore(daysBefore(deliveryDays)),
      reminders: await this.history.purgeFinishedRemindersBefore(daysBefore(requestReminderDays)),
      nudges: await this.history.purgeNudgesBefore(daysBefore(reciprocityLedgerDays)),
    };
  }
}
