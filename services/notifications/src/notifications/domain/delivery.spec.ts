import { Delivery, DeliveryStateError, type DeliveryState, type DeliveryStatus } from './delivery';
import { NotificationPreferences } from './email-category';

const t0 = new Date('2026-12-01T09:00:00Z');
const t1 = new Date('2026-12-01T09:00:05Z');
const leaseUntil = new Date('2026-12-01T09:01:00Z');
const t2 = new Date('2026-12-01T09:00:30Z');
const ana = { id: 'ana', email: 'ana@example.com', name: 'Ana' };
const ben = { id: 'ben', email: 'ben@example.com', name: 'Ben' };
const email = {
  template: 'connection-requested' as const,
  category: 'connection_requests' as const,
  details: { connectionId: 'c1' },
};
const retry = { maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 60_000 };
const noJitter = () => 1;

const planned = (pace: 'now' | 'digest' = 'now') =>
  Delivery.plan({
    id: 'd1',
    eventId: 'e1',
    email,
    recipient: ana,
    counterpart: ben,
    pace,
    traceparent: null,
    now: t0,
  });

const claimed = () => {
  const delivery = planned();
  delivery.claim(t1, leaseUntil);
  return delivery;
};

const digestOf = (recipient = ana) =>
  Delivery.digestFor({ id: 'digest-1', recipient, digestTime: t0, now: t1 });

/** A delivery in any status, as the repository would restore it. */
const inStatus = (status: DeliveryStatus) => Delivery.restore({ ...planned().snapshot(), status });

