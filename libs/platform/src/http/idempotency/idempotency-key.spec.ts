import {
  decideIdempotentRequest,
  isRememberedStatus,
  parseIdempotencyKey,
  requestFingerprint,
  type UsedIdempotencyKey,
} from './idempotency-key';

describe('Idempotency-Key', () => {
  describe('reading the header', () => {
    it('is absent when the request has none: the request runs as without the feature', () => {
      expect(parseIdempotencyKey(undefined)).toEqual({ kind: 'absent' });
    });

    it('takes the quoted sf-string the draft defines, and the bare value most clients send, as one key', () => {
      const uuid = '8e03978e-40d5-43e8-bc93-6894a57f9324';
      expect(parseIdempotencyKey(`"${uuid}"`)).toEqual({ kind: 'key', key: uuid });
      expect(parseIdempotencyKey(uuid)).toEqual({ kind: 'key', key: uuid });
      expect(parseIdempotencyKey(`  ${uuid} `)).toEqual({ kind: 'key', key: uuid });
    });

    it('unescapes a quoted key', () => {
      expect(parseIdempotencyKey('"a\\"b\\\\c"')).toEqual({ kind: 'key', key: 'a"b\\c' });
    });

    it('refuses an empty key, quoted or not', () => {
      expect(parseIdempotencyKey('')).toEqual({
        kind: 'invalid',
        message: 'Idempotency-Key must not be empty',
      });
      expect(parseIdempotencyKey('""')).toMatchObject({ kind: 'invalid' });
      expect(parseIdempotencyKey('   ')).toMatchObject({ kind: 'invalid' });
    });

    it('refuses a key over 255 characters, and takes one of exactly 255', () => {
      expect(parseIdempotencyKey('k'.repeat(255))).toEqual({ kind: 'key', key: 'k'.repeat(255) });
      expect(parseIdempotencyKey('k'.repeat(256))).toEqual({
        kind: 'invalid',
        message: 'Idempotency-Key must be at most 255 characters',
      });
    });

    it('refuses malformed quoting, characters outside visible ASCII, and the header sent twice', () => {
      expect(parseIdempotencyKey('"abc')).toMatchObject({ kind: 'invalid' });
      expect(parseIdempotencyKey('ab"c')).toMatchObject({ kind: 'invalid' });
      expect(parseIdempotencyKey('"a"b"')).toMatchObject({ kind: 'invalid' });
      expect(parseIdempotencyKey('"a\\nb"')).toMatchObject({ kind: 'invalid' });
      expect(parseIdempotencyKey('clé')).toMatchObject({ kind: 'invalid' });
      expect(parseIdempotencyKey('"a", "b"')).toMatchObject({ kind: 'invalid' });
      expect(parseIdempotencyKey('a, b')).toEqual({
        kind: 'invalid',
        message: 'Idempotency-Key must be sent once (a bare key holds no comma)',
      });
      expect(parseIdempotencyKey(['a', 'b'])).toEqual({
        kind: 'invalid',
        message: 'Idempotency-Key must be sent once',
      });
    });
  });

  describe('the fingerprint of a request', () => {
    it('is the same for the same body, whatever the order of its fields', () => {
      expect(requestFingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
        requestFingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }),
      );
    });

    it('differs for another value, another array order, or a field more', () => {
      const first = requestFingerprint({ subjectId: 's', text: 'one' });
      expect(requestFingerprint({ subjectId: 's', text: 'two' })).not.toBe(first);
      expect(requestFingerprint({ subjectId: 's', text: 'one', requestId: 'r' })).not.toBe(first);
      expect(requestFingerprint([1, 2])).not.toBe(requestFingerprint([2, 1]));
    });

    it('takes a body without content as null', () => {
      expect(requestFingerprint(undefined)).toBe(requestFingerprint(null));
      expect(requestFingerprint({})).not.toBe(requestFingerprint(null));
    });
  });

  describe('what a request with a key gets', () => {
    const now = new Date('2026-12-06T12:00:00.000Z');
    const fingerprint = requestFingerprint({ text: 'hello' });
    const used = (overrides: Partial<UsedIdempotencyKey> = {}): UsedIdempotencyKey => ({
      fingerprint,
      answer: { status: 201, headers: { 'content-type': 'application/json' }, body: '{"id":"1"}' },
      expiresAt: new Date(now.getTime() + 60_000),
      ...overrides,
    });

    it('runs a request whose key was never used', () => {
      expect(decideIdempotentRequest({ claimed: true, used: null, fingerprint, now })).toEqual({
        kind: 'run',
      });
    });

    it('replays the first answer to the same request', () => {
      expect(decideIdempotentRequest({ claimed: true, used: used(), fingerprint, now })).toEqual({
        kind: 'replay',
        answer: used().answer,
      });
    });

    it('refuses the key used for another body (422)', () => {
      const other = requestFingerprint({ text: 'goodbye' });
      expect(decideIdempotentRequest({ claimed: true, used: used(), fingerprint: other, now })).toEqual({
        kind: 'reused',
      });
    });

    it('refuses a request while another with its key runs (409), before looking at bodies', () => {
      expect(decideIdempotentRequest({ claimed: false, used: null, fingerprint, now })).toEqual({
        kind: 'in-flight',
      });
    });

    it('runs again once the key has expired, with the same body or another', () => {
      const expired = used({ expiresAt: now });
      expect(decideIdempotentRequest({ claimed: true, used: expired, fingerprint, now })).toEqual({
        kind: 'run',
      });
      expect(
        decideIdempotentRequest({
          claimed: true,
          used: expired,
          fingerprint: requestFingerprint({ text: 'other' }),
          now,
        }),
      ).toEqual({ kind: 'run' });
    });
  });

  describe('which answers are kept for replay', () => {
    it('keeps successes and client errors', () => {
      for (const status of [200, 201, 204, 400, 403, 404, 409, 422])
        expect(isRememberedStatus(status)).toBe(true);
    });

    it('keeps no fault (the retry runs again), and no 429 (the client is told to come back)', () => {
      for (const status of [429, 500, 502, 503, 504, 302]) expect(isRememberedStatus(status)).toBe(false);
    });
  });
});
