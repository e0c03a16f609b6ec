import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emailLinks } from './notifications/application/email-links';
import type { EmailTemplate } from './notifications/domain/email-policies';
import { digestEntry, renderEmail, type EmailContent } from './notifications/infrastructure/email-renderer';

/**
 * Renders every email with sample data to HTML and text files, to look at templates without sending
 * anything: `node -r @swc-node/register services/notifications/src/preview-emails.ts [out-dir]`.
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
    relationship: 'coworker',
    message: 'Could you say a word about the billing migration?',
  },
  'revision-requested': {
    recommendationId: '6f1c2b9e-4c1a-4a57-9d0e-2f9b1c3d4e5f',
    message: 'Could you mention the on-call work too?',
  },
  invitation: {
    invitationId: '3d7e9f1a-2b4c-4d6e-8f0a-1b3c5d7e9f2a',
    expiresAt: '2026-12-20T10:00:00.000Z',
    expiresOn: '20 December 2026 at 10:00 (UTC)',
  },
  'recommendation-taken-down': {
    recommendationId: '6f1c2b9e-4c1a-4a57-9d0e-2f9b1c3d4e5f',
    reason: 'It names a customer who asked not to be named.',
    toAuthor: true,
  },
};

const outDir = path.resolve(process.argv[2] ?? path.join('.local', 'email-previews'));
mkdirSync(outDir, { recursive: true });

const sample = (template: keyof typeof SAMPLE_DETAILS): EmailContent => {
  const details = SAMPLE_DETAILS[template];
  return {
    recipientName: 'Ben Okafor',
    // The invitation is about nobody else, and has nothing to unsubscribe from.
    counterpartName: template === 'invitation' ? null : 'Ana Lima',
    details,
    links: emailLinks(
      'https://vouch.example.com',
      { counterpartId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', details },
      // Transactional emails have nothing to unsubscribe from.
      template === 'invitation' || template === 'recommendation-taken-down' ? null : 'sample-token',
      'a-sample-invitation-secret-for-previews-only',
    ),
  };
};
const write = (template: EmailTemplate, content: EmailContent) => {
  const email = renderEmail(template, content);
  writeFileSync(path.join(outDir, `${template}.html`), email.html);
  writeFileSync(path.join(outDir, `${template}.txt`), `Subject: ${email.subject}\n\n${email.text}\n`);
};

const templates = Object.keys(SAMPLE_DETAILS) as Array<keyof typeof SAMPLE_DETAILS>;
for (const template of templates) write(template, sample(template));
write('daily-digest', {
  ...sample('connection-accepted'),
  counterpartName: null,
  details: {},
  entries: (['reciprocity-nudge', 'recommendation-requested', 'connection-requested'] as const).map(
    (template) => digestEntry(template, sample(template)),
  ),
});
process.stdout.write(`email previews written to ${outDir}\n`);
