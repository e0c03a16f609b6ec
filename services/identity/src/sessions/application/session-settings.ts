/** How sessions last and how their cookie is set, from identity's environment. */
export interface SessionSettings {
  /** A session's whole life, from the sign-in (REFRESH_TOKEN_TTL_DAYS). */
  ttlMs: number;
  /** How long a refresh token is valid unused (REFRESH_TOKEN_IDLE_DAYS). */
  idleMs: number;
  /** Whether the refresh cookie is Secure. */
  cookieSecure: boolean;
}

export const SESSION_SETTINGS = Symbol('SESSION_SETTINGS');

/** What sets the refresh cookie on an answer: a Fastify reply. */
export interface CookieReply {
  header(name: string, value: string): unknown;
}
