import { z } from 'zod';
import { isLoopbackUrl } from './domain/session-cookie';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/** identity's session settings, part of its environment (config.ts). */
export const sessionEnvironment = z.object({
  /**
   * How long a sign-in lasts at most: past it the portal asks to sign in again, however active the
   * person was. Each refresh token of the session expires then at the latest.
   */
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** A session not refreshed for this long ends (the portal refreshes while open). */
  REFRESH_TOKEN_IDLE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /**
   * Whether the refresh cookie is `Secure` (sent over https only). Unset: on, unless PUBLIC_URL is
   * plain http on this machine (localhost, 127.0.0.1). Off is refused in production.
   */
  SESSION_COOKIE_SECURE: z.preprocess(unsetIfEmpty, z.stringbool().optional()),
});

/** For `.refine` on identity's environment: the cookie is never sent in clear in production. */
export const sessionCookieSecureInProduction: [
  (environment: { NODE_ENV?: string | undefined; SESSION_COOKIE_SECURE?: boolean | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (environment) => environment.NODE_ENV !== 'production' || environment.SESSION_COOKIE_SECURE !== false,
  {
    message: 'SESSION_COOKIE_SECURE=false is refused in production: the refresh cookie signs its holder in',
    path: ['SESSION_COOKIE_SECURE'],
  },
];

/** Whether the refresh cookie is Secure: as configured, else unless the portal is http on loopback. */
export function sessionCookieSecure(environment: {
  SESSION_COOKIE_SECURE?: boolean | undefined;
  PUBLIC_URL: string;
}): boolean {
  if (environment.SESSION_COOKIE_SECURE !== undefined) return environment.SESSION_COOKIE_SECURE;
  return !(environment.PUBLIC_URL.startsWith('http:') && isLoopbackUrl(environment.PUBLIC_URL));
}
