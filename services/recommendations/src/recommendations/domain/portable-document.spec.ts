import { generateKeyPairSync } from 'node:crypto';
import { base64url } from 'jose';
import type { RecommendationStatus } from '@vouch/contracts';
import {
  DOCUMENT_FORMAT,
  DocumentSigningKeys,
  recommendationsDocument,
  verifyRecommendationsDocument,
  type RecommendationsDocument,
  type SignedRecommendationsDocument,
} from './portable-document';
import { TakedownReason } from './takedown-reason';
import { Recommendation } from './recommendation';

const document: RecommendationsDocument = {
  format: DOCUMENT_FORMAT,
  issuer: {
    name: 'Acme',
    url: 'https://vouch.acme.example',
    keysUrl: 'https://vouch.acme.example/.well-known/vouch-document-keys.json',
  },
  issuedAt: '2026-12-07T10:00:00.000Z',
  subject: { id: '5d4c8a1e-0d2b-4a57-9a43-4f1f6f3f7c10', name: 'Ana Lima', title: 'Engineer' },
  recommendations: [
    {
      id: '0b7e3f9a-2c1d-4e8f-9a6b-1c2d3e4f5a6b',
      author: { name: 'Ben Ode', title: 'Engineering manager' },
      relationship: 'supervisor',
      text: 'Ana made every release calmer; she explains, listens and follows through.',
      verified: true,
      writtenAt: '2026-03-01T09:00:00.000Z',
      revisedAt: null,
    },
  ],
};

/** A copy of the file as it would be saved and read back. */
const copy = (file: SignedRecommendationsDocument): SignedRecommendationsDocument =>
  JSON.parse(JSON.stringify(file)) as SignedRecommendationsDocument;

describe('a signed recommendations document', () => {
  let keys: DocumentSigningKeys;
  let signed: SignedRecommendationsDocument;

  beforeAll(async () => {
    keys = await DocumentSigningKeys.generate();
    signed = await keys.sign(document);
  });

  it('verifies with the key it embeds alone, naming that key by its thumbprint', async () => {
    const verification = await verifyRecommendationsDocument(copy(signed));

    expect(verification).toEqual({ valid: true, document, kid: keys.kid, keyPublished: false });
  });

  it('verifies whatever the order of its fields and its indentation', async () => {
    const { recommendations, subject, ...rest } = signed.document;
    const reordered = { signature: signed.signature, document: { recommendations, ...rest, subject } };

    const verification = await verifyRecommendationsDocument(JSON.parse(JSON.stringify(reordered, null, 4)));

    expect(verification.valid).toBe(true);
  });

  it('verifies against the published keys, which carry the signing key', async () => {
    const verification = await verifyRecommendationsDocument(copy(signed), keys.jwks().keys);

    expect(verification).toMatchObject({ valid: true, kid: keys.kid, keyPublished: true });
  });

  it('fails when a text of the readable document was changed', async () => {
    const tampered = copy(signed);
    const [first] = tampered.document.recommendations;
    if (first) first.text = 'Ana is the best engineer this company ever had, by far.';

    expect(await verifyRecommendationsDocument(tampered)).toEqual({
      valid: false,
      reason: 'the readable document differs from the signed one: the file was altered',
    });
  });

  it('fails when the signed payload was changed, even if the readable document was changed to match', async () => {
    const tampered = copy(signed);
    tampered.document.subject.title = 'Chief technology officer';
    tampered.signature.payload = base64url.encode(JSON.stringify(tampered.document));

    expect(await verifyRecommendationsDocument(tampered)).toEqual({
      valid: false,
      reason: 'the signature does not match the signed content and the embedded key: the file was altered',
    });
  });

  it('fails when the signature itself was changed', async () => {
    const tampered = copy(signed);
    const bytes = base64url.decode(tampered.signature.signature);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    tampered.signature.signature = base64url.encode(bytes);

    expect(await verifyRecommendationsDocument(tampered)).toMatchObject({ valid: false });
  });

  it('fails when another key was put in its header in place of the signing one', async () => {
    const other = await DocumentSigningKeys.generate();
    const tampered = copy(signed);
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(tampered.signature.protected ?? '')));
    const [otherKey] = other.jwks().keys;
    header.jwk = { kty: otherKey?.kty, crv: otherKey?.crv, x: otherKey?.x };
    header.kid = other.kid;
    tampered.signature.protected = base64url.encode(JSON.stringify(header));

    expect(await verifyRecommendationsDocument(tampered)).toMatchObject({ valid: false });
  });

  it('refuses a document signed by someone else with a key of their own when the published keys are given', async () => {
    const forger = await DocumentSigningKeys.generate();
    const forged = await forger.sign({ ...document, subject: { ...document.subject, title: 'CTO' } });

    expect(await verifyRecommendationsDocument(copy(forged))).toMatchObject({ valid: true });
    expect(await verifyRecommendationsDocument(copy(forged), keys.jwks().keys)).toEqual({
      valid: false,
      reason: `signed with key ${forger.kid}, which is not among the published keys`,
    });
  });

  it('refuses what is not a signed document, saying so', async () => {
    expect(await verifyRecommendationsDocument({ recommendations: [] })).toEqual({
      valid: false,
      reason: 'not a signed Vouch recommendations document: "document" and "signature" are expected',
    });
  });
});

