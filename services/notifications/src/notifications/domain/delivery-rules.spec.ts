import { EMAIL_CATEGORIES, NotificationPreferences, TRANSACTIONAL } from './email-category';
import { EmailPacingPolicy, heldForWorkingHours, reasonToWithhold } from './delivery-rules';

describe('delivery rules', () => {
  const defaults = NotificationPreferences.defaults();
  const active = { active: true };

  it('lets an email through to an active recipient who wants its category', () => {
    expect(reasonToWithhold(active, defaults, 'reciprocity')).toBeNull();
  });

  it('withholds every email from a deactivated recipient', () => {
    expect(reasonToWithhold({ active: false }, defaults, 'reciprocity')).toMatch(/deactivated/);
  });

  it('withholds every email about an erased employee, transactional or not, and none about others', () => {
    const erased = { erasedAt: new Date('2026-12-07T05:00:00Z') };
    expect(reasonToWithhold(active, defaults, 'reciprocity', erased)).toMatch(/erased/);
    expect(reasonToWithhold(active, defaults, TRANSACTIONAL, erased)).toMatch(/erased/);
    expect(reasonToWithhold(active, defaults, 'reciprocity', { erasedAt: null })).toBeNull();
  });

  it('withholds a switched-off category but not the others', () => {
    const preferences = defaults.without('reminders');
    expect(reasonToWithhold(active, preferences, 'reminders')).toMatch(/reminders emails off/);
    expect(reasonToWithhold(active, preferences, 'connection_requests')).toBeNull();
  });

  it('withholds everything, the digest included, after a global unsubscribe', () => {
    const preferences = defaults.without('all');
    expect(reasonToWithhold(active, preferences, 'connection_requests')).toMatch(/all emails/);
    expect(reasonToWithhold(active, preferences, 'all')).toMatch(/all emails/);
  });

  it('lets a transactional email (the invitation) past every switch, but not to a deactivated recipient', () => {
    const everythingOff = defaults.without('all').without('reminders');
    expect(reasonToWithhold(active, everythingOff, TRANSACTIONAL)).toBeNull();
    expect(reasonToWithhold({ active: false }, defaults, TRANSACTIONAL)).toMatch(/deactivated/);
  });

  it('sends now up to the daily cap, then folds the rest into the digest', () => {
    const pacing = new EmailPacingPolicy(3);
    expect(pacing.pace(defaults, 0)).toBe('now');
    expect(pacing.pace(defaults, 2)).toBe('now');
    expect(pacing.pace(defaults, 3)).toBe('digest');
  });

  it('folds everything into the digest for those who chose it', () => {
    const digestOnly = new NotificationPreferences(defaults.categories, 'daily', false);
    expect(new EmailPacingPolicy(10).pace(digestOnly, 0)).toBe('digest');
  });
});

describe('heldForWorkingHours', () => {
  it('lets only transactional emails (the invitation, a takedown) go at any hour', () => {
    expect(heldForWorkingHours(TRANSACTIONAL)).toBe(false);
    for (const category of [...EMAIL_CATEGORIES, 'all' as const])
      expect(heldForWorkingHours(category)).toBe(true);
  });
});
