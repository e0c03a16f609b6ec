/**
 * The cookie that binds a sign-in under way to the browser that started it: it holds only a random
 * key to the sign-in's checks (state, nonce, PKCE verifier), kept by identity. SameSite=Lax, since
 * the provider sends the browser back with a top-level GET from its own site; sent only to the
 * single sign-on paths. Never rename it while sign-ins may be under way.
 */
export const LOGIN_COOKIE_NAME = 'vouch_sso_login';

export const LOGIN_COOKIE_PATH = '/v1/auth/sso';

export function loginCookieOf(key: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${LOGIN_COOKIE_NAME}=${key}`,
    `Path=${LOGIN_COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedLoginCookie(secure: boolean): string {
  return loginCookieOf('', 0, secure);
}

/** The login key in a Cookie header, if any; a key is base64url, anything else is ignored. */
export function loginKeyIn(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== LOGIN_COOKIE_NAME) continue;
    const value = pair.slice(separator + 1).trim();
    if (/^[\w-]{20,100}$/.test(value)) return value;
  }
  return undefined;
}
