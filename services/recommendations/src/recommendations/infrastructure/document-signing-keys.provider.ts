import { Logger, type Provider } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { documentSigningKeyPem } from '../../config';
import { DocumentSigningKeys } from '../domain/portable-document';

/** Where the document signing key comes from, as the environment says. */
export interface DocumentKeySource {
  /** DOCUMENT_SIGNING_KEY, validated at boot. */
  pem?: string | undefined;
  /** DOCUMENT_SIGNING_KEY_FILE. */
  file?: string | undefined;
  /** DOCUMENT_PREVIOUS_PUBLIC_KEYS, validated at boot. */
  previousPublicPems: string[];
}

async function loadDocumentSigningKeys(source: DocumentKeySource): Promise<DocumentSigningKeys> {
  if (source.pem) return DocumentSigningKeys.fromPem(source.pem, source.previousPublicPems);
  if (source.file) {
    const parsed = documentSigningKeyPem.safeParse(await readFile(source.file, 'utf8'));
    if (!parsed.success)
      throw new Error(
        `DOCUMENT_SIGNING_KEY_FILE ${source.file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      );
    return DocumentSigningKeys.fromPem(parsed.data, source.previousPublicPems);
  }
  new Logger('DocumentSigningKeys').warn(
    'no DOCUMENT_SIGNING_KEY or DOCUMENT_SIGNING_KEY_FILE: signing documents with a key generated at boot; ' +
      'they will not verify against the published keys after a restart or on another instance',
  );
  return DocumentSigningKeys.generate();
}

export function documentSigningKeysProvider(source: DocumentKeySource): Provider {
  return { provide: DocumentSigningKeys, useFactory: () => loadDocumentSigningKeys(source) };
}
