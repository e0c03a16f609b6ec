import Handlebars from 'handlebars';
import {
  EMAIL_HTML_LAYOUT,
  EMAIL_TEXT_FOOTER,
  EMAIL_TEXT_GREETING,
  EMAIL_TRANSACTIONAL_TEXT_FOOTER,
} from '@vouch/platform';
import type { EmailTemplate } from '../domain/email-policies';

/** Everything a template may show. User text (names, messages, excerpts) is escaped by Handlebars. */
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

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

interface TemplateSource {
  subject: string;
  /** The body inside the layout, HTML. */
  html: string;
  text: string;
}

const TEMPLATES: Record<EmailTemplate, TemplateSource> = {
  'reciprocity-nudge': {
    subject: '{{counterpartName}} recommended you',
    html: `<h1>{{counterpartName}} recommended you</h1>
<blockquote>{{details.excerpt}}</blockquote>
<p><a class="button" href="{{links.show}}">Show the recommendation</a></p>
<p>The easiest way to thank {{counterpartName}} is to write one back.</p>
<p><a class="button" href="{{links.writeBack}}">Recommend {{counterpartName}}</a></p>`,
    text: `{{counterpartName}} recommended you.

"{{details.excerpt}}"

Show the recommendation: {{links.show}}

The easiest way to thank {{counterpartName}} is to write one back: {{links.writeBack}}`,
  },
  'recommendation-received': {
    subject: '{{counterpartName}} recommended you',
    html: `<h1>{{counterpartName}} recommended you</h1>
<blockquote>{{details.excerpt}}</blockquote>
<p><a class="button" href="{{links.show}}">Show the recommendation</a></p>`,
    text: `{{counterpartName}} recommended you.

"{{details.excerpt}}"

Show the recommendation: {{links.show}}`,
  },
  'favour-returned': {
    subject: '{{counterpartName}} returned the favour',
    html: `<h1>{{counterpartName}} returned the favour</h1>
<blockquote>{{details.excerpt}}</blockquote>
<p><a class="button" href="{{links.show}}">Show the recommendation</a></p>`,
    text: `{{counterpartName}} returned the favour and recommended you.

"{{details.excerpt}}"

Show the recommendation: {{links.show}}`,
  },
  'recommendation-requested': {
    subject: '{{counterpartName}} asks you for a recommendation',
    html: `<h1>{{counterpartName}} asks you for a recommendation</h1>
<p>As their {{details.relationship}}.</p>
{{#if details.message}}<blockquote>{{details.message}}</blockquote>{{/if}}
{{#if details.alreadyRecommended}}<p>{{counterpartName}} already recommended you.</p>{{/if}}
<p><a class="button" href="{{links.request}}">Write the recommendation</a></p>`,
    text: `{{counterpartName}} asks you for a recommendation, as their {{details.relationship}}.
{{#if details.message}}
"{{details.message}}"
{{/if}}{{#if details.alreadyRecommended}}
{{counterpartName}} already recommended you.
{{/if}}
Write the recommendation: {{links.request}}`,
  },
  'connection-requested': {
    subject: '{{counterpartName}} wants to connect',
    html: `<h1>{{counterpartName}} wants to connect</h1>
{{#if details.message}}<blockquote>{{details.message}}</blockquote>{{/if}}
<p><a class="button" href="{{links.connections}}">Answer</a></p>`,
    text: `{{counterpartName}} wants to connect with you.
{{#if details.message}}
"{{details.message}}"
{{/if}}
Answer: {{links.connections}}`,
  },
  'connection-accepted': {
    subject: 'You are connected with {{counterpartName}}',
    html: `<h1>You are connected with {{counterpartName}}</h1>
<p>Write {{counterpartName}} a recommendation? Giving first is the surest way to receive one.</p>
<p><a class="button" href="{{links.writeBack}}">Recommend {{counterpartName}}</a></p>`,
    text: `You are connected with {{counterpartName}}.

Write {{counterpartName}} a recommendation? Giving first is the surest way to receive one: {{links.writeBack}}`,
  },
  'recommendation-accepted': {
    subject: '{{counterpartName}} accepted your recommendation',
    html: `<h1>{{counterpartName}} accepted your recommendation</h1>
<p>It is on their profile now.</p>
<p><a class="button" href="{{links.show}}">Show it</a></p>`,
    text: `{{counterpartName}} accepted your recommendation: it is on their profile now.

Show it: {{links.show}}`,
  },
  'revision-requested': {
    subject: '{{counterpartName}} asks you to change your recommendation',
    html: `<h1>{{counterpartName}} asks you to change your recommendation</h1>
<blockquote>{{details.message}}</blockquote>
<p><a class="button" href="{{links.show}}">Revise it</a></p>`,
    text: `{{counterpartName}} asks you to change your recommendation:

"{{details.message}}"

Revise it: {{links.show}}`,
  },
  'request-reminder': {
    subject: '{{counterpartName}} is still hoping for your recommendation',
    html: `<h1>{{counterpartName}} is still hoping for your recommendation</h1>
<p>A gentle reminder: {{counterpartName}} asked you, as their {{details.relationship}}, a while ago.</p>
{{#if details.message}}<blockquote>{{details.message}}</blockquote>{{/if}}
<p><a class="button" href="{{links.request}}">Write the recommendation</a></p>`,
    text: `A gentle reminder: {{counterpartName}} asked you, as their {{details.relationship}}, for a recommendation a while ago.
{{#if details.message}}
"{{details.message}}"
{{/if}}
Write the recommendation: {{links.request}}`,
  },
  invitation: {
    subject: "You're invited to Vouch — set up your sign-in",
    html: `<h1>You're invited to Vouch</h1>
<p>Vouch is where you and your colleagues recommend each other. Your company has added you: choose a password to sign in with your work email.</p>
<p><a class="button" href="{{links.welcome}}">Set up your sign-in</a></p>
<p>The link works once, until {{details.expiresOn}}. Once it has expired, ask your Vouch admin for a new invitation.</p>
<p>Not expecting this? You can ignore this email.</p>`,
    text: `You're invited to Vouch, where you and your colleagues recommend each other. Your company has added you: choose a password to sign in with your work email.

Set up your sign-in: {{links.welcome}}

The link works once, until {{details.expiresOn}}. Once it has expired, ask your Vouch admin for a new invitation.

Not expecting this? You can ignore this email.`,
  },
  'recommendation-taken-down': {
    subject:
      '{{#if details.toAuthor}}Your recommendation of {{counterpartName}} was taken down{{else}}{{counterpartName}}’s recommendation of you was taken down{{/if}}',
    html: `<h1>{{#if details.toAuthor}}Your recommendation of {{counterpartName}} was taken down{{else}}{{counterpartName}}’s recommendation of you was taken down{{/if}}</h1>
<p>Your HR team took it down. {{#if details.toAuthor}}It no longer shows anywhere in Vouch.{{else}}It no longer shows on your profile or anywhere else in Vouch.{{/if}} Their reason:</p>
<blockquote>{{details.reason}}</blockquote>
<p>Questions about it? Ask your HR team.</p>
<p><a class="button" href="{{links.recommendations}}">Your recommendations</a></p>`,
    text: `{{#if details.toAuthor}}Your recommendation of {{counterpartName}} was taken down by your HR team: it no longer shows anywhere in Vouch.{{else}}{{counterpartName}}’s recommendation of you was taken down by your HR team: it no longer shows on your profile or anywhere else in Vouch.{{/if}}

Their reason:

"{{details.reason}}"

Questions about it? Ask your HR team.

Your recommendations: {{links.recommendations}}`,
  },
  'daily-digest': {
    subject: 'Your Vouch digest: {{entries.length}} {{plural entries.length "update" "updates"}}',
    html: `<h1>Your Vouch digest</h1>
<p>What happened since your last digest:</p>
{{#each entries}}<div class="entry"><p><a href="{{link}}">{{headline}}</a></p>
{{#if quote}}<blockquote>{{quote}}</blockquote>{{/if}}</div>
{{/each}}`,
    text: `Your Vouch digest: what happened since your last digest.
{{#each entries}}
- {{headline}}: {{link}}{{#if quote}}
  "{{quote}}"{{/if}}
{{/each}}`,
  },
};

