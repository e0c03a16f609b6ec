import { TRANSACTIONAL, type DeliveryCategory, type NotificationPreferences } from './email-category';

/**
 * Why an email must not reach its recipient, or null when it may: checked when the email is planned
 * and again when it is sent, because people leave and switch emails off in between. An email about
 * someone erased is never planned: their event read after the erasure (from another service's
 * topic) would bring their name and words back.
 */
export function reasonToWithhold(
  recipient: { active: boolean },
  preferences: NotificationPreferences,
  scope: DeliveryCategory,
  about: { erasedAt: Date | null } | null = null,
): string | null {
  if (!recipient.active) return 'the recipient was deactivated';
  if (about?.erasedAt) return 'the employee it is about was erased';
  // Someone invited needs it to sign in at all: no switch of theirs turns it off.
  if (scope === TRANSACTIONAL) return null;
  if (preferences.unsubscribedAll) return 'the recipient unsubscribed from all emails';
  if (!preferences.allows(scope)) return `the recipient switched ${scope} emails off`;
  return null;
}

/**
 * Whether an email waits for its recipient's working hours (WORKING_HOURS, WORKING_DAYS, in their
 * time zone) when planned outside them. Every email does but the transactional ones: the invitation
 * is what someone waits for to sign in at all, often right after being told of it, and a takedown
 * is about their own words or profile, told once, and best not learnt from someone else first.
 * News, requests, reminders and nudges can wait for the morning. The daily digest goes out at
 * DIGEST_HOUR, which lies within the working hours (checked at boot).
 */
export function heldForWorkingHours(category: DeliveryCategory): boolean {
  return category !== TRANSACTIONAL;
}

/** An email goes out now, or waits for the recipient's daily digest. */
export type Pace = 'now' | 'digest';

/**
 * Never more than MAX_EMAILS_PER_DAY emails a day to one person. Past the cap an email is not
 * dropped but folded into the next daily digest, as every email is for those who chose the digest.
 */
export class EmailPacingPolicy {
  constructor(private readonly maxPerDay: number) {}

  pace(preferences: NotificationPreferences, emailsSentToday: number): Pace {
    if (preferences.digest === 'daily') return 'digest';
    return emailsSentToday < this.maxPerDay ? 'now' : 'digest';
  }
}
