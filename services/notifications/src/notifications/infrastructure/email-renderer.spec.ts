import {
  catalogProblems,
  SUPPORTED_EMAIL_LANGUAGES,
  type EmailLanguage,
  type EmailReader,
} from '@vouch/platform';
import { SAMPLE_TEMPLATES, sampleContent, sampleDigest } from '../../email-samples';
import type { EmailTemplate } from '../domain/email-policies';
import { NOTIFICATION_CATALOGS } from './email-messages';
import { renderEmail } from './email-renderer';

const brand = {
  companyName: 'Acme & Sons',
  logo: { url: 'https://acme.example/logo.png', width: 120, height: 40 },
  color: '#0f766e',
};
const reader = (language: EmailLanguage, timeZone = 'UTC'): EmailReader => ({ language, timeZone, brand });

/** Words each language's emails show whatever the template: its greeting. */
const GREETING: Record<EmailLanguage, string> = {
  en: 'Hi Ben Okafor,',
  de: 'Hallo Ben Okafor,',
  pt: 'Olá Ben Okafor,',
};

describe('the notification emails', () => {
  it('have every message in every language, each parsing, with the arguments of the English one', () => {
    expect(catalogProblems(NOTIFICATION_CATALOGS)).toEqual([]);
  });

  describe.each(SUPPORTED_EMAIL_LANGUAGES)('in %s', (language) => {
    it.each([...SAMPLE_TEMPLATES, 'daily-digest' as const])(
      'render %s, branded, nothing left unformatted',
      (template) => {
        const content =
          template === 'daily-digest' ? sampleDigest(3, reader(language)) : sampleContent(template);
        const email = renderEmail(template, content, reader(language));

        expect(email.subject).not.toBe('');
        expect(email.text).toContain(GREETING[language]);
        expect(email.html).toContain(`<html lang="${language}"`);
        for (const part of [email.subject, email.html, email.text]) expect(part).not.toMatch(/[{}]/);
        expect(email.html).toContain('alt="Acme &amp; Sons"');
        expect(email.html).toContain('bgcolor="#0f766e"');
        expect(email.text).toContain('Acme & Sons');
      },
    );
  });

  it('speak each language in its own words', () => {
    const subjects = SUPPORTED_EMAIL_LANGUAGES.map(
      (language) =>
        renderEmail('reciprocity-nudge', sampleContent('reciprocity-nudge'), reader(language)).subject,
    );
    expect(subjects).toEqual([
      'Ana Lima recommended you',
      'Ana Lima hat dich empfohlen',
      'Ana Lima escreveu uma recomendação para você',
    ]);
  });

  it('name the relationship in the reader’s language', () => {
    const request = sampleContent('recommendation-requested');
    const text = (language: EmailLanguage) =>
      renderEmail('recommendation-requested', request, reader(language)).text;
    expect(text('en')).toContain('as their coworker');
    expect(text('de')).toContain('als Kollegin oder Kollege');
    expect(text('pt')).toContain('como colega');
  });

  it('escape what people wrote in the HTML, and keep it as written in the text', () => {
    const content = sampleContent('connection-requested');
    const email = renderEmail(
      'connection-requested',
      {
        ...content,
        counterpartName: 'Ana <b>Lima</b>',
        details: { ...content.details, message: '<script>alert(1)</script> & more' },
      },
      reader('de'),
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>Lima</b>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(email.html).toContain('Ana &lt;b&gt;Lima&lt;/b&gt; möchte sich mit dir vernetzen');
    expect(email.text).toContain('"<script>alert(1)</script> & more"');
  });

  it.each([
    ['en', 1, 'Your Vouch digest: 1 update'],
    ['en', 3, 'Your Vouch digest: 3 updates'],
    ['de', 1, 'Deine Vouch-Zusammenfassung: 1 Neuigkeit'],
    ['de', 3, 'Deine Vouch-Zusammenfassung: 3 Neuigkeiten'],
    ['pt', 1, 'Seu resumo do Vouch: 1 novidade'],
    ['pt', 3, 'Seu resumo do Vouch: 3 novidades'],
  ] as const)('count a digest’s updates in %s: %i', (language, count, subject) => {
    const digest = renderEmail('daily-digest', sampleDigest(count, reader(language)), reader(language));
    expect(digest.subject).toBe(subject);
    expect(digest.text.match(/^- /gm)).toHaveLength(count);
  });

  it.each([
    ['en', 'America/New_York', 'until December 20, 2026 at 5:00 AM EST'],
    ['de', 'Europe/Berlin', 'bis zum 20. Dezember 2026 um 11:00 MEZ'],
    ['pt', 'America/Sao_Paulo', 'até 20 de dezembro de 2026 às 07:00 BRT'],
  ] as const)(
    'show the invitation’s expiry in %s, in the reader’s time zone (%s)',
    (language, timeZone, expiry) => {
      // Expires at 10:00 UTC.
      const email = renderEmail('invitation', sampleContent('invitation'), reader(language, timeZone));
      expect(email.text).toContain(expiry);
      expect(email.html).toContain(expiry);
    },
  );

  it('offer unsubscribing from all but the transactional emails', () => {
    const footerLinks = (template: Exclude<EmailTemplate, 'daily-digest'>) =>
      renderEmail(template, sampleContent(template), reader('pt')).text.includes(
        'Cancelar a inscrição nestes e-mails',
      );
    expect(footerLinks('reciprocity-nudge')).toBe(true);
    expect(footerLinks('invitation')).toBe(false);
    expect(footerLinks('recommendation-taken-down')).toBe(false);
  });
});
