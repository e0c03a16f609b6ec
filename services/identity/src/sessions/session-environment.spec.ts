import { identityEnvironment } from '../config';
import { sessionCookieSecure, sessionEnvironment } from './session-environment';

describe('the refresh cookie’s Secure attribute', () => {
  it('is on by default, off only for a portal served over plain http on this machine', () => {
    expect(sessionCookieSecure({ PUBLIC_URL: 'https://vouch.acme.com' })).toBe(true);
    expect(sessionCookieSecure({ PUBLIC_URL: 'http://vouch.acme.com' })).toBe(true);
    expect(sessionCookieSecure({ PUBLIC_URL: 'https://localhost:8443' })).toBe(true);
    expect(sessionCookieSecure({ PUBLIC_URL: 'http://127.0.0.1:8080' })).toBe(false);
    expect(sessionCookieSecure({ PUBLIC_URL: 'http://localhost:8080' })).toBe(false);
  });

  it('follows SESSION_COOKIE_SECURE when set, but may not be off in production', () => {
    expect(sessionCookieSecure({ PUBLIC_URL: 'http://127.0.0.1:8080', SESSION_COOKIE_SECURE: true })).toBe(
      true,
    );
    expect(sessionCookieSecure({ PUBLIC_URL: 'https://vouch.acme.com', SESSION_COOKIE_SECURE: false })).toBe(
      false,
    );
    const problems = (env: Record<string, string>) =>
      identityEnvironment.safeParse(env).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(problems({ NODE_ENV: 'production', SESSION_COOKIE_SECURE: 'false' })).toContain(
      'SESSION_COOKIE_SECURE',
    );
    expect(problems({ NODE_ENV: 'production' })).not.toContain('SESSION_COOKIE_SECURE');
    expect(problems({ SESSION_COOKIE_SECURE: 'false' })).toEqual([]);
  });

  it('reads the session lengths with their defaults', () => {
    expect(sessionEnvironment.parse({})).toEqual({ REFRESH_TOKEN_TTL_DAYS: 14, REFRESH_TOKEN_IDLE_DAYS: 7 });
    expect(sessionEnvironment.parse({ SESSION_COOKIE_SECURE: 'false' }).SESSION_COOKIE_SECURE).toBe(false);
    expect(sessionEnvironment.safeParse({ REFRESH_TOKEN_TTL_DAYS: '0' }).success).toBe(false);
  });
});
