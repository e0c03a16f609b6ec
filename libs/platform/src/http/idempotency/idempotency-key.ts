import { createHash } from 'node:crypto';

/**
 * The rules of `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header): what a key is, what
 * makes two requests the same, and what a request with a key gets. Plain functions, no I/O.
 */

/** Longer keys are refused: a UUID is 36 characters, and the key is part of a primary key. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export type ParsedIdempotencyKey =
  { kind: 'absent' } | { kind: 'key'; key: string } | { kind: 'invalid'; message: string };

/** Visible ASCII and space: what an RFC 8941 sf-string may hold. */
const SF_STRING_CHARACTERS = /^[\x20-\x7e]*$/;

/** The inside of an sf-string: a backslash escapes a quote or a backslash; anything else escaped, or a bare quote, is malformed. */
function unquote(inner: string): string | undefined {
  let text = '';
  for (let index = 0; index < inner.length; index += 1) {
    const character = inner[index];
    if (character === '"') return undefined;
    if (character === '\\') {
      const escaped = inner[index + 1];
      if (escaped !== '"' && escaped !== '\\') return undefined;
      text += escaped;
      index += 1;
    } else {
      text += character;
    }
  }
  return text;
}

function invalid(message: string): ParsedIdempotencyKey {
  return { kind: 'invalid', message: `Idempotency-Key ${message}` };
}

/**
 * Reads the header. The draft makes it an RFC 8941 sf-string (`"8e03978e-…"`, with `\"` and `\\`
 * escapes); the bare form most clients send (`8e03978e-…`, as Stripe documents it) is taken too,
 * as the same key (without a comma). Empty, over 255 characters, other than visible ASCII, or sent
 * twice: invalid.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): ParsedIdempotencyKey {
  if (header === undefined) return { kind: 'absent' };
  if (Array.isArray(header)) return invalid('must be sent once');
  const value = header.trim();
  let key = value;
  if (value.startsWith('"')) {
    if (value.length < 2 || !value.endsWith('"')) return invalid('must be a quoted string or a bare value');
    const unquoted = unquote(value.slice(1, -1));
    if (unquoted === undefined) return invalid('must be a quoted string or a bare value');
    key = unquoted;
  } else if (value.includes('"')) {
    return invalid('must be a quoted string or a bare value');
  } else if (value.includes(',')) {
    // Node joins a header sent twice with a comma: a bare key cannot hold one, or the two would pass as one.
    return invalid('must be sent once (a bare key holds no comma)');
  }
  if (key.length === 0) return invalid('must not be empty');
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    return invalid(`must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  if (!SF_STRING_CHARACTERS.test(key)) return invalid('must hold only visible ASCII characters and spaces');
  return { kind: 'key', key };
}

/** JSON with every object's keys in order: the same body however a client orders its fields. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, inner]) => `${JSON.stringify(name)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What makes a retry the same request: the SHA-256 of its body as parsed JSON, field order and
 * whitespace aside. The method, route and caller are the key's scope, not part of this.
 */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** An answer as it is kept for replay: its status, the headers that matter, its body as sent. */
export interface RememberedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** A key already used, as kept. */
export interface UsedIdempotencyKey {
  fingerprint: string;
  answer: RememberedAnswer;
  expiresAt: Date;
}

export type IdempotencyDecision =
  /** No live use of the key: run the request, and remember its answer with the key. */
  | { kind: 'run' }
  /** The same request again: answer as the first time, without running it. */
  | { kind: 'replay'; answer: RememberedAnswer }
  /** The key was used for another body: 422. */
  | { kind: 'reused' }
  /** A request with this key is still running: 409; the client retries later. */
  | { kind: 'in-flight' };

/**
 * What a request with a key gets. `claimed` says whether this request holds the key (no other
 * request with it is running); `used` is what is kept of the key's earlier use, expired or not.
 */
export function decideIdempotentRequest(input: {
  claimed: boolean;
  used: UsedIdempotencyKey | null;
  fingerprint: string;
  now: Date;
}): IdempotencyDecision {
  if (!input.claimed) return { kind: 'in-flight' };
  const { used } = input;
  if (!used || used.expiresAt.getTime() <= input.now.getTime()) return { kind: 'run' };
  if (used.fingerprint !== input.fingerprint) return { kind: 'reused' };
  return { kind: 'replay', answer: used.answer };
}

/**
 * Whether an answer is kept for replay: successes and client errors, whose retry would answer the
 * same. Not a fault (5xx: the retry runs again), and not a 429, which tells the client to come
 * back later with the same request.
 */
export function isRememberedStatus(status: number): boolean {
  return (status >= 200 && status < 300) || (status >= 400 && status < 500 && status !== 429);
}

/** The answer's headers worth replaying; the rest (date, length, request ids) are the replay's own. */
export const REMEMBERED_HEADERS = ['content-type', 'location', 'content-location'] as const;

/** The request header that makes a retry safe (the draft's name). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Marks a replayed answer, as Stripe and others name it (the draft names none). */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** A request with this key is still running. */
export class IdempotencyKeyInFlightError extends Error {
  override readonly name = 'IdempotencyKeyInFlightError';
  constructor() {
    super('a request with this Idempotency-Key is still being processed; retry once it has been answered');
  }
}

/** The key was used with another request body. */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    super('this Idempotency-Key was used with another request body; use a new key for a new request');
  }
}
