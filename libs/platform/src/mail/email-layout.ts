/**
 * The look every Vouch email shares, as Handlebars sources: the HTML layout a template's body goes
 * in, and the plain-text footers. The layout expects `subject`, `recipientName`, `body` (HTML,
 * inserted unescaped) and `transactional`; unless transactional, `links.preferences` and
 * `links.unsubscribe` too.
 */
export const EMAIL_HTML_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
<style>
body{margin:0;background:#f4f4f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2330}
.card{max-width:560px;margin:24px auto;background:#fff;border-radius:8px;padding:32px}
h1{font-size:22px;margin:0 0 16px}
blockquote{margin:16px 0;padding:12px 16px;border-left:4px solid #4f46e5;background:#f7f7fb;white-space:pre-line}
a.button{display:inline-block;background:#4f46e5;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px}
.footer{max-width:560px;margin:0 auto 24px;font-size:12px;color:#6b7080;text-align:center}
@media (max-width:600px){.card{margin:0;border-radius:0;padding:20px}}
</style></head>
<body><div class="card"><p>Hi {{recipientName}},</p>{{{body}}}</div>
<div class="footer">Vouch, your company's recommendations.{{#unless transactional}}
<a href="{{links.preferences}}">Email preferences</a> · <a href="{{links.unsubscribe}}">Unsubscribe from these emails</a>{{/unless}}</div>
</body></html>`;

/** The plain-text part's greeting, before a template's text. */
export const EMAIL_TEXT_GREETING = `Hi {{recipientName}},\n\n`;

/** The plain-text footer of an email one may unsubscribe from. */
export const EMAIL_TEXT_FOOTER = `

--
Email preferences: {{links.preferences}}
Unsubscribe from these emails: {{links.unsubscribe}}`;

/** The plain-text footer of an email someone needs to use Vouch at all (no unsubscribe). */
export const EMAIL_TRANSACTIONAL_TEXT_FOOTER = `

--
Vouch, your company's recommendations.`;
