import { RecommendationReciprocatedV1, RecommendationReciprocityEndedV1 } from '@vouch/contracts';
import {
  InvalidTakedownReasonError,
  NotYourRecommendationError,
  RecommendationStateError,
  InvalidRecommendationTextError,
} from './recommendation.errors';
import { Recommendation } from './recommendation';
import { RecommendationText } from './recommendation-text';
import { TakedownReason } from './takedown-reason';

const author = 'author-1';
const subject = 'subject-1';
const t0 = new Date('2026-11-25T10:00:00Z');
const t1 = new Date('2026-11-26T10:00:00Z');
const text = RecommendationText.of('Ana turned our slowest release train into a weekly one.');

const written = () =>
  Recommendation.write({
    id: 'r1',
    authorId: author,
    subjectId: subject,
    relationship: 'coworker',
    text,
    verifiedBy: ['scim'],
    reciprocal: false,
    requestId: null,
    now: t0,
  });

describe('RecommendationText', () => {
  it('trims and keeps texts of 20 to 3000 characters', () => {
    expect(RecommendationText.of('   A colleague worth having, always.   ').value).toBe(
      'A colleague worth having, always.',
    );
    expect(RecommendationText.of('x'.repeat(3_000)).value).toHaveLength(3_000);
  });

  it('refuses texts shorter than 20 characters after trimming, saying how long they are', () => {
    expect(() => RecommendationText.of(`   ${'x'.repeat(19)}   `)).toThrow(InvalidRecommendationTextError);
    expect(() => RecommendationText.of('Great guy.')).toThrow(/at least 20 characters \(this one has 10\)/);
  });

  it('refuses texts longer than 3000 characters', () => {
    expect(() => RecommendationText.of('x'.repeat(3_001))).toThrow(/at most 3000/);
  });

  it('counts characters as people do, so emoji count once', () => {
    expect(() => RecommendationText.of('👍'.repeat(20))).not.toThrow();
  });
});

