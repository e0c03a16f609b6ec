/**
 * `npm run contract`: writes the contract documents that are generated from the code (the
 * services' OpenAPI documents and the portal's types from them, the AsyncAPI document and the
 * events' JSON Schemas). `npm run contract -- --check` writes nothing and fails, naming each file,
 * when what is committed differs from what the code generates: `npm test` runs it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { eventDocuments } from './events';
import type { GeneratedFile } from './generated-file';
import { openApiDocuments } from './openapi';

const root = join(__dirname, '..', '..');

/** Folders whose every file is generated: a file the code no longer generates is stale there. */
const GENERATED_FOLDERS = ['docs/openapi', 'docs/events'];

/** Formatted as `prettier --check` expects the committed file to be. */
async function formatted(file: GeneratedFile): Promise<GeneratedFile> {
  const path = join(root, file.path);
  const options = (await resolveConfig(path)) ?? {};
  return { path: file.path, content: await format(file.content, { ...options, filepath: path }) };
}

function committed(path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

function filesUnder(folder: string): string[] {
  try {
    return readdirSync(join(root, folder)).map((name) => relative(root, join(root, folder, name)));
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const generated = await Promise.all(
    [...(await openApiDocuments()), ...(await eventDocuments())].map(formatted),
  );
  const wanted = new Set(generated.map((file) => file.path));
  const changed = generated.filter((file) => committed(file.path) !== file.content);
  const stale = GENERATED_FOLDERS.flatMap(filesUnder).filter((path) => !wanted.has(path));

  if (check) {
    if (changed.length === 0 && stale.length === 0) {
      process.stdout.write(`contract documents match the code (${generated.length} files)\n`);
      return;
    }
    for (const file of changed) process.stderr.write(`differs from the code: ${file.path}\n`);
    for (const path of stale) process.stderr.write(`no longer generated: ${path}\n`);
    process.stderr.write('run `npm run contract` and commit the result with the code\n');
    process.exit(1);
  }
  for (const file of changed) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
    process.stdout.write(`wrote ${file.path}\n`);
  }
  for (const path of stale) {
    rmSync(join(root, path));
    process.stdout.write(`removed ${path}\n`);
  }
  process.stdout.write(`${generated.length} contract documents, ${changed.length} rewritten\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
