import {
  button,
  heading,
  list,
  paragraph,
  quote,
  renderEmailParts,
  type EmailDescription,
} from './email-kit';

const email = (overrides: Partial<EmailDescription> = {}): EmailDescription => ({
  language: 'de',
  subject: 'Ana <Lima> hat dich empfohlen',
  preheader: 'Ana & Co',
  greeting: 'Hallo Ben <b>Okafor</b>,',
  blocks: [
    heading('Ana <Lima> hat dich empfohlen'),
    quote('Line one <script>alert(1)</script>\nLine two'),
    button('Empfehlung ansehen', 'https://vouch.example.com/recommendations/1?a=1&b=2'),
    paragraph('Bis bald.'),
    list([
      { text: 'Ana wants to connect', href: 'https://vouch.example.com/connections', quote: 'Hi "there"' },
    ]),
  ],
  footer: {
    note: 'Acme · Empfehlungen',
    links: [{ label: 'Abbestellen', href: 'https://vouch.example.com/v1/unsubscribe?token=t' }],
  },
  ...overrides,
});
const brand = { companyName: 'Acme & Sons', logo: null, color: '#0f766e' };

describe('the email kit', () => {
  it('escapes every text in the HTML, keeping line breaks of quotes', () => {
    const { html } = renderEmailParts(email(), brand);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Okafor</b>');
    expect(html).toContain('Line one &lt;script&gt;alert(1)&lt;/script&gt;<br>Line two');
    expect(html).toContain('<title>Ana &lt;Lima&gt; hat dich empfohlen</title>');
    expect(html).toContain('href="https://vouch.example.com/recommendations/1?a=1&amp;b=2"');
    expect(html).toContain('Acme &amp; Sons');
  });

  it('lays out in tables with inline styles only, in the reader’s language', () => {
    const { html } = renderEmailParts(email(), brand);
    expect(html).toContain('<html lang="de" dir="ltr">');
    expect(html).not.toMatch(/<style|border-radius|@media|class=/);
    // The button is a cell in the brand's colour: clickable and coloured in Outlook for Windows too.
    expect(html).toMatch(/<td bgcolor="#0f766e" style="background-color:#0f766e;[^"]*"><a href=/);
  });

  it('shows the logo with the company as its text, or the name when there is none', () => {
    const withLogo = renderEmailParts(email(), {
      ...brand,
      logo: { url: 'https://acme.example/logo.png', width: 160, height: 48 },
    }).html;
    expect(withLogo).toMatch(
      /<img src="https:\/\/acme.example\/logo.png" alt="Acme &amp; Sons" width="160" height="48"/,
    );
    expect(renderEmailParts(email(), brand).html).not.toContain('<img');
  });

  it('writes the same email as plain text, unescaped, with its links spelt out', () => {
    expect(renderEmailParts(email(), brand).text).toBe(`Hallo Ben <b>Okafor</b>,

Ana <Lima> hat dich empfohlen

"Line one <script>alert(1)</script>
Line two"

Empfehlung ansehen: https://vouch.example.com/recommendations/1?a=1&b=2

Bis bald.

- Ana wants to connect: https://vouch.example.com/connections
  "Hi "there""

--
Acme · Empfehlungen
Abbestellen: https://vouch.example.com/v1/unsubscribe?token=t
`);
  });
});
