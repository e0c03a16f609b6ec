import { InvalidUnsubscribeTokenError, UnsubscribeTokens } from './unsubscribe-token';

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens('a-secret-of-sixteen-or-more');
  const now = new Date('2026-01-01T00:00:00Z');
  const claim = {
    recipientId: 'ben',
    category: 'reciprocity' as const,
    expiresAt: new Date('2026-02-01T00:00:00Z'),
  };

  it('reads back the recipient, category and expiry it signed', () => {
    expect(tokens.verify(tokens.sign(claim), now)).toEqual(claim);
  });

  it('keeps accepting tokens signed with a rotated-out secret, and signs with the new one', () => {
    const before = new UnsubscribeTokens('the-secret-before-rotation');
    const after = new UnsubscribeTokens('the-secret-after-rotation', ['the-secret-before-rotation']);
    expect(after.verify(before.sign(claim), now)).toEqual(claim);
    expect(() => before.verify(after.sign(claim), now)).toThrow(InvalidUnsubscribeTokenError);
  });

  it("reads back a digest's token, which unsubscribes from everything", () => {
    const everything = { ...claim, category: 'all' as const };
    expect(tokens.verify(tokens.sign(everything), now)).toEqual(everything);
  });

  it('refuses a token whose payload was changed', () => {
    const [, signature] = tokens.sign(claim).split('.');
    const forged = Buffer.from(JSON.stringify({ r: 'ana', c: 'reciprocity', e: claim.expiresAt.getTime() }));
    expect(() => tokens.verify(`${forged.toString('base64url')}.${signature}`, now)).toThrow(
      InvalidUnsubscribeTokenError,
    );
  });

  it('refuses a token signed with another secret, an expired one and garbage', () => {
    const other = new UnsubscribeTokens('another-secret-sixteen-chars');
    expect(() => tokens.verify(other.sign(claim), now)).toThrow(InvalidUnsubscribeTokenError);
    expect(() => tokens.verify(tokens.sign(claim), new Date('2026-03-01T00:00:00Z'))).toThrow(
      InvalidUnsubscribeTokenError,
    );
    expect(() => tokens.verify('not-a-token', now)).toThrow(InvalidUnsubscribeTokenError);
  });
});
