import { EmailCategory } from '@vouch/contracts';

/** What an employee can switch off, one switch per kind of email (docs/api.md). */
export const EMAIL_CATEGORIES = EmailCategory.options;

export type CategorySwitches = Record<EmailCategory, boolean>;

export type DigestMode = 'off' | 'daily';

/**
 * What an unsubscribe link switches off: one category, or everything (the daily digest gathers
 * every category, so its link is the global switch).
 */
export type UnsubscribeScope = EmailCategory | 'all';

/**
 * The category of an email someone needs to use Vouch at all (the invitation to set up their
 * sign-in): not counted against the daily cap, never held for the digest, and no switch turns it off.
 */
export const TRANSACTIONAL = 'transactional';

/** What a delivery is filed under: what its unsubscribe link switches off, or transactional (no link). */
export type DeliveryCategory = UnsubscribeScope | typeof TRANSACTIONAL;

export function isUnsubscribeScope(value: string): value is UnsubscribeScope {
  return value === 'all' || (EMAIL_CATEGORIES as readonly string[]).includes(value);
}

/** An employee's choice of emails; everyone starts with every category on and no digest. */
export class NotificationPreferences {
  constructor(
    readonly categories: CategorySwitches,
    readonly digest: DigestMode,
    readonly unsubscribedAll: boolean,
  ) {}

  static defaults(): NotificationPreferences {
    const categories = Object.fromEntries(EMAIL_CATEGORIES.map((category) => [category, true]));
    return new NotificationPreferences(categories as CategorySwitches, 'off', false);
  }

  allows(scope: UnsubscribeScope): boolean {
    return !this.unsubscribedAll && (scope === 'all' || this.categories[scope]);
  }

  /** Switches a category, or everything, off, as the one-click link in an email of that scope does. */
  without(scope: UnsubscribeScope): NotificationPreferences {
    if (scope === 'all') return new NotificationPreferences(this.categories, this.digest, true);
    return new NotificationPreferences(
      { ...this.categories, [scope]: false },
      this.digest,
      this.unsubscribedAll,
    );
  }
}
