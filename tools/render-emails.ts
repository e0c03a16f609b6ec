/**
 * `npm run emails:render`: every email of both services that send email (notifications, and
 * identity's account emails), in every language, with sample data, into docs/emails/<language>/:
 * <template>.html, <template>.txt (the subject, then the plain-text part) and <template>.png (the
 * HTML as Chromium shows it, 600 pixels wide). Each service renders its own emails
 * (`src/email-samples.ts`, run as a process: a tool never imports a service). The samples are fixed,
 * so running it again changes nothing but the pictures' bytes, at most. Then
 * `npm run emails:check` checks the HTML against caniemail's data.
 *
 *   npm run emails:render [-- --out DIR] [--no-png]
 *
 * The pictures need Chromium: CHROMIUM_PATH, or /usr/bin/chromium (Debian's package).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

interface SampleEmail {
  template: string;
  language: string;
  subject: string;
  html: string;
  text: string;
}

const root = join(__dirname, '..');
const { values } = parseArgs({
  options: { out: { type: 'string', default: join(root, 'docs', 'emails') }, 'no-png': { type: 'boolean' } },
});
const outDir = values.out ?? join(root, 'docs', 'emails');
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** The width email layouts are made for; the picture is as tall as the email. */
const WIDTH = 600;

function samplesOf(service: 'identity' | 'notifications'): SampleEmail[] {
  const stdout = execFileSync(
    process.execPath,
    ['-r', '@swc-node/register', `services/${service}/src/email-samples.ts`],
    {
      cwd: root,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' },
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    },
  );
  return JSON.parse(stdout) as SampleEmail[];
}

/** docs/emails/README.md: each email's subject in each language, linking to its files. */
function indexOf(emails: SampleEmail[]): string {
  const languages = [...new Set(emails.map((email) => email.language))];
  const templates = [...new Set(emails.map((email) => email.template))];
  const cell = (template: string, language: string) => {
    const email = emails.find(
      (candidate) => candidate.template === template && candidate.language === language,
    );
    if (!email) return '';
    const file = `${language}/${template}`;
    return `[${email.subject.replace(/[|[\]]/g, '\\$&')}](${file}.png) ([HTML](${file}.html), [text](${file}.txt))`;
  };
  return [
    '# Every email, in every language',
    '',
    'Written by `npm run emails:render` from the templates, with sample data: do not edit.',
    '',
    `| template | ${languages.join(' | ')} |`,
    `| --- | ${languages.map(() => '---').join(' | ')} |`,
    ...templates.map(
      (template) =>
        `| \`${template}\` | ${languages.map((language) => cell(template, language)).join(' | ')} |`,
    ),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const emails = [...samplesOf('notifications'), ...samplesOf('identity')];
  rmSync(outDir, { recursive: true, force: true });
  for (const email of emails) {
    const dir = join(outDir, email.language);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${email.template}.html`), email.html);
    writeFileSync(join(dir, `${email.template}.txt`), `Subject: ${email.subject}\n\n${email.text}`);
  }
  if (!values['no-png']) {
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: WIDTH, height: 400 }, deviceScaleFactor: 1 });
      // Only the email itself: nothing from the network (a logo would be the only thing fetched).
      await page.route('**/*', (route) => route.abort());
      for (const email of emails) {
        await page.setContent(email.html, { waitUntil: 'load' });
        await page.screenshot({
          path: join(outDir, email.language, `${email.template}.png`),
          fullPage: true,
        });
      }
    } finally {
      await browser.close();
    }
  }
  writeFileSync(join(outDir, 'README.md'), indexOf(emails));
  process.stdout.write(`${emails.length} emails written to ${outDir}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
