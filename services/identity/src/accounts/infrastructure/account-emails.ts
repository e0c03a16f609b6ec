import {
  button,
  heading,
  link,
  paragraph,
  renderVouchEmail,
  type EmailBlock,
  type EmailReader,
  type RenderedEmail,
} from '@vouch/platform';
import { accountEmailMessages, type AccountEmailMessage } from './account-email-messages';

/** The emails identity sends itself: each about signing in, so none travels through Kafka. */
export type AccountEmailKind = 'confirm-email' | 'sign-up-attempted' | 'reset-password' | 'password-changed';

/** What an account email may show. The name is escaped in the HTML. */
export interface AccountEmailContent {
  recipientName: string;
  links: Record<string, string>;
  details: {
    /** How long the link works (confirm-email, reset-password). */
    validForMs?: number;
    /** When the password changed (password-changed), shown in the reader's time zone. */
    changedAt?: Date;
  };
}

type Say = (key: AccountEmailMessage, values?: Record<string, string | number | Date>) => string;

const MINUTE_MS = 60_000;

/** "The link works once, for 24 hours." in whole hours when it is, else in minutes. */
function validFor(say: Say, ms: number | undefined): string {
  if (ms === undefined) throw new Error('the account email needs how long its link works');
  const minutes = Math.round(ms / MINUTE_MS);
  return minutes % 60 === 0
    ? say('validFor.hours', { hours: minutes / 60 })
    : say('validFor.minutes', { minutes });
}

function required(links: Record<string, string>, key: string): string {
  const href = links[key];
  if (href === undefined) throw new Error(`the account email needs its "${key}" link`);
  return href;
}

function changedAt(details: AccountEmailContent['details']): Date {
  if (details.changedAt === undefined) throw new Error('the account email needs when the password changed');
  return details.changedAt;
}

const TEMPLATES: Record<AccountEmailKind, (content: AccountEmailContent, say: Say) => EmailBlock[]> = {
  'confirm-email': ({ links, details }, say) => [
    heading(say('confirm-email.subject')),
    paragraph(say('confirm-email.intro')),
    button(say('confirm-email.confirm'), required(links, 'confirm')),
    paragraph(validFor(say, details.validForMs)),
    paragraph(say('confirm-email.notYou')),
  ],
  'sign-up-attempted': ({ links }, say) => [
    heading(say('sign-up-attempted.subject')),
    paragraph(say('sign-up-attempted.intro')),
    paragraph(say('sign-up-attempted.wasItYou')),
    button(say('sign-up-attempted.signIn'), required(links, 'signIn')),
    link(say('sign-up-attempted.reset'), required(links, 'forgotPassword')),
    paragraph(say('sign-up-attempted.notYou')),
  ],
  'reset-password': ({ links, details }, say) => [
    heading(say('reset-password.subject')),
    paragraph(say('reset-password.intro')),
    button(say('reset-password.choose'), required(links, 'reset')),
    paragraph(`${validFor(say, details.validForMs)} ${say('reset-password.signsOut')}`),
    paragraph(say('reset-password.notYou')),
  ],
  'password-changed': ({ links, details }, say) => [
    heading(say('password-changed.subject')),
    paragraph(say('password-changed.intro', { changedAt: changedAt(details) })),
    paragraph(say('password-changed.notYou')),
    button(say('password-changed.reset'), required(links, 'forgotPassword')),
  ],
};

/**
 * Renders an account email in the reader's language, in the layout every Vouch email shares: no
 * unsubscribe link, as one needs them to use Vouch at all.
 */
export function renderAccountEmail(
  kind: AccountEmailKind,
  content: AccountEmailContent,
  reader: EmailReader,
): RenderedEmail {
  const say: Say = accountEmailMessages.in(reader.language, reader.timeZone);
  return renderVouchEmail(
    {
      recipientName: content.recipientName,
      subject: say(`${kind}.subject`),
      blocks: TEMPLATES[kind](content, say),
      unsubscribe: null,
    },
    reader,
  );
}
