import {
  RecommendationAcceptedV1,
  RecommendationGivenV1,
  RecommendationHiddenV1,
  RecommendationReciprocatedV1,
  RecommendationReciprocityEndedV1,
  RecommendationRevisedV1,
  RecommendationRevisionRequestedV1,
  RecommendationTakenDownV1,
  RecommendationWithdrawnV1,
  RecordedEvents,
  type ManagerSource,
  type RecommendationStatus,
  type RecordedEvent,
  type RecordsEvents,
  type Relationship,
} from '@vouch/contracts';
import { NotYourRecommendationError, RecommendationStateError } from './recommendation.errors';
import type { RecommendationText } from './recommendation-text';
import type { TakedownReason } from './takedown-reason';

/** One text of a recommendation; editing adds a revision and keeps the earlier ones. */
export interface Revision {
  number: number;
  text: string;
  relationship: Relationship;
  writtenAt: Date;
}

/** Who took a recommendation down, when and why: kept for the audit. */
export interface Takedown {
  by: string;
  reason: string;
  at: Date;
}

export interface RecommendationState {
  id: string;
  authorId: string;
  subjectId: string;
  relationship: Relationship;
  status: RecommendationStatus;
  /** Whether the org chart said the same relationship when the text was written. */
  verified: boolean;
  /** Who set the manager links that verified it (SCIM, CSV, an admin); empty when unverified. */
  verifiedBy: ManagerSource[];
  /**
   * The subject has a recommendation of the author too, neither of the two withdrawn nor taken
   * down: they recommended each other. Kept as it was on one that is withdrawn or taken down.
   */
  reciprocal: boolean;
  revisions: Revision[];
  /** What the subject asked to change, while a revision is requested. */
  revisionRequest: string | null;
  /** Set once HR or an admin took it down: then it shows to nobody but them, and nobody changes it. */
  takedown: Takedown | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A recommendation and the rules of its life: the author writes and revises it, the subject
 * decides whether it shows (accept), stays private (hide) or needs a change (request revision),
 * and the author may withdraw it at any time. HR or an admin may take down one that is not
 * withdrawn. Withdrawn and taken down are final. Two recommendations of a pair, one each way,
 * are reciprocal while neither is withdrawn or taken down. Each change records the event that
 * tells the other services.
 */
export class Recommendation implements RecordsEvents {
  private readonly events = new RecordedEvents();

  private constructor(private state: RecommendationState) {}

  static write(init: {
    id: string;
    authorId: string;
    subjectId: string;
    relationship: Relationship;
    text: RecommendationText;
    verifiedBy: ManagerSource[];
    reciprocal: boolean;
    /** The request it answers, if any. */
    requestId: string | null;
    now: Date;
  }): Recommendation {
    const recommendation = new Recommendation({
      id: init.id,
      authorId: init.authorId,
      subjectId: init.subjectId,
      relationship: init.relationship,
      status: 'pending',
      verified: init.verifiedBy.length > 0,
      verifiedBy: init.verifiedBy,
      reciprocal: init.reciprocal,
      revisions: [{ number: 1, text: init.text.value, relationship: init.relationship, writtenAt: init.now }],
      revisionRequest: null,
      takedown: null,
      createdAt: init.now,
      updatedAt: init.now,
    });
    const state = recommendation.state;
    recommendation.events.record(RecommendationGivenV1, {
      subject: state.id,
      data: {
        recommendationId: state.id,
        authorId: state.authorId,
        subjectId: state.subjectId,
        relationship: state.relationship,
        text: recommendation.text,
        verified: state.verified,
        reciprocal: state.reciprocal,
        status: state.status,
        requestId: init.requestId,
        givenAt: init.now.toISOString(),
      },
    });
    return recommendation;
  }

  static restore(state: RecommendationState): Recommendation {
    return new Recommendation(state);
  }

  pullEvents(): RecordedEvent[] {
    return this.events.pull();
  }

