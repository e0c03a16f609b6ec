import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import {
  ACCESS_TOKEN_ALGORITHMS,
  Roles,
  type AuthenticatedEmployee,
  type Role,
} from './authenticated-employee';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const claims = z.object({
  sub: z.uuid(),
  email: z.email(),
  // A role this release does not know (one a later identity grants, during an upgrade) gives
  // nothing here rather than refusing the token: the employee keeps the roles this release knows.
  roles: z
    .array(z.string())
    .transform((roles) => roles.filter((role): role is Role => (Roles as readonly string[]).includes(role)))
    .pipe(z.array(z.enum(Roles)).min(1)),
  exp: z.number(),
});

/** Tokens remembered as verified; past it, the oldest are forgotten first. */
const VERIFIED_CACHE_SIZE = 10_000;

/**
 * Verifies access tokens against identity's published keys: signature, algorithm allow-list,
 * `iss`, `aud` and `exp`. Keys are fetched on first use and cached; an unknown `kid` refetches
 * them (rotation), at most every few seconds. A service therefore starts fine before identity
 * does, and answers 401 only while it cannot get the keys.
 *
 * A token once verified is remembered until it expires: a client sends the same token with every
 * request, and checking its signature again each time was a large share of a read's CPU. The token
 * string itself is the key, so a token changed in any way is verified afresh.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly verified = new Map<string, { employee: AuthenticatedEmployee; expiresAtMs: number }>();

  constructor(
    source: { jwksUrl: string } | { keys: JWTVerifyGetKey },
    private readonly expected: { issuer: string; audience: string },
  ) {
    this.keys =
      'keys' in source
        ? source.keys
        : createRemoteJWKSet(new URL(source.jwksUrl), {
            cooldownDuration: 5_000,
            cacheMaxAge: 10 * 60_000,
            timeoutDuration: 3_000,
          });
  }

  async verify(token: string, now: Date = new Date()): Promise<AuthenticatedEmployee> {
    const remembered = this.verified.get(token);
    if (remembered && remembered.expiresAtMs > now.getTime()) return remembered.employee;
    this.verified.delete(token);
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.expected.issuer,
        audience: this.expected.audience,
        algorithms: [...ACCESS_TOKEN_ALGORITHMS],
        requiredClaims: ['exp', 'sub'],
        currentDate: now,
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw new InvalidTokenError('token claims are incomplete');
    const employee = { id: parsed.data.sub, email: parsed.data.email, roles: parsed.data.roles };
    this.remember(token, employee, parsed.data.exp * 1000);
    return employee;
  }

  private remember(token: string, employee: AuthenticatedEmployee, expiresAtMs: number): void {
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { employee, expiresAtMs });
  }
}
