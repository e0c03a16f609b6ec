import type { EmailCategory } from '@vouch/contracts';
import type { TRANSACTIONAL } from './email-category';

/** The templates this service renders; names are public (EmailSent/EmailFailed carry them). */
export type EmailTemplate =
  | 'reciprocity-nudge'
  | 'recommendation-received'
  | 'favour-returned'
  | 'recommendation-requested'
  | 'connection-requested'
  | 'connection-accepted'
  | 'recommendation-accepted'
  | 'revision-requested'
  | 'request-reminder'
  /** Transactional: the invitation to set up one's sign-in, with its link. */
  | 'invitation'
  /** Transactional: HR took a recommendation down; to its author and its subject, with the reason. */
  | 'recommendation-taken-down'
  /** The day's held emails in one, for those who chose the digest or went past the daily cap. */
  | 'daily-digest';

/** One email an event causes: to whom, of which kind, and about whom (the other person named in it). */
export interface PlannedEmail {
  template: EmailTemplate;
  category: EmailCategory;
  recipientId: string;
  counterpartId: string;
  /** What the template shows besides the two people's names: ids for links, user text. */
  details: Record<string, string | boolean | null>;
}

export interface RecommendationGivenFacts {
  recommendationId: string;
  authorId: string;
  subjectId: string;
  text: string;
  reciprocal: boolean;
  /** Whether this author was ever nudged about this subject (the reciprocity ledger). */
  pairAlreadyNudged: boolean;
}

/** A transactional email: about nobody else, outside the cap, the digest and every switch. */
export interface TransactionalEmail {
  template: 'invitation';
  category: typeof TRANSACTIONAL;
  recipientId: string;
  details: Record<string, string | boolean | null>;
}

/**
 * Someone imported or provisioned without a password is invited to set up their sign-in. The link's
 * token is not planned: it is made when the email is sent, so no stored row ever holds it.
 */
export class InvitationPolicy {
  plan(facts: {
    invitationId: string;
    employeeId: string;
    /** When the link stops working: the email shows it in the reader's language and time zone. */
    expiresAt: string;
  }): TransactionalEmail {
    return {
      template: 'invitation',
      category: 'transactional',
      recipientId: facts.employeeId,
      details: { invitationId: facts.invitationId, expiresAt: facts.expiresAt },
    };
  }
}

/** A transactional email about another person: the two sides of a recommendation taken down. */
export interface TakedownEmail {
  template: 'recommendation-taken-down';
  category: typeof TRANSACTIONAL;
  recipientId: string;
  counterpartId: string;
  details: { recommendationId: string; reason: string; toAuthor: boolean };
}

/**
 * HR or an admin took a recommendation down: its author and its subject are both told, with the
 * reason. A service email, so transactional: it is about their own words and their own profile, and
 * comes at most once per recommendation, so no switch of theirs turns it off; it is never held for
 * the digest nor counted against the cap. Only a deactivation withholds it. Who took it down is not
 * named: the decision is HR's, not one person's.
 */
export class RecommendationTakenDownPolicy {
  plan(facts: {
    recommendationId: string;
    authorId: string;
    subjectId: string;
    reason: string;
  }): TakedownEmail[] {
    const email = (recipientId: string, counterpartId: string, toAuthor: boolean): TakedownEmail => ({
      template: 'recommendation-taken-down',
      category: 'transactional',
      recipientId,
      counterpartId,
      details: { recommendationId: facts.recommendationId, reason: facts.reason, toAuthor },
    });
    return [email(facts.authorId, facts.subjectId, true), email(facts.subjectId, facts.authorId, false)];
  }
}

/** How long an excerpt of a recommendation an email shows. */
export const EXCERPT_LENGTH = 280;

