import type { AreaMessages } from './catalog';
import type { EmailLanguage } from '@vouch/platform/languages';
import { account } from './messages/account';
import { balance } from './messages/balance';
import { colleague } from './messages/colleague';
import { common } from './messages/common';
import { connections } from './messages/connections';
import { directory } from './messages/directory';
import { hrCoverage } from './messages/hr-coverage';
import { hrDeliveries } from './messages/hr-deliveries';
import { hrPeople } from './messages/hr-people';
import { profile } from './messages/profile';
import { recommendations } from './messages/recommendations';
import { settings } from './messages/settings';
import { signIn } from './messages/sign-in';

/** Every area's messages; a page's area registers here. */
const AREAS = [
  common,
  hrPeople,
  hrCoverage,
  hrDeliveries,
  signIn,
  account,
  settings,
  connections,
  colleague,
  profile,
  balance,
  directory,
  recommendations,
] as const;

type KeysOf<A> = A extends AreaMessages<infer K> ? K : never;
export type MessageId = KeysOf<(typeof AREAS)[number]>;

/** All messages of one language, areas merged (`catalog.spec.ts` checks no two areas share a key). */
export function messagesIn(language: EmailLanguage): Record<MessageId, string> {
  return Object.assign({}, ...AREAS.map((area) => area[language])) as Record<MessageId, string>;
}

/** Each area on its own, for the catalog's checks. */
export const MESSAGE_AREAS: readonly AreaMessages<string>[] = AREAS;
