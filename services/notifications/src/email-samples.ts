import {
  SUPPORTED_EMAIL_LANGUAGES,
  type EmailLanguage,
  type EmailReader,
  type RenderedEmail,
} from '@vouch/platform';
import { emailLinks } from './notifications/application/email-links';
import type { EmailTemplate } from './notifications/domain/email-policies';
import { digestEntry, renderEmail, type EmailContent } from './notifications/infrastructure/email-renderer';

/**
 * Every notification email in every language with sample data, as JSON on stdout: `npm run
 * emails:render` runs this and writes them to docs/emails/. Fixed data, so the output only changes
 * with the templates.
 */
const SAMPLE_DETAILS: Record<Exclude<EmailTemplate, 'daily-digest'>, EmailContent['details']> = {
  'reciprocity-nudge': {
    recommendationId: '6f1c2b9e-4c1a-4a57-9d0e-2f9b1c3d4e5f',
    excerpt: 'Ana made every release calmer; she explains, listens and follows through.',
  },
  'recommendation-received': {
    recommendationId: '6f1c2b9e-4c1a-4a57-9d0e-2f9b1c3d4e5f',
    excerpt: 'Ana made every release calmer; she explains, listens and follows through.',
  },
  'favour-returned': {
    recommendationId: '6f1c2b9e-4c1a-4a57-9d0e-2f9b1c3d4e5f',
    excerpt: 'Ben turned our on-call from dread into routine.',
  },
  'recommendation-requested': {
    requestId: '0b8f3a52-6a9e-4f43-8d7e-5c2a1b0f9e8d',
    relationship: 'coworker',
    message: 'Could you say a word about the billing migration?',
    alreadyRecommended: true,
  },
  'connection-requested': {
    connectionId: '1c9d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    message: 'We met at the offsite.',
  },
  'connection-accepted': { connectionId: '1c9d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' },
  'recommendation-accepted': { recommendationId: '6f1c2b9e-4c1a-4a57-9d0e-2f9b1c3d4e5f' },
  'request-reminder': {
    requestId: '0b8f3a52-6a9e-4f43-8d7e-5c2a1b0f9e8d',
    relationship: 'supervisor',
    message: 'Could you say a word about the billing migration?',
  },
  'revision-requested': {
    recommendationId: '6f1c2b9e-4c1a-4a57-9d0e-2f9b1c3d4e5f',
    message: 'Could you mention the on-call work too?',
  },
  invitation: {
    invitationId: '3d7e9f1a-2b4c-4d6e-8f0a-1b3c5d7e9f2a',
    expiresAt: '2026-12-20T10:00:00.000Z',
  },
  'recommendation-taken-down': {
    recommendationId: '6f1c2b9e-4c1a-4a57-9d0e-2f9b1c3d4e5f',
    reason: 'It names a customer who asked not to be named.',
    toAuthor: true,
  },
};

/** Where each sample reader lives: their dates show in its zone. */
const SAMPLE_TIME_ZONES: Record<EmailLanguage, string> = {
  en: 'America/New_York',
  de: 'Europe/Berlin',
  pt: 'Europe/Lisbon',
};

/** The brand of a company called Acme, with Vouch's default colour. */
export const SAMPLE_BRAND = { companyName: 'Acme', logo: null, color: '#4f46e5' };

/** A template's sample content, as the sender would put it together. */
export function sampleContent(template: keyof typeof SAMPLE_DETAILS): EmailContent {
  const details = SAMPLE_DETAILS[template];
  const transactional = template === 'invitation' || template === 'recommendation-taken-down';
  return {
    recipientName: 'Ben Okafor',
    // The invitation is about nobody else.
    counterpartName: template === 'invitation' ? null : 'Ana Lima',
    details,
    links: emailLinks(
      'https://vouch.example.com',
      { counterpartId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', details },
      // Transactional emails have nothing to unsubscribe from.
      transactional ? null : 'sample-token',
      'a-sample-invitation-secret-for-previews-only',
    ),
  };
}

export const SAMPLE_TEMPLATES = Object.keys(SAMPLE_DETAILS) as Array<keyof typeof SAMPLE_DETAILS>;

/** A digest of `count` sample emails. */
export function sampleDigest(count: number, reader: EmailReader): EmailContent {
  const held = (['reciprocity-nudge', 'recommendation-requested', 'connection-requested'] as const).slice(
    0,
    count,
  );
  return {
    ...sampleContent('connection-accepted'),
    counterpartName: null,
    details: {},
    entries: held.map((template) => digestEntry(template, sampleContent(template), reader)),
  };
}

export interface SampleEmail extends RenderedEmail {
  template: EmailTemplate;
  language: EmailLanguage;
}

export function sampleEmails(): SampleEmail[] {
  return SUPPORTED_EMAIL_LANGUAGES.flatMap((language) => {
    const reader: EmailReader = { language, timeZone: SAMPLE_TIME_ZONES[language], brand: SAMPLE_BRAND };
    return [
      ...SAMPLE_TEMPLATES.map((template) => ({
        template,
        language,
        ...renderEmail(template, sampleContent(template), reader),
      })),
      {
        template: 'daily-digest' as const,
        language,
        ...renderEmail('daily-digest', sampleDigest(3, reader), reader),
      },
    ];
  });
}

if (require.main === module) process.stdout.write(JSON.stringify(sampleEmails()));