export function excerpt(text: string): string {
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/**
 * The subject hears of a new recommendation. The nudge to write one back goes out once per
 * (author, subject) pair, ever: a withdrawn and rewritten recommendation, or a reciprocal one, never
 * nudges. A reciprocal one is thanked as a returned favour. To the subject all three are one kind of
 * email, "… recommended you", so all three are filed under `reciprocity`: switching it off, or the
 * one-click unsubscribe of any of them, stops every variant.
 */
export class RecommendationGivenPolicy {
  plan(facts: RecommendationGivenFacts): PlannedEmail {
    const details = { recommendationId: facts.recommendationId, excerpt: excerpt(facts.text) };
    const base = {
      recipientId: facts.subjectId,
      counterpartId: facts.authorId,
      details,
      category: 'reciprocity' as const,
    };
    if (facts.reciprocal) return { ...base, template: 'favour-returned' };
    if (facts.pairAlreadyNudged) return { ...base, template: 'recommendation-received' };
    return { ...base, template: 'reciprocity-nudge' };
  }
}

/** The recipient is asked for a recommendation, and told if the requester already wrote them one. */
export class RecommendationRequestedPolicy {
  plan(facts: {
    requestId: string;
    requesterId: string;
    recipientId: string;
    relationship: string;
    message: string | null;
    requesterRecommendedRecipient: boolean;
  }): PlannedEmail {
    return {
      template: 'recommendation-requested',
      category: 'recommendation_requests',
      recipientId: facts.recipientId,
      counterpartId: facts.requesterId,
      details: {
        requestId: facts.requestId,
        relationship: facts.relationship,
        message: facts.message,
        alreadyRecommended: facts.requesterRecommendedRecipient,
      },
    };
  }
}

/** The addressee is asked to connect. */
export class ConnectionRequestedPolicy {
  plan(facts: {
    connectionId: string;
    requesterId: string;
    addresseeId: string;
    message: string | null;
  }): PlannedEmail {
    return {
      template: 'connection-requested',
      category: 'connection_requests',
      recipientId: facts.addresseeId,
      counterpartId: facts.requesterId,
      details: { connectionId: facts.connectionId, message: facts.message },
    };
  }
}

/** The requester is now connected, and invited to give first: the surest way to receive one. */
export class ConnectionAcceptedPolicy {
  plan(facts: { connectionId: string; requesterId: string; addresseeId: string }): PlannedEmail {
    return {
      template: 'connection-accepted',
      category: 'connection_updates',
      recipientId: facts.requesterId,
      counterpartId: facts.addresseeId,
      details: { connectionId: facts.connectionId },
    };
  }
}

/** The author hears that their recommendation is on the subject's profile. */
export class RecommendationAcceptedPolicy {
  plan(facts: { recommendationId: string; authorId: string; subjectId: string }): PlannedEmail {
    return {
      template: 'recommendation-accepted',
      category: 'recommendation_updates',
      recipientId: facts.authorId,
      counterpartId: facts.subjectId,
      details: { recommendationId: facts.recommendationId },
    };
  }
}

/** The author hears what the subject would like changed. */
export class RevisionRequestedPolicy {
  plan(facts: {
    recommendationId: string;
    authorId: string;
    subjectId: string;
    message: string;
  }): PlannedEmail {
    return {
      template: 'revision-requested',
      category: 'recommendation_updates',
      recipientId: facts.authorId,
      counterpartId: facts.subjectId,
      details: { recommendationId: facts.recommendationId, message: facts.message },
    };
  }
}

/** One gentle reminder to the recipient of a request still pending after REMINDER_AFTER. */
export class RequestReminderPolicy {
  plan(facts: {
    requestId: string;
    requesterId: string;
    recipientId: string;
    relationship: string;
    message: string | null;
  }): PlannedEmail {
    return {
      template: 'request-reminder',
      category: 'reminders',
      recipientId: facts.recipientId,
      counterpartId: facts.requesterId,
      details: { requestId: facts.requestId, relationship: facts.relationship, message: facts.message },
    };
  }
}
