import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUnsubscribeScope, type UnsubscribeScope } from './email-category';

export class InvalidUnsubscribeTokenError extends Error {
  override readonly name = 'InvalidUnsubscribeTokenError';
  constructor() {
    super('the unsubscribe link is not valid or has expired');
  }
}

export interface UnsubscribeClaim {
  recipientId: string;
  category: UnsubscribeScope;
  expiresAt: Date;
}

/**
 * The token of an unsubscribe link: who, which category, until when, HMAC-SHA256-signed so that
 * nobody can unsubscribe someone else. `<base64url payload>.<base64url signature>`.
 */
export class UnsubscribeTokens {
  constructor(
    private readonly secret: string,
    /** Secrets rotated out, still accepted, so links in emails already sent keep working. */
    private readonly previousSecrets: readonly string[] = [],
  ) {}

  sign(claim: UnsubscribeClaim): string {
    const payload = Buffer.from(
      JSON.stringify({ r: claim.recipientId, c: claim.category, e: claim.expiresAt.getTime() }),
    ).toString('base64url');
    return `${payload}.${signatureOf(payload, this.secret)}`;
  }

  verify(token: string, now: Date): UnsubscribeClaim {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) throw new InvalidUnsubscribeTokenError();
    const given = Buffer.from(signature);
    const signedByOneOfOurs = [this.secret, ...this.previousSecrets].some((secret) => {
      const expected = Buffer.from(signatureOf(payload, secret));
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!signedByOneOfOurs) throw new InvalidUnsubscribeTokenError();
    const claim = parse(payload);
    if (claim.expiresAt.getTime() <= now.getTime()) throw new InvalidUnsubscribeTokenError();
    return claim;
  }
}

function signatureOf(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function parse(payload: string): UnsubscribeClaim {
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'r' in value && 'c' in value && 'e' in value) {
      const { r, c, e } = value;
      if (typeof r === 'string' && typeof c === 'string' && isUnsubscribeScope(c) && typeof e === 'number') {
        return { recipientId: r, category: c, expiresAt: new Date(e) };
      }
    }
  } catch {
    // Signed but unreadable can only be a token of another format: as invalid as a forged one.
  }
  throw new InvalidUnsubscribeTokenError();
}