describe('Recommendation', () => {
  it('starts pending with its first text as revision 1', () => {
    const recommendation = written().snapshot();
    expect(recommendation.status).toBe('pending');
    expect(recommendation.revisions).toEqual([
      { number: 1, text: text.value, relationship: 'coworker', writtenAt: t0 },
    ]);
  });

  it('lets the subject accept, hide, and accept again', () => {
    const recommendation = written();
    recommendation.accept(subject, t1);
    expect(recommendation.snapshot().status).toBe('accepted');
    recommendation.hide(subject, t1);
    expect(recommendation.snapshot().status).toBe('hidden');
    recommendation.accept(subject, t1);
    expect(recommendation.snapshot().status).toBe('accepted');
  });

  it('lets only the subject decide its visibility', () => {
    const recommendation = written();
    expect(() => recommendation.accept(author, t1)).toThrow(NotYourRecommendationError);
    expect(() => recommendation.hide('someone-else', t1)).toThrow(NotYourRecommendationError);
    expect(() => recommendation.requestRevision(author, 'please', t1)).toThrow(NotYourRecommendationError);
  });

  it('goes back to pending after the author revises it on request, keeping the earlier text', () => {
    const recommendation = written();
    recommendation.requestRevision(subject, '  Could you mention the migration project?  ', t1);
    expect(recommendation.snapshot()).toMatchObject({
      status: 'revision_requested',
      revisionRequest: 'Could you mention the migration project?',
    });

    const newText = RecommendationText.of('Ana led the database migration without a minute of downtime.');
    recommendation.revise(author, newText, 'supervisor', [], t1);

    const state = recommendation.snapshot();
    expect(state).toMatchObject({
      status: 'pending',
      relationship: 'supervisor',
      verified: false,
      revisionRequest: null,
    });
    expect(state.revisions.map((revision) => [revision.number, revision.text])).toEqual([
      [1, text.value],
      [2, newText.value],
    ]);
    expect(recommendation.text).toBe(newText.value);
  });

  it('lets only the author revise or withdraw it', () => {
    const recommendation = written();
    expect(() => recommendation.revise(subject, text, 'coworker', ['csv'], t1)).toThrow(
      NotYourRecommendationError,
    );
    expect(() => recommendation.withdraw(subject, t1)).toThrow(NotYourRecommendationError);
  });

  it('is final once withdrawn', () => {
    const recommendation = written();
    recommendation.accept(subject, t1);
    recommendation.withdraw(author, t1);
    expect(recommendation.snapshot().status).toBe('withdrawn');
    expect(() => recommendation.accept(subject, t1)).toThrow(RecommendationStateError);
    expect(() => recommendation.revise(author, text, 'coworker', ['csv'], t1)).toThrow(/withdrawn/);
    expect(() => recommendation.withdraw(author, t1)).toThrow(RecommendationStateError);
  });

  describe('when one of the two is erased', () => {
    it('is deleted when its author is erased: the words were theirs', () => {
      const recommendation = written();
      recommendation.pullEvents();

      expect(recommendation.erase(author)).toBe('delete');
      expect(recommendation.pullEvents()).toEqual([]);
    });

    it('stays its author’s when its subject is erased, without the revision the subject asked for', () => {
      const recommendation = written();
      recommendation.requestRevision(subject, 'Please mention the migration, Ana here', t1);
      recommendation.pullEvents();

      expect(recommendation.erase(subject)).toBe('keep');

      expect(recommendation.snapshot()).toMatchObject({
        authorId: author,
        subjectId: subject,
        status: 'revision_requested',
        revisionRequest: null,
      });
      expect(recommendation.text).toBe(text.value);
      expect(recommendation.pullEvents()).toEqual([]);
    });

    it('refuses to erase someone it is not about', () => {
      expect(() => written().erase('someone-else')).toThrow(NotYourRecommendationError);
    });
  });

  describe('takedown', () => {
    const hr = 'hr-1';
    const reason = TakedownReason.of('  Names a colleague who asked not to be named.  ');

    it.each([
      ['pending', () => written()],
      [
        'accepted',
        () => {
          const recommendation = written();
          recommendation.accept(subject, t0);
          return recommendation;
        },
      ],
      [
        'hidden',
        () => {
          const recommendation = written();
          recommendation.hide(subject, t0);
          return recommendation;
        },
      ],
      [
        'revision requested',
        () => {
          const recommendation = written();
          recommendation.requestRevision(subject, 'Please name the project.', t0);
          return recommendation;
        },
      ],
    ])('takes down a %s one, keeping its status and text, with who, when and why', (_, given) => {
      const recommendation = given();
      const before = recommendation.snapshot();
      recommendation.pullEvents();
      recommendation.takeDown(hr, reason, t1);
      const after = recommendation.snapshot();
      expect(after.takedown).toEqual({
        by: hr,
        reason: 'Names a colleague who asked not to be named.',
        at: t1,
      });
      expect(after.status).toBe(before.status);
      expect(recommendation.text).toBe(text.value);
      expect(recommendation.takenDown).toBe(true);
      expect(recommendation.pullEvents().map((event) => [event.definition.type, event.data])).toEqual([
        [
          'RecommendationTakenDown',
          {
            recommendationId: 'r1',
            authorId: author,
            subjectId: subject,
            takenDownBy: hr,
            reason: 'Names a colleague who asked not to be named.',
            takenDownAt: t1.toISOString(),
          },
        ],
      ]);
    });

    it('refuses a second takedown, recording nothing', () => {
      const recommendation = written();
      recommendation.takeDown(hr, reason, t0);
      recommendation.pullEvents();
      expect(() => recommendation.takeDown(hr, reason, t1)).toThrow(
        /cannot take down a recommendation that was taken down/,
      );
      expect(recommendation.snapshot().takedown?.at).toBe(t0);
      expect(recommendation.pullEvents()).toEqual([]);
    });

    it('refuses to take down a withdrawn one, which shows nowhere already', () => {
      const recommendation = written();
      recommendation.withdraw(author, t0);
      expect(() => recommendation.takeDown(hr, reason, t1)).toThrow(RecommendationStateError);
    });

    it('lets neither the author nor the subject change it once taken down', () => {
      const recommendation = written();
      recommendation.takeDown(hr, reason, t0);
      expect(() => recommendation.accept(subject, t1)).toThrow(/taken down/);
      expect(() => recommendation.hide(subject, t1)).toThrow(/taken down/);
      expect(() => recommendation.requestRevision(subject, 'More detail, please.', t1)).toThrow(/taken down/);
      expect(() => recommendation.revise(author, text, 'coworker', [], t1)).toThrow(/taken down/);
      expect(() => recommendation.withdraw(author, t1)).toThrow(/taken down/);
    });

    it('needs a reason of 1 to 500 characters after trimming', () => {
      expect(() => TakedownReason.of('   ')).toThrow(InvalidTakedownReasonError);
      expect(() => TakedownReason.of('x'.repeat(501))).toThrow(/at most 500 characters \(this one has 501\)/);
      expect(TakedownReason.of(` ${'x'.repeat(500)} `).value).toHaveLength(500);
    });
  });

  describe('reciprocity', () => {
    const hr = 'hr-1';
    /** The subject's recommendation of the author, written after the author's: it returns the favour. */
    const writtenBack = (reciprocal = true) =>
      Recommendation.write({
        id: 'r2',
        authorId: subject,
        subjectId: author,
        relationship: 'coworker',
        text,
        verifiedBy: [],
        reciprocal,
        requestId: null,
        now: t1,
      });
    const earlier = () => {
      const recommendation = written();
      recommendation.accept(subject, t0);
      recommendation.pullEvents();
      return recommendation;
    };

    it('makes the earlier one reciprocal when the subject writes one back, recording RecommendationReciprocated', () => {
      const recommendation = earlier();

      recommendation.reciprocate(writtenBack(), t1);

      expect(recommendation.snapshot()).toMatchObject({
        reciprocal: true,
        status: 'accepted',
        updatedAt: t1,
      });
      expect(recommendation.pullEvents()).toEqual([
        {
          definition: RecommendationReciprocatedV1,
          subject: 'r1',
          data: {
            recommendationId: 'r1',
            authorId: author,
            subjectId: subject,
            relationship: 'coworker',
            verified: true,
            reciprocal: true,
            status: 'accepted',
            counterpartId: 'r2',
            reciprocatedAt: t1.toISOString(),
          },
        },
      ]);
    });

    it('is reciprocated only by the other direction of the pair, when that one is reciprocal', () => {
      const recommendation = earlier();
      const sameDirection = Recommendation.write({
        id: 'r3',
        authorId: author,
        subjectId: subject,
        relationship: 'coworker',
        text,
        verifiedBy: [],
        reciprocal: true,
        requestId: null,
        now: t1,
      });
      expect(() => recommendation.reciprocate(sameDirection, t1)).toThrow(/the other way/);
      expect(() => recommendation.reciprocate(writtenBack(false), t1)).toThrow(RecommendationStateError);
      expect(recommendation.snapshot().reciprocal).toBe(false);
      expect(recommendation.pullEvents()).toEqual([]);
    });

    it('cannot be reciprocated once withdrawn or taken down: it counts for no pair', () => {
      const withdrawn = earlier();
      withdrawn.withdraw(author, t1);
      expect(() => withdrawn.reciprocate(writtenBack(), t1)).toThrow(/withdrawn/);
      const takenDown = earlier();
      takenDown.takeDown(hr, TakedownReason.of('Off-topic.'), t1);
      expect(() => takenDown.reciprocate(writtenBack(), t1)).toThrow(/taken down/);
    });

    it.each([
      ['withdrawn', (back: Recommendation) => back.withdraw(subject, t1)],
      ['taken down', (back: Recommendation) => back.takeDown(hr, TakedownReason.of('Off-topic.'), t1)],
    ])(
      'is no longer reciprocal once the other one is %s, recording RecommendationReciprocityEnded',
      (_, end) => {
        const recommendation = earlier();
        const back = writtenBack();
        recommendation.reciprocate(back, t1);
        recommendation.pullEvents();

        end(back);
        recommendation.endReciprocity(back, t1);

        expect(recommendation.snapshot().reciprocal).toBe(false);
        expect(recommendation.pullEvents()).toEqual([
          {
            definition: RecommendationReciprocityEndedV1,
            subject: 'r1',
            data: expect.objectContaining({
              reciprocal: false,
              counterpartId: 'r2',
              endedAt: t1.toISOString(),
            }),
          },
        ]);
      },
    );

    it('ends only when the other one is gone, and only once', () => {
      const recommendation = earlier();
      const back = writtenBack();
      recommendation.reciprocate(back, t1);
      recommendation.pullEvents();

      expect(() => recommendation.endReciprocity(back, t1)).toThrow(/withdrawn or taken down/);
      back.withdraw(subject, t1);
      recommendation.endReciprocity(back, t1);
      recommendation.pullEvents();
      recommendation.endReciprocity(back, t1);
      expect(recommendation.pullEvents()).toEqual([]);
    });

    it('stays as it was on one that is gone itself', () => {
      const recommendation = earlier();
      const back = writtenBack();
      recommendation.reciprocate(back, t1);
      recommendation.takeDown(hr, TakedownReason.of('Off-topic.'), t1);
      recommendation.pullEvents();
      back.withdraw(subject, t1);

      recommendation.endReciprocity(back, t1);

      expect(recommendation.snapshot().reciprocal).toBe(true);
      expect(recommendation.pullEvents()).toEqual([]);
    });

    it('goes quietly with the erasure of its subject, whose recommendation of the author is deleted', () => {
      const recommendation = earlier();
      recommendation.reciprocate(writtenBack(), t1);
      recommendation.pullEvents();

      expect(recommendation.erase(subject)).toBe('keep');

      expect(recommendation.snapshot().reciprocal).toBe(false);
      expect(recommendation.pullEvents()).toEqual([]);
    });
  });
});
