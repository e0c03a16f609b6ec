import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const SCIM_TOKEN = Symbol('SCIM_TOKEN');

/** No or the wrong SCIM bearer token: answered 401. */
export class ScimUnauthorizedError extends Error {
  override readonly name = 'ScimUnauthorizedError';
  constructor() {
    super('a valid SCIM bearer token is required');
  }
}

// Digests have one length whatever the token's, so comparing them reveals neither its bytes nor its length.
const digestOf = (token: string) => createHash('sha256').update(token).digest();

/**
 * Lets in the identity provider with the SCIM token and nobody else: an employee's access token
 * is no SCIM token, and the SCIM token opens no employee endpoint (it is no JWT).
 */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(SCIM_TOKEN) token: string) {
    this.expected = digestOf(token);
  }

  canActivate(context: ExecutionContext): boolean {
    const { headers } = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>();
    const [scheme, token] = (headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || !timingSafeEqual(digestOf(token), this.expected))
      throw new ScimUnauthorizedError();
    return true;
  }
}
