import { z } from 'zod';

/** `hr` sees people, coverage, deliveries and the audit log; `admin` may do all HR may, and more. */
export const Roles = ['employee', 'admin', 'hr'] as const;
export type Role = (typeof Roles)[number];

/** Who made a request, as the access token says. */
export interface AuthenticatedEmployee {
  /** Employee id (the token's `sub`). */
  id: string;
  email: string;
  roles: Role[];
}

/** Algorithms access tokens may be signed with; anything else (`none`, HS256) is refused. */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA', 'RS256'] as const;
export type AccessTokenAlgorithm = (typeof ACCESS_TOKEN_ALGORITHMS)[number];

/** Token settings every service shares, from the environment. */
export const authEnvironment = z.object({
  /** Where identity publishes its public keys. */
  JWKS_URL: z.url().default('http://127.0.0.1:3001/.well-known/jwks.json'),
  JWT_ISSUER: z.string().min(1).default('vouch-identity'),
  JWT_AUDIENCE: z.string().min(1).default('vouch'),
});
export type AuthEnvironment = z.infer<typeof authEnvironment>;
