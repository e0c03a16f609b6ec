import { MessageCatalogs } from '@vouch/platform';
import { de } from './de';
import { en, type NotificationMessage } from './en';
import { pt } from './pt';

export type { NotificationMessage } from './en';

/** Every language's catalog of the notification emails. */
export const NOTIFICATION_CATALOGS = { en, de, pt } satisfies Record<
  string,
  Record<NotificationMessage, string>
>;

export const notificationMessages = new MessageCatalogs<NotificationMessage>(NOTIFICATION_CATALOGS);
