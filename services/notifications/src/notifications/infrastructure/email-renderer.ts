import {
  button,
  heading,
  list,
  paragraph,
  quote,
  renderVouchEmail,
  type EmailBlock,
  type EmailReader,
  type RenderedEmail,
  type MessageValues,
} from '@vouch/platform';
import type { EmailTemplate } from '../domain/email-policies';
import { notificationMessages, type NotificationMessage } from './email-messages';

/** Everything a template may show. User text (names, messages, excerpts) is escaped in the HTML. */
export interface EmailContent {
  recipientName: string;
  /** The other person the email is about; none for a digest. */
  counterpartName: string | null;
  details: Record<string, string | boolean | null>;
  links: Record<string, string>;
  /** The emails a digest gathers. */
  entries?: DigestEntry[];
}

/** One held email as a line of the digest: its subject, where to act on it, the text it quoted. */
export interface DigestEntry {
  headline: string;
  link: string;
  quote: string | null;
}

/** The one link that answers each email, which its line in a digest points to. */
const MAIN_LINK: Record<Exclude<EmailTemplate, 'daily-digest'>, string> = {
  'reciprocity-nudge': 'show',
  'recommendation-received': 'show',
  'favour-returned': 'show',
  'recommendation-requested': 'request',
  'connection-requested': 'connections',
  'connection-accepted': 'writeBack',
  'recommendation-accepted': 'show',
  'revision-requested': 'show',
  'request-reminder': 'request',
  invitation: 'welcome',
  'recommendation-taken-down': 'recommendations',
};

/** Emails someone needs to use Vouch at all: no unsubscribe link, no preferences to point at. */
const TRANSACTIONAL_TEMPLATES: ReadonlySet<EmailTemplate> = new Set([
  'invitation',
  'recommendation-taken-down',
]);

type Say = (key: NotificationMessage, values?: MessageValues) => string;

/** What a template says, in the reader's words: its subject and the blocks of its body. */
interface Composed {
  subject: string;
  blocks: EmailBlock[];
}

const textOf = (details: EmailContent['details'], key: string): string | null => {
  const value = details[key];
  return typeof value === 'string' && value !== '' ? value : null;
};

const TEMPLATES: Record<EmailTemplate, (content: EmailContent, say: Say, name: string) => Composed> = {
  'reciprocity-nudge': ({ details, links }, say, name) => {
    const subject = say('reciprocity-nudge.subject', { name });
    return {
      subject,
      blocks: [
        heading(subject),
        ...quoted(textOf(details, 'excerpt')),
        button(say('recommendation.show'), link(links, 'show')),
        paragraph(say('reciprocity-nudge.thank', { name })),
        button(say('recommendation.writeBack', { name }), link(links, 'writeBack')),
      ],
    };
  },
  'recommendation-received': ({ details, links }, say, name) => {
    const subject = say('recommendation-received.subject', { name });
    return {
      subject,
      blocks: [
        heading(subject),
        ...quoted(textOf(details, 'excerpt')),
        button(say('recommendation.show'), link(links, 'show')),
      ],
    };
  },
  'favour-returned': ({ details, links }, say, name) => ({
    subject: say('favour-returned.subject', { name }),
    blocks: [
      heading(say('favour-returned.subject', { name })),
      paragraph(say('favour-returned.intro', { name })),
      ...quoted(textOf(details, 'excerpt')),
      button(say('recommendation.show'), link(links, 'show')),
    ],
  }),
  'recommendation-requested': ({ details, links }, say, name) => ({
    subject: say('recommendation-requested.subject', { name }),
    blocks: [
      heading(say('recommendation-requested.subject', { name })),
      paragraph(say('recommendation-requested.as', { name, relationship: relationship(details, say) })),
      ...quoted(textOf(details, 'message')),
      ...(details['alreadyRecommended'] === true
        ? [paragraph(say('recommendation-requested.alreadyRecommended', { name }))]
        : []),
      button(say('request.write'), link(links, 'request')),
    ],
  }),
  'connection-requested': ({ details, links }, say, name) => ({
    subject: say('connection-requested.subject', { name }),
    blocks: [
      heading(say('connection-requested.subject', { name })),
      paragraph(say('connection-requested.intro', { name })),
      ...quoted(textOf(details, 'message')),
      button(say('connection-requested.answer'), link(links, 'connections')),
    ],
  }),
  'connection-accepted': ({ links }, say, name) => ({
    subject: say('connection-accepted.subject', { name }),
    blocks: [
      heading(say('connection-accepted.subject', { name })),
      paragraph(say('connection-accepted.giveFirst', { name })),
      button(say('recommendation.writeBack', { name }), link(links, 'writeBack')),
    ],
  }),
  'recommendation-accepted': ({ links }, say, name) => ({
    subject: say('recommendation-accepted.subject', { name }),
    blocks: [
      heading(say('recommendation-accepted.subject', { name })),
      paragraph(say('recommendation-accepted.onProfile')),
      button(say('recommendation-accepted.show'), link(links, 'show')),
    ],
  }),
  'revision-requested': ({ details, links }, say, name) => ({
    subject: say('revision-requested.subject', { name }),
    blocks: [
      heading(say('revision-requested.subject', { name })),
      paragraph(say('revision-requested.intro', { name })),
      ...quoted(textOf(details, 'message')),
      button(say('revision-requested.revise'), link(links, 'show')),
    ],
  }),
  'request-reminder': ({ details, links }, say, name) => ({
    subject: say('request-reminder.subject', { name }),
    blocks: [
      heading(say('request-reminder.subject', { name })),
      paragraph(say('request-reminder.intro', { name, relationship: relationship(details, say) })),
      ...quoted(textOf(details, 'message')),
      button(say('request.write'), link(links, 'request')),
    ],
  }),
  invitation: ({ details, links }, say) => ({
    subject: say('invitation.subject'),
    blocks: [
      heading(say('invitation.heading')),
      paragraph(say('invitation.intro')),
      button(say('invitation.setUp'), link(links, 'welcome')),
      paragraph(say('invitation.expiry', { expiresAt: new Date(textOf(details, 'expiresAt') ?? '') })),
      paragraph(say('invitation.notExpected')),
    ],
  }),
  'recommendation-taken-down': ({ details, links }, say, name) => {
    const to = details['toAuthor'] === true ? 'toAuthor' : 'toSubject';
    return {
      subject: say(`recommendation-taken-down.subject.${to}`, { name }),
      blocks: [
        heading(say(`recommendation-taken-down.subject.${to}`, { name })),
        paragraph(say(`recommendation-taken-down.why.${to}`)),
        ...quoted(textOf(details, 'reason')),
        paragraph(say('recommendation-taken-down.questions')),
        button(say('recommendation-taken-down.recommendations'), link(links, 'recommendations')),
      ],
    };
  },
  'daily-digest': ({ entries = [] }, say) => ({
    subject: say('daily-digest.subject', { count: entries.length }),
    blocks: [
      heading(say('daily-digest.heading')),
      paragraph(say('daily-digest.intro')),
      list(entries.map((entry) => ({ text: entry.headline, href: entry.link, quote: entry.quote }))),
    ],
  }),
};

