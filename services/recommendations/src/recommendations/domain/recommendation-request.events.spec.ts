import {
  RecommendationRequestDeclinedV1,
  RecommendationRequestedV1,
  RecommendationRequestExpiredV1,
  RecommendationRequestFulfilledV1,
  RecommendationRequestWithdrawnV1,
} from '@vouch/contracts';
import { RecommendationRequest } from './recommendation-request';

const RECOMMENDATION = '0b9c4a4e-5f2d-4c61-9d0e-3a7f1c2b8e01';
const REQUEST = '5d3e2f1a-7b6c-4d8e-9f0a-1b2c3d4e5f60';
const ANA = 'a1a1a1a1-1111-4111-8111-111111111111';
const BEN = 'b2b2b2b2-2222-4222-8222-222222222222';
const t0 = new Date('2026-11-25T10:00:00Z');
const t1 = new Date('2026-11-26T10:00:00Z');
const cause = { correlationId: 'c1', causationId: 'e1' };

const asked = () =>
  RecommendationRequest.ask({
    id: REQUEST,
    requesterId: ANA,
    recipientId: BEN,
    relationship: 'supervisor',
    message: '  A few lines about the migration?  ',
    requesterRecommendedRecipient: true,
    now: t0,
    lifetimeDays: 90,
  });

/** A request as loaded from the database: its asking was recorded long ago. */
const pending = () => {
  const request = asked();
  request.pullEvents();
  return request;
};

const fieldsWith = (status: string) => ({
  requestId: REQUEST,
  requesterId: ANA,
  recipientId: BEN,
  relationship: 'supervisor',
  status,
});

describe('the events a recommendation request records', () => {
  it('records RecommendationRequested when asked, saying whether it returns a favour', () => {
    expect(asked().pullEvents()).toEqual([
      {
        definition: RecommendationRequestedV1,
        subject: REQUEST,
        data: {
          ...fieldsWith('pending'),
          message: 'A few lines about the migration?',
          requesterRecommendedRecipient: true,
          requestedAt: t0.toISOString(),
          expiresAt: '2027-02-23T10:00:00.000Z',
        },
      },
    ]);
  });

  it('records nothing when restored', () => {
    expect(RecommendationRequest.restore(asked().snapshot()).pullEvents()).toEqual([]);
  });

  it('records RecommendationRequestFulfilled with the recommendation that answers it', () => {
    const request = pending();
    request.fulfil(BEN, RECOMMENDATION, t1);
    expect(request.pullEvents()).toEqual([
      {
        definition: RecommendationRequestFulfilledV1,
        subject: REQUEST,
        data: { ...fieldsWith('fulfilled'), recommendationId: RECOMMENDATION, fulfilledAt: t1.toISOString() },
      },
    ]);
  });

  it('records RecommendationRequestDeclined when the recipient declines', () => {
    const request = pending();
    request.decline(BEN, t1);
    expect(request.pullEvents()).toEqual([
      {
        definition: RecommendationRequestDeclinedV1,
        subject: REQUEST,
        data: { ...fieldsWith('declined'), declinedAt: t1.toISOString() },
      },
    ]);
  });

  it('records RecommendationRequestWithdrawn when the requester withdraws it, without a cause', () => {
    const request = pending();
    request.withdraw(ANA, t1);
    expect(request.pullEvents()).toEqual([
      {
        definition: RecommendationRequestWithdrawnV1,
        subject: REQUEST,
        data: { ...fieldsWith('withdrawn'), withdrawnAt: t1.toISOString() },
        cause: undefined,
      },
    ]);
  });

  it('records RecommendationRequestWithdrawn with the event that cancelled it', () => {
    const request = pending();
    request.cancel(t1, cause);
    expect(request.pullEvents()).toEqual([
      {
        definition: RecommendationRequestWithdrawnV1,
        subject: REQUEST,
        data: { ...fieldsWith('withdrawn'), withdrawnAt: t1.toISOString() },
        cause,
      },
    ]);
  });

  it('records RecommendationRequestExpired, with the event that expired it if one did', () => {
    const request = pending();
    request.expire(t1, cause);
    expect(request.pullEvents()).toEqual([
      {
        definition: RecommendationRequestExpiredV1,
        subject: REQUEST,
        data: { ...fieldsWith('expired'), expiredAt: t1.toISOString() },
        cause,
      },
    ]);
  });

  it('records nothing for a change it refuses', () => {
    const request = pending();
    expect(() => request.decline(ANA, t1)).toThrow();
    request.withdraw(ANA, t1);
    request.pullEvents();
    expect(() => request.expire(t1)).toThrow();
    expect(request.pullEvents()).toEqual([]);
  });

  it('records events whose data their contracts accept', () => {
    const transitions: Array<(request: RecommendationRequest) => void> = [
      (request) => request.fulfil(BEN, RECOMMENDATION, t1),
      (request) => request.decline(BEN, t1),
      (request) => request.withdraw(ANA, t1),
      (request) => request.cancel(t1),
      (request) => request.expire(t1),
    ];
    for (const transition of transitions) {
      const request = asked();
      transition(request);
      for (const event of request.pullEvents())
        expect(() => event.definition.schema.parse(event.data)).not.toThrow();
    }
  });
});
