import { assertLinkUsable, linkExpiry, linkTokenHash, newLinkToken } from './account-link';
import { AccountLinkNotValidError } from './account.errors';

describe('account links', () => {
  const issuedAt = new Date('2026-12-01T10:00:00Z');
  const expiresAt = linkExpiry(issuedAt, 3_600_000);

  it('makes a token of 256 random bits, never the same twice', () => {
    const token = newLinkToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newLinkToken()).not.toBe(token);
  });

  it('keeps only a hash of the token, the same for the same token', () => {
    const token = newLinkToken();
    expect(linkTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(linkTokenHash(token)).toBe(linkTokenHash(token));
    expect(linkTokenHash(token)).not.toContain(token);
  });

  it('works until it expires, once', () => {
    expect(() =>
      assertLinkUsable({ expiresAt, usedAt: null }, new Date(expiresAt.getTime() - 1)),
    ).not.toThrow();
    expect(() => assertLinkUsable({ expiresAt, usedAt: null }, expiresAt)).toThrow(AccountLinkNotValidError);
    expect(() => assertLinkUsable({ expiresAt, usedAt: issuedAt }, issuedAt)).toThrow(
      AccountLinkNotValidError,
    );
  });

  it('answers an unknown link as it answers a used or expired one', () => {
    expect(() => assertLinkUsable(undefined, issuedAt)).toThrow(AccountLinkNotValidError);
  });
});
