import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What `npm start` gets from tools/secrets.mjs's localSecrets, run as start.mjs runs it. */
function localSecrets(directory: string, env: Record<string, string> = {}): Record<string, unknown> {
  const script = `import { localSecrets } from ${JSON.stringify(path.join(__dirname, 'secrets.mjs'))};
    process.stdout.write(JSON.stringify(localSecrets(${JSON.stringify(directory)}, ${JSON.stringify(env)})));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe("npm start's secrets", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'vouch-local-secrets-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('are generated on the first start, kept readable by their owner only, and reused after', () => {
    const first = localSecrets(directory);
    expect(first['generated']).toEqual([
      'JWT_PRIVATE_KEYS',
      'DOCUMENT_SIGNING_KEY',
      'UNSUBSCRIBE_SECRET',
      'INVITATION_SECRET',
      'SCIM_TOKEN',
    ]);
    expect(first['UNSUBSCRIBE_SECRET']).toMatch(/^[\w-]{43}$/);
    expect(first['JWT_PRIVATE_KEYS']).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(first['DOCUMENT_SIGNING_KEY']).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(first['DOCUMENT_SIGNING_KEY']).not.toBe(first['JWT_PRIVATE_KEYS']);
    expect(statSync(path.join(directory, 'INVITATION_SECRET')).mode & 0o777).toBe(0o600);

    const second = localSecrets(directory);
    expect(second).toEqual({ ...first, generated: [] });
  });

  it('differ from one machine (folder) to the next, and yield to the environment', () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'vouch-local-secrets-'));
    try {
      expect(localSecrets(other)['INVITATION_SECRET']).not.toBe(localSecrets(directory)['INVITATION_SECRET']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    expect(
      localSecrets(directory, { SCIM_TOKEN: 'the-one-my-identity-provider-has-00000' })['SCIM_TOKEN'],
    ).toBe('the-one-my-identity-provider-has-00000');
  });
});