  snapshot(): RecommendationState {
    return { ...this.state, revisions: [...this.state.revisions] };
  }

  get id(): string {
    return this.state.id;
  }

  get text(): string {
    return this.latestRevision().text;
  }

  latestRevision(): Revision {
    const latest = this.state.revisions[this.state.revisions.length - 1];
    if (!latest) throw new RecommendationStateError('a recommendation always has a text');
    return latest;
  }

  /** The author changes the text (and maybe the relationship); the subject decides again. */
  revise(
    by: string,
    text: RecommendationText,
    relationship: Relationship,
    verifiedBy: ManagerSource[],
    now: Date,
  ): Revision {
    this.requireAuthor(by);
    this.requireNotTakenDown('revise');
    this.requireNotWithdrawn('revise');
    const revision = {
      number: this.latestRevision().number + 1,
      text: text.value,
      relationship,
      writtenAt: now,
    };
    this.state = {
      ...this.state,
      relationship,
      verified: verifiedBy.length > 0,
      verifiedBy,
      status: 'pending',
      revisionRequest: null,
      revisions: [...this.state.revisions, revision],
      updatedAt: now,
    };
    this.events.record(RecommendationRevisedV1, {
      subject: this.state.id,
      data: {
        ...this.eventFields(),
        text: revision.text,
        revision: revision.number,
        revisedAt: now.toISOString(),
      },
    });
    return revision;
  }