describe('Delivery', () => {
  describe('planned', () => {
    it('is pending and due at once when it goes out now, with the names as they are', () => {
      expect(planned().snapshot()).toEqual<DeliveryState>({
        id: 'd1',
        eventId: 'e1',
        template: 'connection-requested',
        category: 'connection_requests',
        recipientId: 'ana',
        recipientEmail: 'ana@example.com',
        recipientName: 'Ana',
        counterpartId: 'ben',
        counterpartName: 'Ben',
        details: { connectionId: 'c1' },
        status: 'pending',
        attempts: 0,
        dueAt: t0,
        nextAttemptAt: t0,
        lastError: null,
        traceparent: null,
        digestId: null,
        createdAt: t0,
        updatedAt: t0,
        sentAt: null,
        failedAt: null,
      });
    });

    it('is held when it waits for the digest', () => {
      expect(planned('digest').snapshot().status).toBe('held');
    });

    it('refuses to hold a transactional email for the digest', () => {
      const invitation = { template: 'invitation' as const, category: 'transactional' as const, details: {} };
      const plan = (pace: 'now' | 'digest') => () =>
        Delivery.plan({
          id: 'd2',
          eventId: 'e2',
          email: invitation,
          recipient: ana,
          counterpart: null,
          pace,
          traceparent: null,
          now: t0,
        });
      expect(plan('now')).not.toThrow();
      expect(plan('digest')).toThrow(DeliveryStateError);
    });

    it('waits for the working hours when planned outside them, and cannot be claimed before', () => {
      const morning = new Date('2026-12-02T08:00:00Z');
      const waiting = Delivery.plan({
        id: 'd3',
        eventId: 'e3',
        email,
        recipient: ana,
        counterpart: ben,
        pace: 'now',
        traceparent: null,
        now: t0,
        dueAt: morning,
      });
      expect(waiting.snapshot()).toMatchObject({
        status: 'pending',
        createdAt: t0,
        dueAt: morning,
        nextAttemptAt: morning,
      });
      expect(() => waiting.claim(new Date(morning.getTime() - 1), leaseUntil)).toThrow(/due at/);
    });

    it('refuses to hold a transactional email for the working hours', () => {
      const invitation = { template: 'invitation' as const, category: 'transactional' as const, details: {} };
      const plan = (dueAt: Date) => () =>
        Delivery.plan({
          id: 'd4',
          eventId: 'e4',
          email: invitation,
          recipient: ana,
          counterpart: null,
          pace: 'now',
          traceparent: null,
          now: t0,
          dueAt,
        });
      expect(plan(t0)).not.toThrow();
      expect(plan(t1)).toThrow(/at any hour/);
    });

    it("makes a recipient's digest one per digest time: its event id says whose and when", () => {
      expect(digestOf().snapshot()).toMatchObject({
        eventId: `digest:ana:${t0.toISOString()}`,
        template: 'daily-digest',
        category: 'all',
        status: 'pending',
        counterpartId: null,
        details: {},
      });
    });
  });

  describe('claim', () => {
    it('takes a due pending delivery until the lease ends', () => {
      expect(claimed().snapshot()).toMatchObject({ status: 'pending', nextAttemptAt: leaseUntil });
    });

    it('refuses a delivery not due yet, or a lease already over', () => {
      expect(() => planned().claim(new Date(t0.getTime() - 1), leaseUntil)).toThrow(/due at/);
      expect(() => planned().claim(t1, t1)).toThrow(/lease that already ended/);
    });

    it.each<DeliveryStatus>(['held', 'digested', 'sent', 'failed', 'skipped'])(
      'refuses a %s delivery',
      (status) => {
        expect(() => inStatus(status).claim(t1, leaseUntil)).toThrow(DeliveryStateError);
      },
    );
  });

  describe('release', () => {
    it('makes a claimed delivery due again at once', () => {
      const delivery = claimed();
      delivery.release(t2);
      expect(delivery.snapshot()).toMatchObject({ status: 'pending', nextAttemptAt: t2 });
      expect(() => delivery.sent(t2)).toThrow(/not claimed/);
    });

    it('refuses a delivery not claimed', () => {
      expect(() => planned().release(t2)).toThrow(/not claimed/);
    });

    it.each<DeliveryStatus>(['held', 'digested', 'sent', 'failed', 'skipped'])(
      'refuses a %s delivery',
      (status) => {
        expect(() => inStatus(status).release(t2)).toThrow(DeliveryStateError);
      },
    );
  });

  describe('addressTo', () => {
    it("sends a claimed delivery to the recipient's address of now", () => {
      const delivery = claimed();
      delivery.addressTo('ana@new.example.com');
      expect(delivery.snapshot().recipientEmail).toBe('ana@new.example.com');
    });

    it('refuses a delivery not claimed', () => {
      expect(() => planned().addressTo('ana@new.example.com')).toThrow(/not claimed/);
    });

    it.each<DeliveryStatus>(['held', 'digested', 'sent', 'failed', 'skipped'])(
      'refuses a %s delivery',
      (status) => {
        expect(() => inStatus(status).addressTo('ana@new.example.com')).toThrow(DeliveryStateError);
      },
    );
  });

  describe('sent', () => {
    it('counts the attempt and clears the last error of a claimed delivery', () => {
      const delivery = claimed();
      delivery.failed({ responseCode: 421, reason: 'busy' }, retry, t1, noJitter);
      const retried = Delivery.restore(delivery.snapshot());
      retried.claim(t2, new Date(t2.getTime() + 60_000));
      retried.sent(t2);
      expect(retried.snapshot()).toMatchObject({
        status: 'sent',
        attempts: 2,
        lastError: null,
        sentAt: t2,
        updatedAt: t2,
      });
    });

    it('refuses a pending delivery not claimed, and one already sent', () => {
      expect(() => planned().sent(t2)).toThrow(/not claimed/);
      const delivery = claimed();
      delivery.sent(t2);
      expect(() => delivery.sent(t2)).toThrow(/that is sent/);
    });

    it.each<DeliveryStatus>(['held', 'digested', 'failed', 'skipped'])('refuses a %s delivery', (status) => {
      expect(() => inStatus(status).sent(t2)).toThrow(DeliveryStateError);
    });
  });

  describe('failed', () => {
    it('retries a temporary failure after a backoff, pending and no longer claimed', () => {
      const delivery = claimed();
      const next = delivery.failed({ responseCode: 421, reason: 'busy' }, retry, t2, noJitter);
      expect(next).toEqual({ kind: 'retry', delayMs: 1_000 });
      expect(delivery.snapshot()).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'busy',
        nextAttemptAt: new Date(t2.getTime() + 1_000),
        failedAt: null,
      });
      expect(() => delivery.sent(t2)).toThrow(/not claimed/);
    });

    it('fails a refusal that will not change at once, as permanent', () => {
      const delivery = claimed();
      const next = delivery.failed({ responseCode: 550, reason: '550 no such user' }, retry, t2);
      expect(next).toEqual({ kind: 'fail', permanent: true, reason: '550 no such user' });
      expect(delivery.snapshot()).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastError: '550 no such user',
        failedAt: t2,
      });
    });

    it('fails a temporary failure once the attempts run out', () => {
      const delivery = Delivery.restore({ ...planned().snapshot(), attempts: 2 });
      delivery.claim(t1, leaseUntil);
      const next = delivery.failed({ reason: 'ECONNREFUSED' }, retry, t2);
      expect(next).toMatchObject({ kind: 'fail', permanent: false });
      expect(delivery.snapshot()).toMatchObject({ status: 'failed', attempts: 3, failedAt: t2 });
    });

    it('refuses a pending delivery not claimed', () => {
      expect(() => planned().failed({ reason: 'ECONNREFUSED' }, retry, t2)).toThrow(/not claimed/);
    });

    it.each<DeliveryStatus>(['held', 'digested', 'sent', 'failed', 'skipped'])(
      'refuses a %s delivery',
      (status) => {
        expect(() => inStatus(status).failed({ reason: 'ECONNREFUSED' }, retry, t2)).toThrow(
          DeliveryStateError,
        );
      },
    );
  });

  describe('skip', () => {
    it('drops a claimed delivery with the reason, without counting an attempt', () => {
      const delivery = claimed();
      delivery.skip('the recipient was deactivated', t2);
      expect(delivery.snapshot()).toMatchObject({
        status: 'skipped',
        attempts: 0,
        lastError: 'the recipient was deactivated',
        updatedAt: t2,
      });
    });

    it('drops a held delivery with the reason', () => {
      const delivery = planned('digest');
      delivery.skip('the recipient unsubscribed from all emails', t2);
      expect(delivery.snapshot()).toMatchObject({
        status: 'skipped',
        lastError: 'the recipient unsubscribed from all emails',
      });
    });

    it('refuses a pending delivery not claimed', () => {
      expect(() => planned().skip('the recipient is unknown', t2)).toThrow(/not claimed/);
    });

    it.each<DeliveryStatus>(['digested', 'sent', 'failed', 'skipped'])('refuses a %s delivery', (status) => {
      expect(() => inStatus(status).skip('the recipient is unknown', t2)).toThrow(DeliveryStateError);
    });
  });

  describe('foldInto', () => {
    it("makes a held delivery one of its recipient's digest's entries", () => {
      const delivery = planned('digest');
      delivery.foldInto(digestOf(), t2);
      expect(delivery.snapshot()).toMatchObject({ status: 'digested', digestId: 'digest-1', updatedAt: t2 });
    });

    it("refuses another recipient's digest, or an email that is not a digest", () => {
      expect(() => planned('digest').foldInto(digestOf(ben), t2)).toThrow(/another recipient/);
      expect(() => planned('digest').foldInto(planned(), t2)).toThrow(/connection-requested/);
    });

    it.each<DeliveryStatus>(['pending', 'digested', 'sent', 'failed', 'skipped'])(
      'refuses a %s delivery',
      (status) => {
        expect(() => inStatus(status).foldInto(digestOf(), t2)).toThrow(DeliveryStateError);
      },
    );
  });

  describe('reasonToWithholdFrom', () => {
    const preferences = NotificationPreferences.defaults();

    it('lets the email reach a recipient still active who wants it', () => {
      expect(planned().reasonToWithholdFrom({ employee: { active: true }, preferences })).toBeNull();
    });

    it('withholds it from a recipient who left since it was planned', () => {
      expect(planned().reasonToWithholdFrom({ employee: { active: false }, preferences })).toBe(
        'the recipient was deactivated',
      );
    });
  });

  it('restores the state it snapshots, and hands out copies', () => {
    const state = claimed().snapshot();
    const restored = Delivery.restore(state);
    expect(restored.snapshot()).toEqual(state);
    restored.snapshot().status = 'sent';
    expect(restored.snapshot().status).toBe('pending');
  });
});