function quoted(text: string | null): EmailBlock[] {
  return text === null ? [] : [quote(text)];
}

function link(links: EmailContent['links'], key: string): string {
  const href = links[key];
  if (href === undefined) throw new Error(`the email needs its "${key}" link`);
  return href;
}

function relationship(details: EmailContent['details'], say: Say): string {
  const value = textOf(details, 'relationship');
  if (value !== 'supervisor' && value !== 'coworker' && value !== 'subordinate')
    throw new Error(`not a relationship: ${String(value)}`);
  return say(`relationship.${value}`);
}

function compose(template: EmailTemplate, content: EmailContent, reader: EmailReader): Composed {
  const messages = notificationMessages.in(reader.language, reader.timeZone);
  const say: Say = (key, values) => messages(key, { companyName: reader.brand.companyName, ...values });
  const composed = TEMPLATES[template](content, say, content.counterpartName ?? '');
  // A subject is one line, whatever a name holds.
  return { ...composed, subject: composed.subject.replace(/\s+/g, ' ').trim() };
}

/** A held email as a line of the digest, with the same subject it would have had on its own. */
export function digestEntry(
  template: EmailTemplate,
  content: EmailContent,
  reader: EmailReader,
): DigestEntry {
  if (template === 'daily-digest') throw new Error('a digest is not an entry of another digest');
  const excerpt = textOf(content.details, 'excerpt') ?? textOf(content.details, 'message');
  return {
    headline: compose(template, content, reader).subject,
    link: content.links[MAIN_LINK[template]] ?? '',
    quote: excerpt,
  };
}

/** Renders an email in the reader's language, in the layout every Vouch email shares. */
export function renderEmail(
  template: EmailTemplate,
  content: EmailContent,
  reader: EmailReader,
): RenderedEmail {
  const { subject, blocks } = compose(template, content, reader);
  const { preferences, unsubscribe } = content.links;
  return renderVouchEmail(
    {
      recipientName: content.recipientName,
      subject,
      blocks,
      unsubscribe:
        TRANSACTIONAL_TEMPLATES.has(template) || preferences === undefined || unsubscribe === undefined
          ? null
          : { preferences, unsubscribe },
    },
    reader,
  );
}
