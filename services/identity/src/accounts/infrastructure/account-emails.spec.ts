import {
  catalogProblems,
  SUPPORTED_EMAIL_LANGUAGES,
  type EmailLanguage,
  type EmailReader,
} from '@vouch/platform';
import { SAMPLE_ACCOUNT_EMAILS } from '../../email-samples';
import { ACCOUNT_EMAIL_CATALOGS } from './account-email-messages';
import { renderAccountEmail, type AccountEmailKind } from './account-emails';

const brand = { companyName: 'Acme', logo: null, color: '#0f766e' };
const reader = (language: EmailLanguage, timeZone = 'UTC'): EmailReader => ({ language, timeZone, brand });
const KINDS = Object.keys(SAMPLE_ACCOUNT_EMAILS) as AccountEmailKind[];

describe('the account emails', () => {
  it('have every message in every language, each parsing, with the arguments of the English one', () => {
    expect(catalogProblems(ACCOUNT_EMAIL_CATALOGS)).toEqual([]);
  });

  describe.each(SUPPORTED_EMAIL_LANGUAGES)('in %s', (language) => {
    it.each(KINDS)('render %s, branded, without an unsubscribe link', (kind) => {
      const email = renderAccountEmail(kind, SAMPLE_ACCOUNT_EMAILS[kind], reader(language));
      expect(email.subject).not.toBe('');
      expect(email.html).toContain(`<html lang="${language}"`);
      for (const part of [email.subject, email.html, email.text]) expect(part).not.toMatch(/[{}]/);
      expect(email.html).toContain('bgcolor="#0f766e"');
      expect(email.text).toContain('Acme ·');
      expect(email.text).not.toContain('unsubscribe');
    });
  });

  it.each([
    ['en', 'Confirm your email', 'for 24 hours'],
    ['de', 'Bestätige deine E-Mail-Adresse', '24 Stunden lang'],
    ['pt', 'Confirme seu e-mail', 'durante 24 horas'],
  ] as const)('ask to confirm the address in %s', (language, subject, validFor) => {
    const email = renderAccountEmail(
      'confirm-email',
      SAMPLE_ACCOUNT_EMAILS['confirm-email'],
      reader(language),
    );
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(validFor);
  });

  it('say how long a link works in minutes when it is not whole hours', () => {
    const reset = { ...SAMPLE_ACCOUNT_EMAILS['reset-password'], details: { validForMs: 90 * 60_000 } };
    expect(renderAccountEmail('reset-password', reset, reader('en')).text).toContain('for 90 minutes');
    const hour = { ...reset, details: { validForMs: 60 * 60_000 } };
    expect(renderAccountEmail('reset-password', hour, reader('de')).text).toContain('eine Stunde lang');
  });

  it('tell when the password changed in the reader’s language and time zone', () => {
    // Changed at 09:30 UTC.
    const changed = SAMPLE_ACCOUNT_EMAILS['password-changed'];
    expect(renderAccountEmail('password-changed', changed, reader('de', 'Europe/Berlin')).text).toContain(
      'am 7. Dezember 2026 um 10:30 MEZ',
    );
    expect(renderAccountEmail('password-changed', changed, reader('en', 'America/New_York')).text).toContain(
      'on December 7, 2026 at 4:30 AM EST',
    );
  });

  it('escape the name in the HTML', () => {
    const email = renderAccountEmail(
      'sign-up-attempted',
      { ...SAMPLE_ACCOUNT_EMAILS['sign-up-attempted'], recipientName: '<img src=x onerror=alert(1)>' },
      reader('pt'),
    );
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('Olá &lt;img src=x onerror=alert(1)&gt;,');
  });
});
