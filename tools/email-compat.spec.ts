import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * What caniemail calls partly supported in Outlook for Windows, Gmail or Apple Mail, that the
 * emails use anyway, and why. A feature not listed here fails the test: look it up on caniemail.com
 * before adding it, and prefer changing the HTML.
 */
const ACCEPTED_PARTIAL_SUPPORT: Record<string, string> = {
  '<body> element': 'Gmail drops the body’s styles; the outer table carries the background again',
  'dir attribute': 'ignored by Outlook for Windows and Gmail’s mobile web client; every language is LTR',
  background: 'Outlook for Windows draws no background images; ours are plain colours, set as bgcolor too',
  display: 'only display:block on the logo, which Outlook for Windows does not need',
  'font-size': 'Outlook for Windows rounds sizes; the preheader’s 0px hides it in the others',
  'font-weight': 'Outlook for Windows shows only normal and bold: we use bold',
  'line-height': 'Outlook for Windows needs it in px, which is what we give',
  margin: 'only on <p> and <h1>, where every client applies it; no negative or auto margins',
  'max-width': 'Outlook for Windows ignores it: a conditional 600px table holds the width there',
  padding: 'only on table cells, where Outlook for Windows applies it',
  'text-decoration': 'underline and none only, which all apply',
  'width attribute': 'on tables and cells, in pixels or percent, as Outlook for Windows expects',
  'width property': 'the same widths again as CSS, for the clients that prefer it',
};

/** Runs a script on the pinned Node, whatever runs jest: caniemail needs Node 22 or later. */
const PINNED_NODE = 'tools/pinned-node.mjs';

function renderedTo(dir: string): void {
  execFileSync(
    process.execPath,
    [PINNED_NODE, '-r', '@swc-node/register', 'tools/render-emails.ts', '--out', dir, '--no-png'],
    { cwd: root, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' }, stdio: 'pipe' },
  );
}

function compatibilityOf(dir: string): Record<string, { errors: string[]; warnings: string[] }> {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [PINNED_NODE, 'tools/check-email-compat.mjs', dir, '--json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // Exit 1 when there are errors: its report is still on stdout.
    stdout = String((error as { stdout?: string }).stdout ?? '');
  }
  return (JSON.parse(stdout) as { files: Record<string, { errors: string[]; warnings: string[] }> }).files;
}

describe('the rendered emails', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vouch-emails-'));
    renderedTo(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('use nothing Outlook for Windows, Gmail or Apple Mail lacks, by caniemail’s data', () => {
    const files = compatibilityOf(dir);
    expect(Object.keys(files)).toHaveLength(3 * 16);
    const errors = Object.entries(files).flatMap(([file, { errors }]) =>
      errors.map((error) => `${file}: ${error}`),
    );
    expect(errors).toEqual([]);
    const partial = new Set(
      Object.values(files).flatMap(({ warnings }) =>
        warnings.map((warning) => /^`([^`]+)`/.exec(warning)?.[1] ?? warning),
      ),
    );
    expect([...partial].filter((feature) => !(feature in ACCEPTED_PARTIAL_SUPPORT))).toEqual([]);
  }, 60_000);

  it('are the ones in docs/emails (npm run emails:render brings them up to date)', () => {
    const docs = join(root, 'docs', 'emails');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (file) => !statSync(join(dir, file)).isDirectory(),
    );
    expect(files).toContain(join('de', 'invitation.html'));
    for (const file of files)
      expect(`${file}:\n${readFileSync(join(docs, file), 'utf8')}`).toBe(
        `${file}:\n${readFileSync(join(dir, file), 'utf8')}`,
      );
  });
});
