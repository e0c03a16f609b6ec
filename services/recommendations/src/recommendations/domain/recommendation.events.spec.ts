import {
  RecommendationAcceptedV1,
  RecommendationGivenV1,
  RecommendationHiddenV1,
  RecommendationRevisedV1,
  RecommendationRevisionRequestedV1,
  RecommendationWithdrawnV1,
} from '@vouch/contracts';
import { Recommendation } from './recommendation';
import { RecommendationText } from './recommendation-text';

const RECOMMENDATION = '0b9c4a4e-5f2d-4c61-9d0e-3a7f1c2b8e01';
const REQUEST = '5d3e2f1a-7b6c-4d8e-9f0a-1b2c3d4e5f60';
const ANA = 'a1a1a1a1-1111-4111-8111-111111111111';
const BEN = 'b2b2b2b2-2222-4222-8222-222222222222';
const t0 = new Date('2026-11-25T10:00:00Z');
const t1 = new Date('2026-11-26T10:00:00Z');
const text = RecommendationText.of('Ana turned our slowest release train into a weekly one.');

const written = (requestId: string | null = null) =>
  Recommendation.write({
    id: RECOMMENDATION,
    authorId: ANA,
    subjectId: BEN,
    relationship: 'coworker',
    text,
    verifiedBy: ['scim'],
    reciprocal: true,
    requestId,
    now: t0,
  });

/** A recommendation as loaded from the database: its writing was recorded long ago. */
const saved = () => {
  const recommendation = written();
  recommendation.pullEvents();
  return recommendation;
};

const fieldsWith = (status: string, relationship = 'coworker') => ({
  recommendationId: RECOMMENDATION,
  authorId: ANA,
  subjectId: BEN,
  relationship,
  verified: true,
  reciprocal: true,
  status,
});

describe('the events a recommendation records', () => {
  it('records RecommendationGiven when written, with the request it answers', () => {
    expect(written(REQUEST).pullEvents()).toEqual([
      {
        definition: RecommendationGivenV1,
        subject: RECOMMENDATION,
        data: {
          recommendationId: RECOMMENDATION,
          authorId: ANA,
          subjectId: BEN,
          relationship: 'coworker',
          text: text.value,
          verified: true,
          reciprocal: true,
          status: 'pending',
          requestId: REQUEST,
          givenAt: t0.toISOString(),
        },
      },
    ]);
  });

  it('hands each event over once', () => {
    const recommendation = written();
    expect(recommendation.pullEvents()).toHaveLength(1);
    expect(recommendation.pullEvents()).toEqual([]);
  });

  it('records nothing when restored', () => {
    expect(Recommendation.restore(written().snapshot()).pullEvents()).toEqual([]);
  });

  it('records RecommendationRevised with the new text, relationship and revision number', () => {
    const recommendation = saved();
    const newText = RecommendationText.of('Ana now runs the release train for three teams.');
    recommendation.revise(ANA, newText, 'supervisor', [], t1);
    expect(recommendation.pullEvents()).toEqual([
      {
        definition: RecommendationRevisedV1,
        subject: RECOMMENDATION,
        data: {
          ...fieldsWith('pending', 'supervisor'),
          verified: false,
          text: newText.value,
          revision: 2,
          revisedAt: t1.toISOString(),
        },
      },
    ]);
  });

  it('records RecommendationAccepted and RecommendationHidden as the subject decides', () => {
    const recommendation = saved();
    recommendation.accept(BEN, t1);
    recommendation.hide(BEN, t1);
    expect(recommendation.pullEvents()).toEqual([
      {
        definition: RecommendationAcceptedV1,
        subject: RECOMMENDATION,
        data: { ...fieldsWith('accepted'), acceptedAt: t1.toISOString() },
      },
      {
        definition: RecommendationHiddenV1,
        subject: RECOMMENDATION,
        data: { ...fieldsWith('hidden'), hiddenAt: t1.toISOString() },
      },
    ]);
  });

  it('records RecommendationRevisionRequested with the message trimmed', () => {
    const recommendation = saved();
    recommendation.requestRevision(BEN, '  Mention the on-call work too.  ', t1);
    expect(recommendation.pullEvents()).toEqual([
      {
        definition: RecommendationRevisionRequestedV1,
        subject: RECOMMENDATION,
        data: {
          ...fieldsWith('revision_requested'),
          message: 'Mention the on-call work too.',
          requestedAt: t1.toISOString(),
        },
      },
    ]);
  });

  it('records RecommendationWithdrawn when the author takes it back', () => {
    const recommendation = saved();
    recommendation.withdraw(ANA, t1);
    expect(recommendation.pullEvents()).toEqual([
      {
        definition: RecommendationWithdrawnV1,
        subject: RECOMMENDATION,
        data: { ...fieldsWith('withdrawn'), withdrawnAt: t1.toISOString() },
      },
    ]);
  });

  it('records nothing for a change it refuses', () => {
    const recommendation = saved();
    expect(() => recommendation.accept(ANA, t1)).toThrow();
    recommendation.withdraw(ANA, t1);
    recommendation.pullEvents();
    expect(() => recommendation.withdraw(ANA, t1)).toThrow();
    expect(recommendation.pullEvents()).toEqual([]);
  });

  it('records events whose data its contract accepts', () => {
    const recommendation = written(REQUEST);
    recommendation.requestRevision(BEN, 'More about the migration, please.', t1);
    recommendation.revise(ANA, text, 'subordinate', ['csv'], t1);
    recommendation.accept(BEN, t1);
    recommendation.hide(BEN, t1);
    recommendation.withdraw(ANA, t1);
    for (const event of recommendation.pullEvents())
      expect(() => event.definition.schema.parse(event.data)).not.toThrow();
  });
});
