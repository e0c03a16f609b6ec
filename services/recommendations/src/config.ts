import { createPrivateKey, createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { authEnvironment } from '@vouch/auth';
import {
  idempotencyEnvironment,
  productionSecrets,
  serviceEnvironment,
  kafkaConnectionRules,
} from '@vouch/platform';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/** The PEM blocks of one kind in a text, in order; `\n` escapes are accepted, as env files often hold them. */
export function pemBlocks(text: string, label: 'PRIVATE KEY' | 'PUBLIC KEY'): string[] {
  const block = new RegExp(`-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----`, 'g');
  return text.replace(/\\n/g, '\n').match(block) ?? [];
}

function isEd25519(pem: string, kind: 'private' | 'public'): boolean {
  try {
    return (
      (kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem)).asymmetricKeyType === 'ed25519'
    );
  } catch {
    return false;
  }
}

/**
 * The one private key of DOCUMENT_SIGNING_KEY (or its file), checked to be an Ed25519 PKCS#8 PEM.
 * A refinement, not a failed transform, so that a deployment's other mistakes are named with it.
 */
export const documentSigningKeyPem = z
  .string()
  .transform((text) => pemBlocks(text, 'PRIVATE KEY'))
  .refine(
    (pems) => pems.length === 1 && pems.every((pem) => isEd25519(pem, 'private')),
    'one Ed25519 private key, as a PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"): openssl genpkey -algorithm ed25519',
  )
  .transform((pems) => pems.join(''));

/** The recommendations service's environment, validated at boot. */
export const recommendationsEnvironment = serviceEnvironment({ name: 'recommendations', port: 3003 })
  .extend(authEnvironment.shape)
  .extend(idempotencyEnvironment.shape)
  .extend({
    /** Pending requests one employee may have out at once. */
    MAX_PENDING_REQUESTS_OUT: z.coerce.number().int().min(1).default(10),
    /** Pending requests one employee may be asked at once. */
    MAX_PENDING_REQUESTS_IN: z.coerce.number().int().min(1).default(5),
    /** How long a request waits for an answer before it expires. */
    REQUEST_LIFETIME_DAYS: z.coerce.number().positive().default(90),
    /** How often due requests are looked for and expired. */
    EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
    /**
     * Signs the documents of recommendations employees take with them: long-lived, apart from the
     * rotating token keys, as a document must verify years later. Unset: one made up at boot (not in production).
     */
    DOCUMENT_SIGNING_KEY: z.preprocess(unsetIfEmpty, documentSigningKeyPem.optional()),
    /** A file holding that key, when it is not in DOCUMENT_SIGNING_KEY. */
    DOCUMENT_SIGNING_KEY_FILE: z.preprocess(unsetIfEmpty, z.string().optional()),
    /** Public keys (SPKI PEMs) of signing keys retired: still published, so their documents verify. */
    DOCUMENT_PREVIOUS_PUBLIC_KEYS: z
      .string()
      .default('')
      .transform((text) => ({ text, pems: pemBlocks(text, 'PUBLIC KEY') }))
      .refine(
        ({ text, pems }) =>
          text.trim() === '' || (pems.length > 0 && pems.every((pem) => isEd25519(pem, 'public'))),
        'Ed25519 public keys, as SPKI PEMs ("-----BEGIN PUBLIC KEY-----"): openssl pkey -pubout',
      )
      .transform(({ pems }) => pems),
    /** The company's name, as documents name their issuer. Unset: PUBLIC_URL's host name. */
    DOCUMENT_ISSUER_NAME: z.preprocess(unsetIfEmpty, z.string().trim().min(1).max(200).optional()),
    /** Where people reach the portal: documents name it, and their keys are published below it. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8080'),
  })
  .refine((environment) => !(environment.DOCUMENT_SIGNING_KEY && environment.DOCUMENT_SIGNING_KEY_FILE), {
    message: 'set DOCUMENT_SIGNING_KEY or DOCUMENT_SIGNING_KEY_FILE, not both',
    path: ['DOCUMENT_SIGNING_KEY'],
  })
  .superRefine(kafkaConnectionRules)
  .superRefine(
    productionSecrets<{
      NODE_ENV?: string | undefined;
      DATABASE_URL: string;
      DOCUMENT_SIGNING_KEY?: string | undefined;
      DOCUMENT_SIGNING_KEY_FILE?: string | undefined;
    }>([
      // Without it each instance signs with a key of its own that no one can verify after a restart.
      {
        name: 'DOCUMENT_SIGNING_KEY',
        value: (environment) => environment.DOCUMENT_SIGNING_KEY,
        required: (environment) => environment.DOCUMENT_SIGNING_KEY_FILE === undefined,
      },
    ]),
  );

export type RecommendationsEnvironment = z.infer<typeof recommendationsEnvironment>;
