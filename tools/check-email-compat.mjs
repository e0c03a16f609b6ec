#!/usr/bin/env node
// @ts-check
/**
 * Checks email HTML against caniemail's data for the clients Vouch's emails must render in: Outlook
 * for Windows, Gmail and Apple Mail. Prints each feature a client lacks (error) or supports only in
 * part (warning), and exits 1 when there is any error.
 *
 *   node tools/check-email-compat.mjs <file.html | directory>... [--json]
 *
 * A directory is searched for .html files, recursively. `--json` prints
 * `{ files: { [path]: { errors: string[], warnings: string[] } } }` instead (the tests read it).
 * caniemail is ESM only (Node >= 22), which is why this is a script and not a jest helper.
 */
import fs from 'node:fs';
import path from 'node:path';
import { caniemail, formatIssue } from 'caniemail';

/** @type {import('caniemail').CanIEmailOptions['clients']} */
export const EMAIL_CLIENTS = ['outlook.windows', 'gmail.*', 'apple-mail.*'];

const args = process.argv.slice(2);
const json = args.includes('--json');
const targets = args.filter((arg) => arg !== '--json');
if (targets.length === 0) {
  process.stderr.write('usage: node tools/check-email-compat.mjs <file.html | directory>... [--json]\n');
  process.exit(2);
}

/** @param {string} target @returns {string[]} */
function htmlFiles(target) {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const entryPath = path.join(target, entry.name);
      if (entry.isDirectory()) return htmlFiles(entryPath);
      return entry.name.endsWith('.html') ? [entryPath] : [];
    });
}

/** @type {Record<string, { errors: string[], warnings: string[] }>} */
const files = {};
for (const file of targets.flatMap(htmlFiles)) {
  const { issues } = caniemail({ clients: EMAIL_CLIENTS, html: fs.readFileSync(file, 'utf8') });
  /**
   * @param {'error' | 'warning'} issueType
   * @param {import('caniemail').CanIEmailResult['issues']['errors']} byClient
   */
  const messages = (issueType, byClient) =>
    [...byClient.entries()].flatMap(([client, list]) =>
      [list].flat().map((issue) => formatIssue({ client, issue, issueType }).message),
    );
  files[file] = {
    errors: [...new Set(messages('error', issues.errors))],
    warnings: [...new Set(messages('warning', issues.warnings))],
  };
}

const failed = Object.values(files).some((result) => result.errors.length > 0);
if (json) {
  process.stdout.write(`${JSON.stringify({ files }, null, 2)}\n`);
} else {
  for (const [file, result] of Object.entries(files)) {
    for (const message of result.errors) process.stdout.write(`${file}: error: ${message}\n`);
    for (const message of result.warnings) process.stdout.write(`${file}: warning: ${message}\n`);
  }
  process.stdout.write(
    `${Object.keys(files).length} file(s) checked, ${failed ? 'with errors' : 'no errors'}\n`,
  );
}
process.exit(failed ? 1 : 0);