const engine = Handlebars.create();
engine.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many));
const layout = engine.compile(EMAIL_HTML_LAYOUT, { strict: true });
const compiled = Object.fromEntries(
  Object.entries(TEMPLATES).map(([name, source]) => [
    name,
    {
      subject: engine.compile(source.subject, { noEscape: true }),
      html: engine.compile(source.html),
      // Plain text is not HTML: nothing to escape, and `&amp;` would only garble it.
      text: engine.compile(
        `${EMAIL_TEXT_GREETING}${source.text}${
          TRANSACTIONAL_TEMPLATES.has(name as EmailTemplate)
            ? EMAIL_TRANSACTIONAL_TEXT_FOOTER
            : EMAIL_TEXT_FOOTER
        }`,
        { noEscape: true },
      ),
    },
  ]),
) as Record<EmailTemplate, Record<keyof TemplateSource, Handlebars.TemplateDelegate>>;

/** A held email as a line of the digest, with the same subject it would have had on its own. */
export function digestEntry(template: EmailTemplate, content: EmailContent): DigestEntry {
  if (template === 'daily-digest') throw new Error('a digest is not an entry of another digest');
  const quote = content.details['excerpt'] ?? content.details['message'] ?? null;
  return {
    headline: renderSubject(template, content),
    link: content.links[MAIN_LINK[template]] ?? '',
    quote: typeof quote === 'string' ? quote : null,
  };
}

/** Renders an email from the templates above, compiled once at load. */
export function renderEmail(template: EmailTemplate, content: EmailContent): RenderedEmail {
  const templates = compiled[template];
  const subject = renderSubject(template, content);
  return {
    subject,
    html: layout({
      ...content,
      subject,
      body: templates.html(content),
      transactional: TRANSACTIONAL_TEMPLATES.has(template),
    }),
    text: templates.text(content),
  };
}

function renderSubject(template: EmailTemplate, content: EmailContent): string {
  return compiled[template].subject(content).replace(/\s+/g, ' ').trim();
}
