import {
  newRefreshToken,
  nextExpiryOf,
  refreshTokenHash,
  verdictOn,
  type PresentedRefreshToken,
} from './refresh-token';
import { clearedRefreshCookie, isLoopbackUrl, refreshCookieOf, refreshTokenIn } from './session-cookie';

const now = new Date('2026-12-06T10:00:00Z');
const later = new Date('2026-12-07T10:00:00Z');
const valid: PresentedRefreshToken = {
  familyId: 'f',
  employeeId: 'e',
  expiresAt: later,
  rotatedAt: null,
  familyExpiresAt: later,
  familyRevokedAt: null,
};

describe('refresh tokens', () => {
  it('are 256 random bits, stored only as their SHA-256', () => {
    const token = newRefreshToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(newRefreshToken()).not.toBe(token);
    expect(refreshTokenHash(token)).toHaveLength(32);
    expect(refreshTokenHash(token).equals(refreshTokenHash(token))).toBe(true);
  });

  it('rotate while valid; a rotated one presented again is a reuse; revoked and expired are refused', () => {
    expect(verdictOn(valid, now)).toBe('rotate');
    expect(verdictOn({ ...valid, rotatedAt: now }, now)).toBe('reused');
    expect(verdictOn({ ...valid, familyRevokedAt: now }, now)).toBe('revoked');
    // A revoked family says so even for a reused token: it is ended already.
    expect(verdictOn({ ...valid, rotatedAt: now, familyRevokedAt: now }, now)).toBe('revoked');
    expect(verdictOn({ ...valid, expiresAt: now }, now)).toBe('expired');
    expect(verdictOn({ ...valid, familyExpiresAt: now }, now)).toBe('expired');
  });

  it('expire after the idle limit, never past their family’s end', () => {
    const hour = 3_600_000;
    expect(nextExpiryOf(later, hour, now)).toEqual(new Date(now.getTime() + hour));
    expect(nextExpiryOf(later, 48 * hour, now)).toEqual(later);
  });
});

describe('the refresh cookie', () => {
  it('is httpOnly, SameSite=Strict, scoped to /v1/auth, and Secure when asked', () => {
    expect(refreshCookieOf('abc', 60.7, true)).toBe(
      'vouch_refresh=abc; Path=/v1/auth; Max-Age=60; HttpOnly; SameSite=Strict; Secure',
    );
    expect(clearedRefreshCookie(false)).toBe(
      'vouch_refresh=; Path=/v1/auth; Max-Age=0; HttpOnly; SameSite=Strict',
    );
  });

  it('is read from a Cookie header among others, and anything not a token is ignored', () => {
    const token = newRefreshToken();
    expect(refreshTokenIn(`a=1; vouch_refresh=${token}; b=2`)).toBe(token);
    expect(refreshTokenIn('vouch_refresh=not a token')).toBeUndefined();
    expect(refreshTokenIn('other=1')).toBeUndefined();
    expect(refreshTokenIn(undefined)).toBeUndefined();
  });

  it('may go without Secure only to this machine', () => {
    expect(isLoopbackUrl('http://127.0.0.1:8080')).toBe(true);
    expect(isLoopbackUrl('http://localhost:8080')).toBe(true);
    expect(isLoopbackUrl('http://vouch.localhost')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:8080')).toBe(true);
    expect(isLoopbackUrl('http://vouch.acme.com')).toBe(false);
    expect(isLoopbackUrl('http://127.0.0.1.evil.com')).toBe(false);
  });
});