describe('the document signing keys', () => {
  const pem = (key: ReturnType<typeof generateKeyPairSync>['privateKey'], type: 'pkcs8' | 'spki') =>
    key.export({ type, format: 'pem' }).toString();

  it('publish the signing key first and the retired ones after it, so older documents still verify', async () => {
    const retired = generateKeyPairSync('ed25519');
    const retiredKeys = await DocumentSigningKeys.fromPem(pem(retired.privateKey, 'pkcs8'));
    const oldDocument = await retiredKeys.sign(document);
    const current = generateKeyPairSync('ed25519');

    const keys = await DocumentSigningKeys.fromPem(pem(current.privateKey, 'pkcs8'), [
      pem(retired.publicKey, 'spki'),
    ]);

    expect(keys.jwks().keys.map((key) => key.kid)).toEqual([keys.kid, retiredKeys.kid]);
    expect(keys.jwks().keys[0]).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      kid: keys.kid,
      alg: 'EdDSA',
      use: 'sig',
    });
    expect(await verifyRecommendationsDocument(copy(oldDocument), keys.jwks().keys)).toMatchObject({
      valid: true,
      kid: retiredKeys.kid,
    });
  });
});

describe('the document of what a profile shows', () => {
  const subjectId = '5d4c8a1e-0d2b-4a57-9a43-4f1f6f3f7c10';
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  const received = (id: string, status: RecommendationStatus, texts: string[], createdOn: number) =>
    Recommendation.restore({
      id,
      authorId: `author-${id}`,
      subjectId,
      relationship: 'coworker',
      status,
      verified: false,
      verifiedBy: [],
      reciprocal: false,
      revisions: texts.map((text, index) => ({
        number: index + 1,
        text,
        relationship: 'coworker',
        writtenAt: day(createdOn + index),
      })),
      revisionRequest: null,
      takedown: null,
      createdAt: day(createdOn),
      updatedAt: day(createdOn + texts.length),
    });

  it('holds the accepted recommendations only, newest first, with their latest text and authors', () => {
    const result = recommendationsDocument({
      issuer: { name: 'Acme', url: 'https://vouch.acme.example/' },
      issuedAt: day(20),
      subject: { id: subjectId, name: 'Ana Lima', title: null },
      received: [
        received('old', 'accepted', ['first text'], 1),
        received('revised', 'accepted', ['first text', 'second text'], 5),
        ...(['pending', 'hidden', 'revision_requested', 'withdrawn'] as const).map((status, index) =>
          received(status, status, ['text'], 10 + index),
        ),
      ],
      authors: new Map([['author-old', { name: 'Ben Ode', title: 'Manager' }]]),
    });

    expect(result.issuer).toEqual({
      name: 'Acme',
      url: 'https://vouch.acme.example',
      keysUrl: 'https://vouch.acme.example/.well-known/vouch-document-keys.json',
    });
    expect(result.recommendations).toEqual([
      {
        id: 'revised',
        author: { name: null, title: null },
        relationship: 'coworker',
        text: 'second text',
        verified: false,
        writtenAt: day(5).toISOString(),
        revisedAt: day(6).toISOString(),
      },
      {
        id: 'old',
        author: { name: 'Ben Ode', title: 'Manager' },
        relationship: 'coworker',
        text: 'first text',
        verified: false,
        writtenAt: day(1).toISOString(),
        revisedAt: null,
      },
    ]);
  });

  it('leaves out an accepted recommendation HR or an admin took down', () => {
    const takenDown = received('taken-down', 'accepted', ['text'], 15);
    takenDown.takeDown('hr-1', TakedownReason.of('Names a colleague who asked not to be named.'), day(16));

    const result = recommendationsDocument({
      issuer: { name: 'Acme', url: 'https://vouch.acme.example' },
      issuedAt: day(20),
      subject: { id: subjectId, name: 'Ana Lima', title: null },
      received: [received('shown', 'accepted', ['text'], 1), takenDown],
      authors: new Map(),
    });

    expect(result.recommendations.map((recommendation) => recommendation.id)).toEqual(['shown']);
  });
});
