import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  exportJWK,
  FlattenedSign,
  flattenedVerify,
  generateKeyPair,
  importJWK,
  importPKCS8,
  importSPKI,
  type CryptoKey,
  type FlattenedJWS,
  type JWK,
} from 'jose';
import { isDeepStrictEqual } from 'node:util';
import type { Relationship } from '@vouch/contracts';
import type { Recommendation } from './recommendation';

/** The document's `format`: a verifier refuses any other, so a later format is a new name. */
export const DOCUMENT_FORMAT = 'vouch.recommendations-received/1';
/** The JWS `typ`: a token Vouch signed for another purpose never passes for a document. */
export const DOCUMENT_JWS_TYPE = 'vouch-recommendations+json';
/** Where the portal publishes the public keys of documents, below PUBLIC_URL. */
export const DOCUMENT_KEYS_PATH = '/.well-known/vouch-document-keys.json';

/** One recommendation as the document carries it: what the subject's profile showed. */
export interface DocumentRecommendation {
  id: string;
  /** The author as the company knew them when the document was issued; null if it never did. */
  author: { name: string | null; title: string | null };
  /** What the author was to the subject. */
  relationship: Relationship;
  text: string;
  /** Whether the company's org chart said the same relationship when the text was written. */
  verified: boolean;
  writtenAt: string;
  /** When the text last changed, null if never revised. */
  revisedAt: string | null;
}

/** The readable part of a signed document: exactly what the signature covers. */
export interface RecommendationsDocument {
  format: typeof DOCUMENT_FORMAT;
  /** The company that issued it, and where it publishes the keys its documents verify with. */
  issuer: { name: string; url: string; keysUrl: string };
  issuedAt: string;
  subject: { id: string; name: string; title: string | null };
  recommendations: DocumentRecommendation[];
}

/** The file an employee downloads: the document, and a JWS whose payload is that document. */
export interface SignedRecommendationsDocument {
  document: RecommendationsDocument;
  /** A flattened JWS (RFC 7515), EdDSA, with the public key in its protected header (`jwk`). */
  signature: FlattenedJWS;
}

export type DocumentVerification =
  | {
      valid: true;
      /** The signed document (equal to the readable one). */
      document: RecommendationsDocument;
      /** The RFC 7638 thumbprint of the key that signed it. */
      kid: string;
      /** Whether the key was also found among published keys (false: none were given to check). */
      keyPublished: boolean;
    }
  | { valid: false; reason: string };

/** A person as the company's replica of employees knows them. */
export interface DocumentPerson {
  name: string;
  title: string | null;
}

/**
 * The document of what a subject's profile shows: their accepted recommendations only (never
 * pending, hidden, withdrawn ones, those sent back for a revision, nor those HR or an admin took
 * down), newest first, each with its
 * author as the company knows them now.
 */
export function recommendationsDocument(input: {
  issuer: { name: string; url: string };
  issuedAt: Date;
  subject: DocumentPerson & { id: string };
  received: Recommendation[];
  authors: ReadonlyMap<string, DocumentPerson>;
}): RecommendationsDocument {
  const shown = input.received
    .map((recommendation) => ({ recommendation, state: recommendation.snapshot() }))
    .filter(
      ({ recommendation, state }) =>
        state.status === 'accepted' && !recommendation.takenDown && state.subjectId === input.subject.id,
    )
    .sort((a, b) => b.state.createdAt.getTime() - a.state.createdAt.getTime());
  const url = input.issuer.url.replace(/\/+$/, '');
  return {
    format: DOCUMENT_FORMAT,
    issuer: { name: input.issuer.name, url, keysUrl: `${url}${DOCUMENT_KEYS_PATH}` },
    issuedAt: input.issuedAt.toISOString(),
    subject: { id: input.subject.id, name: input.subject.name, title: input.subject.title },
    recommendations: shown.map(({ recommendation, state }) => {
      const author = input.authors.get(state.authorId);
      const lastRevision = state.revisions.at(-1);
      return {
        id: state.id,
        author: { name: author?.name ?? null, title: author?.title ?? null },
        relationship: state.relationship,
        text: recommendation.text,
        verified: state.verified,
        writtenAt: state.createdAt.toISOString(),
        revisedAt: lastRevision && lastRevision.number > 1 ? lastRevision.writtenAt.toISOString() : null,
      };
    }),
  };
}

/** A public key as the issuer publishes it in its JWKS. */
export interface PublishedDocumentKey extends JWK {
  kid: string;
}

interface DocumentKey {
  kid: string;
  publicJwk: PublishedDocumentKey;
}

async function publishedKey(key: CryptoKey): Promise<DocumentKey> {
  const { kty, crv, x } = await exportJWK(key);
  const kid = await calculateJwkThumbprint({ kty, crv, x });
  return { kid, publicJwk: { kty, crv, x, kid, alg: 'EdDSA', use: 'sig' } } as DocumentKey;
}

/**
 * The long-lived Ed25519 key documents are signed with, apart from the rotating token keys: a
 * document must verify years after it was issued. Keys retired from signing stay published.
 */
