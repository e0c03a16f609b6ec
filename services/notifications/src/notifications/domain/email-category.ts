/** What an employee can switch off, one switch per kind of email (../shared/API.md). */
export const EMAIL_CATEGORIES = [
  'reciprocity',
  'recommendation_requests',
  'recommendation_updates',
  'connection_requests',
  'connection_updates',
  'reminders',
] as const;

export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];

export type CategorySwitches = Record<EmailCategory, boolean>;

export type DigestMode = 'off' | 'daily';

export function isEmailCategory(value: string): value is EmailCategory {
  return (EMAIL_CATEGORIES as readonly string[]).includes(value);
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

  allows(category: EmailCategory): boolean {
    return !this.unsubscribedAll && this.categories[category];
  }

  /** Switches one category off, as the one-click link in an email of that category does. */
  withoutCategory(category: EmailCategory): NotificationPreferences {
    return new NotificationPreferences(
      { ...this.categories, [category]: false },
      this.digest,
      this.unsubscribedAll,
    );
  }
}
