import type { EmailLanguage } from '../i18n/email-languages';
import { emailKitMessages } from './email-kit-messages';

/**
 * Vouch's emails, built from one description into both parts: HTML that Outlook for Windows (Word's
 * renderer), Gmail and Apple Mail show alike, and the plain text beside it. The HTML is the classic
 * table layout with inline styles only: no <style> (Gmail drops it in places), no div boxes,
 * border-radius, @media or web fonts (Outlook for Windows ignores them), buttons as table cells with
 * a bgcolor (clickable everywhere, "bulletproof"), and an explicit background and text colour on
 * every box so that a client's dark mode inverts the whole email or none of it (no color-scheme meta:
 * caniemail lists it as unsupported by Outlook for Windows and Gmail). We write it ourselves
 * rather than with MJML: MJML 5's output for a minimal email already uses @media, border-radius, font
 * <link>s and more that caniemail lists as unsupported there. `tools/check-email-compat.mjs` checks
 * every rendered email against caniemail's data (`npm run emails:render` writes them to docs/emails).
 */

/** The company's look, from COMPANY_NAME, COMPANY_LOGO_URL and BRAND_COLOR. */
export interface EmailBrand {
  companyName: string;
  /** An image shown at the top, `logoWidth` × `logoHeight` pixels; none shows the company's name. */
  logo: { url: string; width: number; height: number } | null;
  /** #rrggbb: buttons (white text on it) and the line beside quotes. */
  color: string;
}

/** Who reads an email, and how it looks: their language and time zone, the company's brand. */
export interface EmailReader {
  language: EmailLanguage;
  /** IANA: dates and times show in it. */
  timeZone: string;
  brand: EmailBrand;
}

/** A piece of an email's body. Every text is plain text: the kit escapes it for HTML. */
export type EmailBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Someone's words (a recommendation's excerpt, a message), kept apart from ours. */
  | { kind: 'quote'; text: string }
  | { kind: 'button'; label: string; href: string }
  | { kind: 'link'; label: string; href: string }
  /** Lines that each link somewhere, with an optional quote (a digest's emails). */
  | { kind: 'list'; items: ReadonlyArray<{ text: string; href: string; quote: string | null }> };

export const heading = (text: string): EmailBlock => ({ kind: 'heading', text });
export const paragraph = (text: string): EmailBlock => ({ kind: 'paragraph', text });
export const quote = (text: string): EmailBlock => ({ kind: 'quote', text });
export const button = (label: string, href: string): EmailBlock => ({ kind: 'button', label, href });
export const link = (label: string, href: string): EmailBlock => ({ kind: 'link', label, href });
export const list = (
  items: ReadonlyArray<{ text: string; href: string; quote: string | null }>,
): EmailBlock => ({
  kind: 'list',
  items,
});

/** One email, in the reader's language, everything already translated. */
export interface EmailDescription {
  language: EmailLanguage;
  subject: string;
  /** The line inboxes show after the subject; hidden in the email itself. */
  preheader: string;
  /** "Hi Ana," */
  greeting: string;
  blocks: readonly EmailBlock[];
  footer: {
    /** Names the company: "Acme — recommendations from your colleagues." */
    note: string;
    /** Email preferences and unsubscribe, for emails one may unsubscribe from. */
    links: ReadonlyArray<{ label: string; href: string }>;
  };
}

export interface EmailParts {
  html: string;
  text: string;
}

const PAGE_BACKGROUND = '#f4f4f7';
const CARD_BACKGROUND = '#ffffff';
const QUOTE_BACKGROUND = '#f7f7fb';
const TEXT = '#1f2330';
const MUTED_TEXT = '#5b6070';
const BUTTON_TEXT = '#ffffff';
const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const BODY_TEXT = `font-family:${FONT};font-size:16px;line-height:24px;color:${TEXT};`;
/** Tables that only lay out: no borders or gaps, and screen readers skip them. */
const LAYOUT = 'role="presentation" cellpadding="0" cellspacing="0" border="0"';

