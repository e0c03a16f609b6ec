import {
  SUPPORTED_EMAIL_LANGUAGES,
  type EmailLanguage,
  type EmailReader,
  type RenderedEmail,
} from '@vouch/platform';
import {
  renderAccountEmail,
  type AccountEmailContent,
  type AccountEmailKind,
} from './accounts/infrastructure/account-emails';

/**
 * Every account email in every language with sample data, as JSON on stdout: `npm run
 * emails:render` runs this and writes them to docs/emails/. Fixed data, so the output only changes
 * with the templates.
 */
const PORTAL = 'https://vouch.example.com';
const SAMPLE_TOKEN = 'sample-link-token-for-previews-only';

export const SAMPLE_ACCOUNT_EMAILS: Record<AccountEmailKind, AccountEmailContent> = {
  'confirm-email': {
    recipientName: 'Ben Okafor',
    links: { confirm: `${PORTAL}/confirm-email#token=${SAMPLE_TOKEN}` },
    details: { validForMs: 24 * 3_600_000 },
  },
  'sign-up-attempted': {
    recipientName: 'Ben Okafor',
    links: { signIn: `${PORTAL}/signin`, forgotPassword: `${PORTAL}/forgot-password` },
    details: {},
  },
  'reset-password': {
    recipientName: 'Ben Okafor',
    links: { reset: `${PORTAL}/reset-password#token=${SAMPLE_TOKEN}` },
    details: { validForMs: 30 * 60_000 },
  },
  'password-changed': {
    recipientName: 'Ben Okafor',
    links: { forgotPassword: `${PORTAL}/forgot-password` },
    details: { changedAt: new Date('2026-12-07T09:30:00.000Z') },
  },
};

/** Where each sample reader lives: their dates show in its zone. */
const SAMPLE_TIME_ZONES: Record<EmailLanguage, string> = {
  en: 'America/New_York',
  de: 'Europe/Berlin',
  pt: 'Europe/Lisbon',
};

export interface SampleAccountEmail extends RenderedEmail {
  template: AccountEmailKind;
  language: EmailLanguage;
}

export function sampleAccountEmails(): SampleAccountEmail[] {
  return SUPPORTED_EMAIL_LANGUAGES.flatMap((language) => {
    const reader: EmailReader = {
      language,
      timeZone: SAMPLE_TIME_ZONES[language],
      brand: { companyName: 'Acme', logo: null, color: '#4f46e5' },
    };
    return (Object.keys(SAMPLE_ACCOUNT_EMAILS) as AccountEmailKind[]).map((template) => ({
      template,
      language,
      ...renderAccountEmail(template, SAMPLE_ACCOUNT_EMAILS[template], reader),
    }));
  });
}

if (require.main === module) process.stdout.write(JSON.stringify(sampleAccountEmails()));
