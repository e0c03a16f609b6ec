/**
 * The refresh token's cookie. Never rename it without keeping the old name readable: a rename
 * signs everyone out.
 */
export const REFRESH_COOKIE_NAME = 'vouch_refresh';

/** Sent only to the sign-in endpoints (refresh, logout), never with the other API calls. */
export const REFRESH_COOKIE_PATH = '/v1/auth';

/**
 * The header a cookie-authenticated endpoint requires: a script sends it, a form or link from
 * another site cannot (a cross-origin custom header needs a CORS preflight, which no service grants).
 */
export const CSRF_HEADER = 'x-requested-with';

/**
 * The Set-Cookie value carrying a refresh token: httpOnly (no script reads it), SameSite=Strict
 * (never sent with a request another site starts; the portal's own fetches are same-site, including
 * after arriving from an email link), Secure unless the portal is served over plain http on this
 * machine.
 */
export function refreshCookieOf(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${REFRESH_COOKIE_NAME}=${token}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The Set-Cookie value that removes the refresh cookie. */
export function clearedRefreshCookie(secure: boolean): string {
  return refreshCookieOf('', 0, secure);
}

/** The refresh token in a Cookie header, if any; a token is base64url, anything else is ignored. */
export function refreshTokenIn(cookieHeader: string | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() !== REFRESH_COOKIE_NAME) continue;
    const value = pair.slice(separator + 1).trim();
    if (/^[\w-]{16,128}$/.test(value)) return value;
  }
  return undefined;
}

/** Whether a URL's host is this machine: only there may the cookie go without Secure. */
export function isLoopbackUrl(url: string): boolean {
  const { hostname } = new URL(url);
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}