/** The preheader an email's body suggests: its first words after the heading. */
export function preheaderOf(blocks: readonly EmailBlock[]): string {
  for (const block of blocks)
    if (block.kind === 'paragraph' || block.kind === 'quote') return block.text.slice(0, 140);
  return '';
}

/** Text as HTML: escaped, and its line breaks kept (people's messages have paragraphs). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
const htmlText = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** Renders an email's HTML and plain-text parts from its description. */
export function renderEmailParts(email: EmailDescription, brand: EmailBrand): EmailParts {
  return { html: emailHtml(email, brand), text: emailText(email) };
}

function emailHtml(email: EmailDescription, brand: EmailBrand): string {
  const direction = textDirection(email.language);
  const masthead = brand.logo
    ? `<img src="${escapeHtml(brand.logo.url)}" alt="${escapeHtml(brand.companyName)}" width="${brand.logo.width}" height="${brand.logo.height}" style="display:block;border:0;outline:none;text-decoration:none;height:${brand.logo.height}px;width:${brand.logo.width}px;">`
    : `<span style="font-family:${FONT};font-size:20px;line-height:28px;font-weight:bold;color:${TEXT};">${escapeHtml(brand.companyName)}</span>`;
  const body = [paragraphHtml(email.greeting), ...email.blocks.map((block) => blockHtml(block, brand))].join(
    '\n',
  );
  const footerLinks = email.footer.links
    .map(
      ({ label, href }) =>
        `<a href="${escapeHtml(href)}" style="color:${MUTED_TEXT};text-decoration:underline;">${escapeHtml(label)}</a>`,
    )
    .join(' &middot; ');
  return `<!DOCTYPE html>
<html lang="${email.language}" dir="${direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${escapeHtml(email.subject)}</title>
</head>
<body bgcolor="${PAGE_BACKGROUND}" style="margin:0;padding:0;background-color:${PAGE_BACKGROUND};color:${TEXT};">
<div style="font-size:0px;line-height:0px;color:${PAGE_BACKGROUND};mso-hide:all;">${escapeHtml(email.preheader)}</div>
<table ${LAYOUT} width="100%" bgcolor="${PAGE_BACKGROUND}" style="background-color:${PAGE_BACKGROUND};">
<tr><td align="center" style="padding:24px 8px;">
<!--[if mso]><table ${LAYOUT} width="600"><tr><td><![endif]-->
<table ${LAYOUT} width="100%" style="width:100%;max-width:600px;">
<tr><td align="${direction === 'rtl' ? 'right' : 'left'}" style="padding:0 0 16px;">${masthead}</td></tr>
<tr><td bgcolor="${CARD_BACKGROUND}" style="background-color:${CARD_BACKGROUND};padding:32px;${BODY_TEXT}">
${body}
</td></tr>
<tr><td align="center" style="padding:16px 32px;font-family:${FONT};font-size:12px;line-height:18px;color:${MUTED_TEXT};">
${escapeHtml(email.footer.note)}${footerLinks ? `<br>${footerLinks}` : ''}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}

function paragraphHtml(text: string): string {
  return `<p style="margin:0 0 16px;${BODY_TEXT}">${htmlText(text)}</p>`;
}

function quoteHtml(text: string, brand: EmailBrand): string {
  // A coloured cell rather than border-left: Outlook for Windows draws borders only in part.
  return `<table ${LAYOUT} width="100%" style="width:100%;"><tr>
<td width="4" bgcolor="${brand.color}" style="width:4px;background-color:${brand.color};">&nbsp;</td>
<td bgcolor="${QUOTE_BACKGROUND}" style="background-color:${QUOTE_BACKGROUND};padding:12px 16px;${BODY_TEXT}">${htmlText(text)}</td>
</tr></table>
<p style="margin:0;font-size:16px;line-height:16px;">&nbsp;</p>`;
}

function blockHtml(block: EmailBlock, brand: EmailBrand): string {
  switch (block.kind) {
    case 'heading':
      return `<h1 style="margin:0 0 16px;font-family:${FONT};font-size:22px;line-height:30px;font-weight:bold;color:${TEXT};">${htmlText(block.text)}</h1>`;
    case 'paragraph':
      return paragraphHtml(block.text);
    case 'quote':
      return quoteHtml(block.text, brand);
    case 'button':
      return `<table ${LAYOUT}><tr>
<td bgcolor="${brand.color}" style="background-color:${brand.color};padding:12px 20px;"><a href="${escapeHtml(block.href)}" style="font-family:${FONT};font-size:16px;line-height:20px;font-weight:bold;color:${BUTTON_TEXT};text-decoration:none;">${htmlText(block.label)}</a></td>
</tr></table>
<p style="margin:0;font-size:16px;line-height:16px;">&nbsp;</p>`;
    case 'link':
      return `<p style="margin:0 0 16px;${BODY_TEXT}"><a href="${escapeHtml(block.href)}" style="color:${TEXT};text-decoration:underline;">${htmlText(block.label)}</a></p>`;
    case 'list':
      return block.items
        .map(
          (item) =>
            `<p style="margin:0 0 8px;${BODY_TEXT}"><a href="${escapeHtml(item.href)}" style="color:${TEXT};font-weight:bold;text-decoration:underline;">${htmlText(item.text)}</a></p>${
              item.quote === null ? '' : `\n${quoteHtml(item.quote, brand)}`
            }`,
        )
        .join('\n');
  }
}

function emailText(email: EmailDescription): string {
  const blocks = email.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return block.text;
      case 'quote':
        return `"${block.text}"`;
      case 'button':
      case 'link':
        return `${block.label}: ${block.href}`;
      case 'list':
        return block.items
          .map((item) => `- ${item.text}: ${item.href}${item.quote === null ? '' : `\n  "${item.quote}"`}`)
          .join('\n');
    }
  });
  const footer = [email.footer.note, ...email.footer.links.map(({ label, href }) => `${label}: ${href}`)];
  return `${[email.greeting, ...blocks].join('\n\n')}\n\n--\n${footer.join('\n')}\n`;
}

/** `rtl` for languages written right to left, from the language's own data. */
function textDirection(language: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(language) as Intl.Locale & { getTextInfo?: () => { direction?: string } };
  return locale.getTextInfo?.().direction === 'rtl' ? 'rtl' : 'ltr';
}

/** An email as a service words it: its subject and body, in the reader's language. */
export interface VouchEmail {
  recipientName: string;
  subject: string;
  blocks: readonly EmailBlock[];
  /** Where to change one's preferences and to unsubscribe; none for a transactional email. */
  unsubscribe: { preferences: string; unsubscribe: string } | null;
}

/** A rendered email: its subject, and its HTML and text parts. */
export interface RenderedEmail extends EmailParts {
  subject: string;
}

/**
 * Renders an email in the layout every Vouch email shares, in the reader's language: the greeting,
 * the preheader, the footer naming the company and, unless transactional, the preferences and
 * unsubscribe links.
 */
export function renderVouchEmail(email: VouchEmail, reader: EmailReader): RenderedEmail {
  const kit = emailKitMessages.in(reader.language, reader.timeZone);
  const parts = renderEmailParts(
    {
      language: reader.language,
      subject: email.subject,
      preheader: preheaderOf(email.blocks),
      greeting: kit('greeting', { name: email.recipientName }),
      blocks: email.blocks,
      footer: {
        note: kit('footer.note', { companyName: reader.brand.companyName }),
        links: email.unsubscribe
          ? [
              { label: kit('footer.preferences'), href: email.unsubscribe.preferences },
              { label: kit('footer.unsubscribe'), href: email.unsubscribe.unsubscribe },
            ]
          : [],
      },
    },
    reader.brand,
  );
  return { subject: email.subject, ...parts };
}
