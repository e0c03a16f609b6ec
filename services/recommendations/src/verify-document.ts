/**
 * `npm run verify-document -- <file.json> [--keys <jwks.json | https://…>]`: checks a signed
 * document of recommendations, offline with the key it embeds, and with --keys against the keys its
 * issuer publishes. Needs nothing of a running Vouch: a future employer runs it on the file they
 * were given. Exits 0 when valid, 1 when not (with the reason), 2 when it could not check.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { JWK } from 'jose';
import { verifyRecommendationsDocument } from './recommendations/domain/portable-document';

const USAGE = `usage: npm run verify-document -- <file.json> [--keys <jwks.json | https://…>]

Checks a signed document of recommendations issued by a Vouch installation:
  - the signature, with the public key the document embeds (offline);
  - that the readable part is exactly what was signed;
  - with --keys, that the signing key is one the issuer publishes: give the issuer's
    https://<its Vouch portal>/.well-known/vouch-document-keys.json (the URL, or a saved copy).
Exits 0 when valid, 1 when not, 2 when the file or the keys cannot be read.
`;

class CannotCheckError extends Error {}

async function readJson(source: string, what: string): Promise<unknown> {
  let text: string;
  try {
    if (/^https?:\/\//.test(source)) {
      const answer = await fetch(source, { signal: AbortSignal.timeout(15_000) });
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
      text = await answer.text();
    } else {
      text = await readFile(source, 'utf8');
    }
  } catch (error) {
    throw new CannotCheckError(`cannot read ${what} ${source}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CannotCheckError(`${what} ${source} is not JSON`);
  }
}

async function publishedKeys(source: string): Promise<JWK[]> {
  const jwks = await readJson(source, 'the keys');
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new CannotCheckError(`the keys ${source} are not a JWKS ({"keys": [...]})`);
  return keys as JWK[];
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { keys: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [file, ...extra] = positionals;
  if (values.help || !file || extra.length > 0) {
    (values.help ? process.stdout : process.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const signed = await readJson(file, 'the document');
  const keys = values.keys === undefined ? undefined : await publishedKeys(values.keys);
  const verification = await verifyRecommendationsDocument(signed, keys);
  if (!verification.valid) {
    process.stdout.write(`invalid: ${verification.reason}\n`);
    return 1;
  }
  const { document, kid } = verification;
  const subject = document.subject.title
    ? `${document.subject.name} (${document.subject.title})`
    : document.subject.name;
  process.stdout.write(
    [
      `subject:         ${subject}`,
      `issuer:          ${document.issuer.name} <${document.issuer.url}>`,
      `issued at:       ${document.issuedAt}`,
      `key id (kid):    ${kid}`,
      `recommendations: ${document.recommendations.length}`,
      verification.keyPublished
        ? `valid: signed with a key the issuer publishes (${values.keys})`
        : `valid: signed with the key the document embeds; not checked against the issuer's keys: run again with --keys ${document.issuer.keysUrl} (check that this address is the company's)`,
      '',
    ].join('\n'),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof CannotCheckError ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
