import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FactoryProvider } from '@nestjs/common';
import { DocumentSigningKeys } from '../domain/portable-document';
import { documentSigningKeysProvider, type DocumentKeySource } from './document-signing-keys.provider';

const load = (source: DocumentKeySource) =>
  (documentSigningKeysProvider(source) as FactoryProvider<Promise<DocumentSigningKeys>>).useFactory();

describe('the document signing key, as the service loads it', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'document-key-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('is read from DOCUMENT_SIGNING_KEY_FILE', async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const file = path.join(directory, 'document.pem');
    writeFileSync(file, pem);

    const fromFile = await load({ file, previousPublicPems: [] });

    expect(fromFile.kid).toBe((await DocumentSigningKeys.fromPem(pem)).kid);
  });

  it('refuses a file without an Ed25519 key, naming the variable and the file', async () => {
    const file = path.join(directory, 'document.pem');
    writeFileSync(file, 'REPLACE_ME\n');

    await expect(load({ file, previousPublicPems: [] })).rejects.toThrow(
      `DOCUMENT_SIGNING_KEY_FILE ${file}: one Ed25519 private key`,
    );
  });
});
