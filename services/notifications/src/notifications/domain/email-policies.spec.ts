import {
  ConnectionAcceptedPolicy,
  ConnectionRequestedPolicy,
  EXCERPT_LENGTH,
  InvitationPolicy,
  RecommendationTakenDownPolicy,
  RecommendationAcceptedPolicy,
  RecommendationGivenPolicy,
  RecommendationRequestedPolicy,
  RequestReminderPolicy,
  RevisionRequestedPolicy,
  type RecommendationGivenFacts,
} from './email-policies';

const given = (facts: Partial<RecommendationGivenFacts> = {}): RecommendationGivenFacts => ({
  recommendationId: 'r1',
  authorId: 'ana',
  subjectId: 'ben',
  text: 'Ana made every release calmer.',
  reciprocal: false,
  pairAlreadyNudged: false,
  ...facts,
});

describe('RecommendationGivenPolicy', () => {
  const policy = new RecommendationGivenPolicy();

  it('nudges the subject to write one back the first time an author recommends them', () => {
    expect(policy.plan(given())).toMatchObject({
      template: 'reciprocity-nudge',
      category: 'reciprocity',
      recipientId: 'ben',
      counterpartId: 'ana',
    });
  });

  it('tells without nudging when the pair was already nudged once', () => {
    expect(policy.plan(given({ pairAlreadyNudged: true })).template).toBe('recommendation-received');
  });

  it('files every "… recommended you" email under reciprocity, so one switch or link stops them all', () => {
    const variants = [given(), given({ pairAlreadyNudged: true }), given({ reciprocal: true })].map((facts) =>
      policy.plan(facts),
    );
    expect(variants.map((email) => [email.template, email.category])).toEqual([
      ['reciprocity-nudge', 'reciprocity'],
      ['recommendation-received', 'reciprocity'],
      ['favour-returned', 'reciprocity'],
    ]);
  });

  it('thanks a reciprocal recommendation as a returned favour, never with a nudge', () => {
    expect(policy.plan(given({ reciprocal: true })).template).toBe('favour-returned');
  });

  it('shows a shortened excerpt of a long text', () => {
    const excerpt = policy.plan(given({ text: 'x'.repeat(3000) })).details['excerpt'];
    expect(typeof excerpt === 'string' && excerpt.length).toBe(EXCERPT_LENGTH);
  });
});

describe('the other policies', () => {
  it('asks the recipient of a request, saying whether the requester already recommended them', () => {
    expect(
      new RecommendationRequestedPolicy().plan({
        requestId: 'q1',
        requesterId: 'ana',
        recipientId: 'ben',
        relationship: 'coworker',
        message: 'Would you?',
        requesterRecommendedRecipient: true,
      }),
    ).toMatchObject({
      template: 'recommendation-requested',
      category: 'recommendation_requests',
      recipientId: 'ben',
      details: { alreadyRecommended: true, message: 'Would you?' },
    });
  });

  it('writes to the addressee of a connection request and to the requester once accepted', () => {
    const connection = { connectionId: 'c1', requesterId: 'ana', addresseeId: 'ben' };
    expect(new ConnectionRequestedPolicy().plan({ ...connection, message: null }).recipientId).toBe('ben');
    expect(new ConnectionAcceptedPolicy().plan(connection)).toMatchObject({
      recipientId: 'ana',
      counterpartId: 'ben',
      category: 'connection_updates',
    });
  });

  it('writes to the author when a recommendation is accepted or a revision is asked', () => {
    const recommendation = { recommendationId: 'r1', authorId: 'ana', subjectId: 'ben' };
    expect(new RecommendationAcceptedPolicy().plan(recommendation).recipientId).toBe('ana');
    expect(new RevisionRequestedPolicy().plan({ ...recommendation, message: 'Fix my title' })).toMatchObject({
      recipientId: 'ana',
      template: 'revision-requested',
      details: { message: 'Fix my title' },
    });
  });

  it('reminds the recipient of a pending request, in the reminders category', () => {
    expect(
      new RequestReminderPolicy().plan({
        requestId: 'q1',
        requesterId: 'ana',
        recipientId: 'ben',
        relationship: 'coworker',
        message: null,
      }),
    ).toMatchObject({
      template: 'request-reminder',
      category: 'reminders',
      recipientId: 'ben',
      counterpartId: 'ana',
    });
  });
});

describe('the invitation email', () => {
  it('goes to the invited employee, transactional, with the invitation and its expiry but no token', () => {
    const email = new InvitationPolicy().plan({
      invitationId: 'invitation-1',
      employeeId: 'rui',
      expiresAt: '2026-12-20T10:00:00.000Z',
    });
    expect(email).toEqual({
      template: 'invitation',
      category: 'transactional',
      recipientId: 'rui',
      details: {
        invitationId: 'invitation-1',
        expiresAt: '2026-12-20T10:00:00.000Z',
      },
    });
  });
});

describe('the takedown emails', () => {
  it('go to the author and to the subject, transactional, each about the other, with the reason', () => {
    const emails = new RecommendationTakenDownPolicy().plan({
      recommendationId: 'r1',
      authorId: 'ben',
      subjectId: 'ana',
      reason: 'It names a colleague who asked not to be named.',
    });
    const reason = 'It names a colleague who asked not to be named.';
    expect(emails).toEqual([
      {
        template: 'recommendation-taken-down',
        category: 'transactional',
        recipientId: 'ben',
        counterpartId: 'ana',
        details: { recommendationId: 'r1', reason, toAuthor: true },
      },
      {
        template: 'recommendation-taken-down',
        category: 'transactional',
        recipientId: 'ana',
        counterpartId: 'ben',
        details: { recommendationId: 'r1', reason, toAuthor: false },
      },
    ]);
  });
});
