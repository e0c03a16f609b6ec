import { MessageCatalogs } from '@vouch/platform';
import { de } from './de';
import { en, type AccountEmailMessage } from './en';
import { pt } from './pt';

export type { AccountEmailMessage } from './en';

/** Every language's catalog of the account emails. */
export const ACCOUNT_EMAIL_CATALOGS = { en, de, pt } satisfies Record<
  string,
  Record<AccountEmailMessage, string>
>;

export const accountEmailMessages = new MessageCatalogs<AccountEmailMessage>(ACCOUNT_EMAIL_CATALOGS);
