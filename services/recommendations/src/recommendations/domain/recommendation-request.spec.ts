import {
  checkRequestLimits,
  RecommendationRequest,
  RequestStateError,
  TooManyPendingRequestsError,
} from './recommendation-request';

const t0 = new Date('2026-11-25T10:00:00Z');
const ask = () =>
  RecommendationRequest.ask({
    id: 'q1',
    requesterId: 'ana',
    recipientId: 'ben',
    relationship: 'coworker',
    message: '  Would you write a few lines about the migration?  ',
    requesterRecommendedRecipient: false,
    now: t0,
    lifetimeDays: 90,
  });

describe('RecommendationRequest', () => {
  it('is pending until 90 days later, with the message trimmed', () => {
    const request = ask().snapshot();
    expect(request).toMatchObject({
      status: 'pending',
      message: 'Would you write a few lines about the migration?',
    });
    expect(request.expiresAt.toISOString()).toBe('2027-02-23T10:00:00.000Z');
  });

  it('cannot be addressed to oneself', () => {
    expect(() =>
      RecommendationRequest.ask({
        id: 'q',
        requesterId: 'ana',
        recipientId: 'ana',
        relationship: 'coworker',
        message: null,
        requesterRecommendedRecipient: false,
        now: t0,
        lifetimeDays: 90,
      }),
    ).toThrow(RequestStateError);
  });

  it('is fulfilled or declined by the recipient only, and withdrawn by the requester only', () => {
    expect(() => ask().fulfil('ana', 'r1', t0)).toThrow(/addressed to someone else/);
    expect(() => ask().decline('carl', t0)).toThrow(RequestStateError);
    expect(() => ask().withdraw('ben', t0)).toThrow(/only the employee who asked/);

    const declined = ask();
    declined.decline('ben', t0);
    expect(declined.snapshot()).toMatchObject({ status: 'declined', closedAt: t0 });
  });

  it('changes only once: a fulfilled request cannot be declined, withdrawn or expire', () => {
    const request = ask();
    request.fulfil('ben', 'r1', t0);
    expect(() => request.decline('ben', t0)).toThrow(/already fulfilled/);
    expect(() => request.withdraw('ana', t0)).toThrow(RequestStateError);
    expect(() => request.expire(t0)).toThrow(RequestStateError);
  });

  it('is due for expiry only when pending and past its expiry', () => {
    const request = ask();
    expect(request.isDue(new Date('2027-02-23T09:59:59Z'))).toBe(false);
    expect(request.isDue(new Date('2027-02-23T10:00:00Z'))).toBe(true);
    request.withdraw('ana', t0);
    expect(request.isDue(new Date('2028-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('request limits', () => {
  const limits = { maxPendingOut: 10, maxPendingIn: 5 };

  it('lets a request through below both limits', () => {
    expect(() => checkRequestLimits(limits, 9, 4)).not.toThrow();
  });

  it('refuses an 11th pending request from one requester', () => {
    expect(() => checkRequestLimits(limits, 10, 0)).toThrow(TooManyPendingRequestsError);
    expect(() => checkRequestLimits(limits, 10, 0)).toThrow(/you already have 10 requests/);
  });

  it('refuses a 6th pending request to one recipient, so a busy manager is not buried', () => {
    expect(() => checkRequestLimits(limits, 0, 5)).toThrow(/this colleague already has 5 requests/);
  });
});
