import { clearedLoginCookie, loginCookieOf, loginKeyIn } from './login-cookie';

describe('the sign-in cookie', () => {
  it('is httpOnly, SameSite=Lax (the provider sends the browser back from its site), only for the SSO paths', () => {
    expect(loginCookieOf('k'.repeat(43), 600, true)).toBe(
      `vouch_sso_login=${'k'.repeat(43)}; Path=/v1/auth/sso; Max-Age=600; HttpOnly; SameSite=Lax; Secure`,
    );
    expect(loginCookieOf('k'.repeat(43), 600, false)).not.toContain('Secure');
    expect(clearedLoginCookie(false)).toBe(
      'vouch_sso_login=; Path=/v1/auth/sso; Max-Age=0; HttpOnly; SameSite=Lax',
    );
  });

  it('is read from a Cookie header among others, and only as a key could be', () => {
    const key = 'a'.repeat(43);
    expect(loginKeyIn(`vouch_refresh=x; vouch_sso_login=${key}; other=y`)).toBe(key);
    expect(loginKeyIn('vouch_sso_login=short')).toBeUndefined();
    expect(loginKeyIn('vouch_sso_login=not a key; at all')).toBeUndefined();
    expect(loginKeyIn(undefined)).toBeUndefined();
  });
});
