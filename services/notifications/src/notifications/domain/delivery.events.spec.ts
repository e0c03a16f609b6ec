import { EmailFailedV1, EmailSentV1, type RecordedEvent } from '@vouch/contracts';
import { Delivery } from './delivery';

const DELIVERY = '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
const EVENT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ANA = 'a1a1a1a1-1111-4111-8111-111111111111';
const BEN = 'b2b2b2b2-2222-4222-8222-222222222222';
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const t0 = new Date('2026-12-01T09:00:00Z');
const t1 = new Date('2026-12-01T09:00:05Z');
const t2 = new Date('2026-12-01T09:00:30Z');
const leaseUntil = new Date('2026-12-01T09:01:00Z');
const retry = { maxAttempts: 2, initialDelayMs: 1_000, maxDelayMs: 60_000 };
const noJitter = () => 1;

const planned = (pace: 'now' | 'digest' = 'now', traceparent: string | null = TRACEPARENT) =>
  Delivery.plan({
    id: DELIVERY,
    eventId: EVENT,
    email: { template: 'connection-requested', category: 'connection_requests', details: {} },
    recipient: { id: ANA, email: 'ana@example.com', name: 'Ana' },
    counterpart: { id: BEN, name: 'Ben' },
    pace,
    traceparent,
    now: t0,
  });

const claimed = (traceparent: string | null = TRACEPARENT) => {
  const delivery = planned('now', traceparent);
  delivery.claim(t1, leaseUntil);
  return delivery;
};

const deliveryFields = {
  deliveryId: DELIVERY,
  recipientId: ANA,
  template: 'connection-requested',
  causationEventId: EVENT,
};

const valid = (events: RecordedEvent[]) => {
  for (const event of events) expect(() => event.definition.schema.parse(event.data)).not.toThrow();
};

describe('the events a delivery records', () => {
  it('records EmailSent when the server accepts it, in the trace of the request behind the email', () => {
    const delivery = claimed();
    delivery.sent(t2);
    const events = delivery.pullEvents();
    expect(events).toEqual([
      {
        definition: EmailSentV1,
        subject: DELIVERY,
        cause: { traceparent: TRACEPARENT },
        data: {
          ...deliveryFields,
          messageId: `<${DELIVERY}@vouch>`,
          attempts: 1,
          sentAt: t2.toISOString(),
        },
      },
    ]);
    valid(events);
  });

  it('names no trace when the delivery was planned outside one', () => {
    const delivery = claimed(null);
    delivery.sent(t2);
    expect(delivery.pullEvents()).toEqual([expect.not.objectContaining({ cause: expect.anything() })]);
  });

  it('records EmailFailed, permanent, when the server refuses it for good', () => {
    const delivery = claimed();
    delivery.failed({ responseCode: 550, reason: '550 no such user' }, retry, t2, noJitter);
    const events = delivery.pullEvents();
    expect(events).toEqual([
      {
        definition: EmailFailedV1,
        subject: DELIVERY,
        cause: { traceparent: TRACEPARENT },
        data: {
          ...deliveryFields,
          reason: '550 no such user',
          permanent: true,
          attempts: 1,
          failedAt: t2.toISOString(),
        },
      },
    ]);
    valid(events);
  });

  it('records nothing for a failure it retries, and EmailFailed, not permanent, when the attempts run out', () => {
    const delivery = claimed();
    delivery.failed({ reason: 'connection refused' }, retry, t2, noJitter);
    expect(delivery.pullEvents()).toEqual([]);

    const due = new Date(delivery.snapshot().nextAttemptAt.getTime());
    delivery.claim(due, new Date(due.getTime() + 60_000));
    delivery.failed({ responseCode: 421, reason: '421 try later' }, retry, due, noJitter);
    const events = delivery.pullEvents();
    expect(events).toEqual([
      expect.objectContaining({
        definition: EmailFailedV1,
        data: {
          ...deliveryFields,
          reason: '421 try later',
          permanent: false,
          attempts: 2,
          failedAt: due.toISOString(),
        },
      }),
    ]);
    valid(events);
  });

  it('records nothing when planned, claimed, released, readdressed, skipped or folded into a digest', () => {
    const released = claimed();
    released.release(t2);
    const readdressed = claimed();
    readdressed.addressTo('ana@new.example.com');
    const skipped = claimed();
    skipped.skip('the recipient left', t2);
    const held = planned('digest');
    const digest = Delivery.digestFor({
      id: 'c3c3c3c3-3333-4333-8333-333333333333',
      recipient: { id: ANA, email: 'ana@example.com', name: 'Ana' },
      digestTime: t0,
      now: t1,
    });
    held.foldInto(digest, t1);

    for (const delivery of [planned(), released, readdressed, skipped, held, digest])
      expect(delivery.pullEvents()).toEqual([]);
  });

  it('hands each event over once, and records nothing when restored', () => {
    const delivery = claimed();
    delivery.sent(t2);
    expect(delivery.pullEvents()).toHaveLength(1);
    expect(delivery.pullEvents()).toEqual([]);
    expect(Delivery.restore(delivery.snapshot()).pullEvents()).toEqual([]);
  });
});