export class DocumentSigningKeys {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly current: DocumentKey,
    private readonly retired: DocumentKey[],
  ) {}

  /** From a PKCS#8 PEM Ed25519 private key, and the SPKI PEM public keys of retired ones. */
  static async fromPem(privatePem: string, retiredPublicPems: string[] = []): Promise<DocumentSigningKeys> {
    const privateKey = await importPKCS8(privatePem, 'EdDSA', { extractable: true });
    const retired = await Promise.all(
      retiredPublicPems.map(async (pem) =>
        publishedKey(await importSPKI(pem, 'EdDSA', { extractable: true })),
      ),
    );
    return DocumentSigningKeys.of(privateKey, retired);
  }

  /** A fresh key, for development and tests. */
  static async generate(): Promise<DocumentSigningKeys> {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    return DocumentSigningKeys.of(privateKey, []);
  }

  private static async of(privateKey: CryptoKey, retired: DocumentKey[]): Promise<DocumentSigningKeys> {
    const current = await publishedKey(privateKey);
    return new DocumentSigningKeys(
      privateKey,
      current,
      retired.filter((key) => key.kid !== current.kid),
    );
  }

  get kid(): string {
    return this.current.kid;
  }

  /** The public keys documents verify with, the signing one first, as the well-known URL answers. */
  jwks(): { keys: PublishedDocumentKey[] } {
    return { keys: [this.current, ...this.retired].map((key) => key.publicJwk) };
  }

  async sign(document: RecommendationsDocument): Promise<SignedRecommendationsDocument> {
    const { kty, crv, x } = this.current.publicJwk;
    const signature = await new FlattenedSign(new TextEncoder().encode(JSON.stringify(document)))
      .setProtectedHeader({
        alg: 'EdDSA',
        typ: DOCUMENT_JWS_TYPE,
        kid: this.current.kid,
        jwk: { kty, crv, x },
      })
      .sign(this.privateKey);
    return { document, signature };
  }
}

const invalid = (reason: string): DocumentVerification => ({ valid: false, reason });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Verifies a signed document with nothing but the file: the signature with the key it embeds,
 * the key id against that key, and the readable document against the signed one (compared as JSON
 * values, so re-indenting the file changes nothing, editing any value fails). Anyone can sign a
 * document with a key of their own: with `publishedKeys` (the issuer's JWKS), the signing key must
 * also be one the issuer publishes.
 */
export async function verifyRecommendationsDocument(
  file: unknown,
  publishedKeys?: JWK[],
): Promise<DocumentVerification> {
  if (!isRecord(file) || !isRecord(file.document) || !isRecord(file.signature))
    return invalid('not a signed Vouch recommendations document: "document" and "signature" are expected');
  const { protected: protectedHeader, payload, signature } = file.signature;
  if (typeof protectedHeader !== 'string' || typeof payload !== 'string' || typeof signature !== 'string')
    return invalid('the signature is not a flattened JWS ("protected", "payload", "signature")');

  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader({ protected: protectedHeader, payload, signature });
  } catch {
    return invalid('the signature header cannot be read');
  }
  if (header.alg !== 'EdDSA') return invalid(`the signature algorithm is ${String(header.alg)}, not EdDSA`);
  if (header.typ !== DOCUMENT_JWS_TYPE)
    return invalid(`the signature is not of a document (typ ${String(header.typ)})`);
  const jwk = header.jwk;
  if (!isRecord(jwk) || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || 'd' in jwk)
    return invalid('the signature does not embed an Ed25519 public key');
  const embedded = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };

  let signedBytes: Uint8Array;
  try {
    // Only the protected header counts: an unprotected one could name another key.
    ({ payload: signedBytes } = await flattenedVerify(
      { protected: protectedHeader, payload, signature },
      await importJWK(embedded, 'EdDSA'),
      { algorithms: ['EdDSA'] },
    ));
  } catch {
    return invalid(
      'the signature does not match the signed content and the embedded key: the file was altered',
    );
  }
  const kid = await calculateJwkThumbprint(embedded);
  if (header.kid !== kid)
    return invalid(`the key id ${String(header.kid)} is not the embedded key's (${kid})`);

  let signed: unknown;
  try {
    signed = JSON.parse(new TextDecoder().decode(signedBytes));
  } catch {
    return invalid('the signed content is not JSON');
  }
  if (!isRecord(signed) || signed.format !== DOCUMENT_FORMAT)
    return invalid(`the signed content is not a ${DOCUMENT_FORMAT} document`);
  if (!isDeepStrictEqual(signed, file.document))
    return invalid('the readable document differs from the signed one: the file was altered');

  let keyPublished = false;
  if (publishedKeys) {
    const thumbprints = await Promise.all(
      publishedKeys
        .filter((key) => key.kty === 'OKP' && key.crv === 'Ed25519' && typeof key.x === 'string')
        .map((key) => calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: key.x as string })),
    );
    keyPublished = thumbprints.includes(kid);
    if (!keyPublished) return invalid(`signed with key ${kid}, which is not among the published keys`);
  }
  return { valid: true, document: signed as unknown as RecommendationsDocument, kid, keyPublished };
}
