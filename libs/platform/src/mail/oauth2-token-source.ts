import { createSign } from 'node:crypto';
import type { OAuth2Grant } from './smtp-settings';

/** An access token, and when to stop using it (a little before it expires). */
export interface AccessToken {
  token: string;
  refreshAt: number;
}

/** The token endpoint refused, failed, or answered something that is not a token. */
export class OAuth2TokenError extends Error {
  override readonly name = 'OAuth2TokenError';
  /** What nodemailer reports an OAuth2 failure as. */
  readonly code = 'EOAUTH2';
}

/** When a token's lifetime is not given: RFC 6749 leaves it to the server; ours are an hour. */
const DEFAULT_LIFETIME_S = 300;
/** A token is replaced this long before it expires (or a fifth of its lifetime, if shorter). */
const REFRESH_MARGIN_MS = 60_000;
/** Google's limit on the lifetime of the signed assertion. */
const ASSERTION_LIFETIME_S = 3_600;

/**
 * Access tokens for XOAUTH2 from an OAuth2 token endpoint: client credentials (Microsoft 365) or a
 * JWT bearer assertion signed with a Google service account's key (domain-wide delegation, on
 * behalf of `user`). One token is shared by every connection of a transport (nodemailer's own
 * XOAuth2 keeps one per pooled connection): fetched when first needed, kept until shortly before
 * it expires, and replaced at once when the SMTP server refuses it (`renew`). Requests made while
 * a token is being fetched wait for it.
 */
export class OAuth2TokenSource {
  private current: AccessToken | undefined;
  private fetching: Promise<AccessToken> | undefined;

  constructor(
    private readonly options: {
      tokenUrl: string;
      grant: OAuth2Grant;
      /** The mailbox: the `sub` of a service account's assertion. */
      user: string;
      timeoutMs?: number;
      now?: () => number;
    },
  ) {}

  /** A token still good for a while; a new one when `renew` (the last was refused). */
  async accessToken(renew = false): Promise<AccessToken> {
    if (this.fetching) return this.fetching;
    if (!renew && this.current && this.current.refreshAt > this.now()) return this.current;
    this.fetching = this.request().finally(() => {
      this.fetching = undefined;
    });
    this.current = await this.fetching;
    return this.current;
  }

  /** nodemailer's `auth.provisionCallback`: `renew` is true after the server refused the last token. */
  readonly provisionCallback = (
    _user: string,
    renew: boolean,
    callback: (error: Error | null, accessToken?: string, expires?: number) => void,
  ): void => {
    this.accessToken(renew).then(
      ({ token, refreshAt }) => callback(null, token, refreshAt),
      (error: unknown) => callback(error instanceof Error ? error : new OAuth2TokenError(String(error))),
    );
  };

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async request(): Promise<AccessToken> {
    const { tokenUrl, timeoutMs = 30_000 } = this.options;
    const requestedAt = this.now();
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(this.grantParameters(requestedAt)),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error: unknown) {
      const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause : error) : undefined;
      throw new OAuth2TokenError(
        `the OAuth2 token endpoint ${tokenUrl} could not be reached: ${cause?.message ?? String(error)}`,
      );
    }
    const body: unknown = await response.json().catch(() => undefined);
    const field = (name: string): unknown =>
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
    if (!response.ok) {
      const reason = [field('error'), field('error_description')].filter((part) => typeof part === 'string');
      throw new OAuth2TokenError(
        `the OAuth2 token endpoint ${tokenUrl} refused the token request (HTTP ${response.status}` +
          `${reason.length > 0 ? `: ${reason.join(': ')}` : ''})`,
      );
    }
    const token = field('access_token');
    if (typeof token !== 'string' || token === '')
      throw new OAuth2TokenError(`the OAuth2 token endpoint ${tokenUrl} answered without an access_token`);
    const expiresIn = Number(field('expires_in'));
    const lifetimeMs = (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_S) * 1_000;
    return { token, refreshAt: requestedAt + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 5) };
  }

  private grantParameters(now: number): Record<string, string> {
    const { grant } = this.options;
    if (grant.type === 'client-credentials')
      return {
        grant_type: 'client_credentials',
        client_id: grant.clientId,
        client_secret: grant.clientSecret,
        scope: grant.scope,
      };
    const issuedAt = Math.floor(now / 1_000);
    return {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: signedJwt(
        {
          iss: grant.serviceAccount,
          sub: this.options.user,
          scope: grant.scope,
          aud: this.options.tokenUrl,
          iat: issuedAt,
          exp: issuedAt + ASSERTION_LIFETIME_S,
        },
        grant.privateKeyPem,
      ),
    };
  }
}

function signedJwt(claims: Record<string, string | number>, privateKeyPem: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKeyPem, 'base64url');
  return `${signingInput}.${signature}`;
}