  accept(by: string, now: Date): void {
    this.requireSubject(by);
    this.requireNotTakenDown('accept');
    this.requireStatus(['pending', 'hidden', 'revision_requested'], 'accept');
    this.state = { ...this.state, status: 'accepted', updatedAt: now };
    this.events.record(RecommendationAcceptedV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), acceptedAt: now.toISOString() },
    });
  }

  hide(by: string, now: Date): void {
    this.requireSubject(by);
    this.requireNotTakenDown('hide');
    this.requireStatus(['pending', 'accepted', 'revision_requested'], 'hide');
    this.state = { ...this.state, status: 'hidden', updatedAt: now };
    this.events.record(RecommendationHiddenV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), hiddenAt: now.toISOString() },
    });
  }

  requestRevision(by: string, message: string, now: Date): void {
    this.requireSubject(by);
    this.requireNotTakenDown('ask for a revision of');
    this.requireStatus(['pending', 'accepted', 'hidden'], 'ask for a revision of');
    this.state = {
      ...this.state,
      status: 'revision_requested',
      revisionRequest: message.trim(),
      updatedAt: now,
    };
    this.events.record(RecommendationRevisionRequestedV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), message: message.trim(), requestedAt: now.toISOString() },
    });
  }

  withdraw(by: string, now: Date): void {
    this.requireAuthor(by);
    this.requireNotTakenDown('withdraw');
    this.requireNotWithdrawn('withdraw');
    this.state = { ...this.state, status: 'withdrawn', updatedAt: now };
    this.events.record(RecommendationWithdrawnV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), withdrawnAt: now.toISOString() },
    });
  }

  /**
   * The subject recommended the author in return (`later`, just written): this earlier one of the
   * pair becomes reciprocal too.
   */
  reciprocate(later: Recommendation, now: Date): void {
    this.requireCounterpart(later);
    this.requireNotTakenDown('reciprocate');
    this.requireNotWithdrawn('reciprocate');
    if (!later.state.reciprocal || later.isGone())
      throw new RecommendationStateError('only a reciprocal recommendation reciprocates another');
    if (this.state.reciprocal) return;
    this.state = { ...this.state, reciprocal: true, updatedAt: now };
    this.events.record(RecommendationReciprocatedV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), counterpartId: later.id, reciprocatedAt: now.toISOString() },
    });
  }

  /**
   * The other one of the pair (`gone`) was withdrawn or taken down: the two no longer recommend
   * each other. Nothing changes on one that was not reciprocal, or is gone itself.
   */
  endReciprocity(gone: Recommendation, now: Date): void {
    this.requireCounterpart(gone);
    if (!gone.isGone())
      throw new RecommendationStateError(
        'reciprocity ends only when the other one is withdrawn or taken down',
      );
    if (!this.state.reciprocal || this.isGone()) return;
    this.state = { ...this.state, reciprocal: false, updatedAt: now };
    this.events.record(RecommendationReciprocityEndedV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), counterpartId: gone.id, endedAt: now.toISOString() },
    });
  }

  /**
   * One of the two was erased. Written by them, the recommendation is their words and goes with
   * them: `delete`, and the subject's profile loses it. About them, the text stays its author's, to
   * see among what they gave (`keep`), while the subject's own words, the revision they asked for,
   * go, and so does its reciprocity: theirs of its author is deleted. Nothing is announced: an
   * event would carry the erased id on.
   */
  erase(employeeId: string): 'delete' | 'keep' {
    if (employeeId === this.state.authorId) return 'delete';
    this.requireSubject(employeeId);
    this.state = { ...this.state, revisionRequest: null, reciprocal: false };
    return 'keep';
  }

  /**
   * HR or an admin takes it down (whoever may do so is the caller's check): it keeps its status
   * and texts for the audit, and shows nowhere else from now on.
   */
  takeDown(by: string, reason: TakedownReason, now: Date): void {
    this.requireNotTakenDown('take down');
    this.requireNotWithdrawn('take down');
    this.state = { ...this.state, takedown: { by, reason: reason.value, at: now }, updatedAt: now };
    this.events.record(RecommendationTakenDownV1, {
      subject: this.state.id,
      data: {
        recommendationId: this.state.id,
        authorId: this.state.authorId,
        subjectId: this.state.subjectId,
        takenDownBy: by,
        reason: reason.value,
        takenDownAt: now.toISOString(),
      },
    });
  }

  get takenDown(): boolean {
    return this.state.takedown !== null;
  }

  /** Withdrawn or taken down: it counts for no pair any more. */
  isGone(): boolean {
    return this.takenDown || this.state.status === 'withdrawn';
  }

  /** The fields every recommendation event starts with: which one, and where it stands after it. */
  private eventFields(): {
    recommendationId: string;
    authorId: string;
    subjectId: string;
    relationship: Relationship;
    verified: boolean;
    reciprocal: boolean;
    status: RecommendationStatus;
  } {
    const { id, authorId, subjectId, relationship, verified, reciprocal, status } = this.state;
    return { recommendationId: id, authorId, subjectId, relationship, verified, reciprocal, status };
  }

  /** The other recommendation of the pair: the subject's of the author. */
  private requireCounterpart(other: Recommendation): void {
    if (other.state.authorId !== this.state.subjectId || other.state.subjectId !== this.state.authorId)
      throw new RecommendationStateError('the other recommendation of a pair goes the other way');
  }

  private requireAuthor(employeeId: string): void {
    if (employeeId !== this.state.authorId)
      throw new NotYourRecommendationError('only its author can do this');
  }

  private requireSubject(employeeId: string): void {
    if (employeeId !== this.state.subjectId)
      throw new NotYourRecommendationError('only the employee it is about can do this');
  }

  private requireNotTakenDown(action: string): void {
    if (this.state.takedown)
      throw new RecommendationStateError(`cannot ${action} a recommendation that was taken down`);
  }

  private requireNotWithdrawn(action: string): void {
    if (this.state.status === 'withdrawn')
      throw new RecommendationStateError(`cannot ${action} a withdrawn recommendation`);
  }

  private requireStatus(allowed: RecommendationStatus[], action: string): void {
    if (!allowed.includes(this.state.status)) {
      throw new RecommendationStateError(
        `cannot ${action} a recommendation that is ${this.state.status.replace('_', ' ')}`,
      );
    }
  }
}
