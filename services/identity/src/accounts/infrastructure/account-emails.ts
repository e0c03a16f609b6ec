import Handlebars from 'handlebars';
import { EMAIL_HTML_LAYOUT, EMAIL_TEXT_GREETING, EMAIL_TRANSACTIONAL_TEXT_FOOTER } from '@vouch/platform';

/** The emails identity sends itself: each about signing in, so none travels through Kafka. */
export type AccountEmailKind = 'confirm-email' | 'sign-up-attempted' | 'reset-password' | 'password-changed';

/** What an account email may show. Names are escaped by Handlebars. */
export interface AccountEmailContent {
  recipientName: string;
  links: Record<string, string>;
  details: Record<string, string>;
}

interface TemplateSource {
  subject: string;
  /** The body inside the shared layout, HTML. */
  html: string;
  text: string;
}

const TEMPLATES: Record<AccountEmailKind, TemplateSource> = {
  'confirm-email': {
    subject: 'Confirm your email',
    html: `<h1>Confirm your email</h1>
<p>Someone, we hope you, signed up for Vouch with this address. Confirm it is yours to finish signing up.</p>
<p><a class="button" href="{{links.confirm}}">Confirm my email</a></p>
<p>The link works once, for {{details.validFor}}.</p>
<p>Did not sign up? Ignore this email: nothing happens without the link, and the sign-up lapses.</p>`,
    text: `Someone, we hope you, signed up for Vouch with this address. Confirm it is yours to finish signing up:

{{links.confirm}}

The link works once, for {{details.validFor}}.

Did not sign up? Ignore this email: nothing happens without the link, and the sign-up lapses.`,
  },
  'sign-up-attempted': {
    subject: 'Someone tried to sign up with your email',
    html: `<h1>Someone tried to sign up with your email</h1>
<p>Someone tried to sign up for Vouch with this address, but you already have an account, so nothing changed.</p>
<p>Was it you? Sign in, or reset your password if you have forgotten it.</p>
<p><a class="button" href="{{links.signIn}}">Sign in</a></p>
<p><a href="{{links.forgotPassword}}">Reset my password</a></p>
<p>Not you? You can ignore this email: your account is as it was.</p>`,
    text: `Someone tried to sign up for Vouch with this address, but you already have an account, so nothing changed.

Was it you? Sign in: {{links.signIn}}
Forgotten your password? Reset it: {{links.forgotPassword}}

Not you? You can ignore this email: your account is as it was.`,
  },
  'reset-password': {
    subject: 'Reset your password',
    html: `<h1>Reset your password</h1>
<p>Someone, we hope you, asked to reset your Vouch password. Choose a new one:</p>
<p><a class="button" href="{{links.reset}}">Choose a new password</a></p>
<p>The link works once, for {{details.validFor}}. Changing your password signs you out everywhere.</p>
<p>Did not ask? Ignore this email: your password stays as it is.</p>`,
    text: `Someone, we hope you, asked to reset your Vouch password. Choose a new one:

{{links.reset}}

The link works once, for {{details.validFor}}. Changing your password signs you out everywhere.

Did not ask? Ignore this email: your password stays as it is.`,
  },
  'password-changed': {
    subject: 'Your password was changed',
    html: `<h1>Your password was changed</h1>
<p>Your Vouch password was changed on {{details.changedAt}}, and you were signed out everywhere.</p>
<p>Not you? Reset your password now, and tell your Vouch admin.</p>
<p><a class="button" href="{{links.forgotPassword}}">Reset my password</a></p>`,
    text: `Your Vouch password was changed on {{details.changedAt}}, and you were signed out everywhere.

Not you? Reset your password now, and tell your Vouch admin: {{links.forgotPassword}}`,
  },
};

export interface RenderedAccountEmail {
  subject: string;
  html: string;
  text: string;
}

const engine = Handlebars.create();
const layout = engine.compile(EMAIL_HTML_LAYOUT, { strict: true });
const compiled = Object.fromEntries(
  Object.entries(TEMPLATES).map(([kind, source]) => [
    kind,
    {
      subject: engine.compile(source.subject, { noEscape: true }),
      html: engine.compile(source.html, { strict: true }),
      // Plain text is not HTML: nothing to escape.
      text: engine.compile(`${EMAIL_TEXT_GREETING}${source.text}${EMAIL_TRANSACTIONAL_TEXT_FOOTER}`, {
        noEscape: true,
        strict: true,
      }),
    },
  ]),
) as Record<AccountEmailKind, Record<keyof TemplateSource, Handlebars.TemplateDelegate>>;

/** Renders an account email in the layout every Vouch email shares, without an unsubscribe link. */
export function renderAccountEmail(
  kind: AccountEmailKind,
  content: AccountEmailContent,
): RenderedAccountEmail {
  const templates = compiled[kind];
  const subject = templates.subject(content);
  return {
    subject,
    html: layout({ ...content, subject, body: templates.html(content), transactional: true }),
    text: templates.text(content),
  };
}
