import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ACCESS_TOKEN_ALGORITHMS, Roles, type AuthenticatedEmployee } from './authenticated-employee';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

const claims = z.object({
  sub: z.uuid(),
  email: z.email(),
  roles: z.array(z.enum(Roles)).min(1),
});

/**
 * Verifies access tokens against identity's published keys: signature, algorithm allow-list,
 * `iss`, `aud` and `exp`. Keys are fetched on first use and cached; an unknown `kid` refetches
 * them (rotation), at most every few seconds. A service therefore starts fine before identity
 * does, and answers 401 only while it cannot get the keys.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

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

  async verify(token: string): Promise<AuthenticatedEmployee> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.expected.issuer,
        audience: this.expected.audience,
        algorithms: [...ACCESS_TOKEN_ALGORITHMS],
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw new InvalidTokenError('token claims are incomplete');
    return { id: parsed.data.sub, email: parsed.data.email, roles: parsed.data.roles };
  }
}
