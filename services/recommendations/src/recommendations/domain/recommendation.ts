import type { ManagerSource, RecommendationStatus, Relationship } from '@vouch/contracts';
import { NotYourRecommendationError, RecommendationStateError } from './recommendation-errors';
import type { RecommendationText } from './recommendation-text';

/** One text of a recommendation; editing adds a revision and keeps the earlier ones. */
export interface Revision {
  number: number;
  text: string;
  relationship: Relationship;
  writtenAt: Date;
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
  reciprocal: boolean;
  revisions: Revision[];
  /** What the subject asked to change, while a revision is requested. */
  revisionRequest: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A recommendation and the rules of its life: the author writes and revises it, the subject
 * decides whether it shows (accept), stays private (hide) or needs a change (request revision),
 * and the author may withdraw it at any time. Withdrawn is final.
 */
export class Recommendation {
  private constructor(private state: RecommendationState) {}

  static write(init: {
    id: string;
    authorId: string;
    subjectId: string;
    relationship: Relationship;
    text: RecommendationText;
    verifiedBy: ManagerSource[];
    reciprocal: boolean;
    now: Date;
  }): Recommendation {
    return new Recommendation({
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
      createdAt: init.now,
      updatedAt: init.now,
    });
  }

  static restore(state: RecommendationState): Recommendation {
    return new Recommendation(state);
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
    return revision;
  }

  accept(by: string, now: Date): void {
    this.requireSubject(by);
    this.requireStatus(['pending', 'hidden', 'revision_requested'], 'accept');
    this.state = { ...this.state, status: 'accepted', updatedAt: now };
  }

  hide(by: string, now: Date): void {
    this.requireSubject(by);
    this.requireStatus(['pending', 'accepted', 'revision_requested'], 'hide');
    this.state = { ...this.state, status: 'hidden', updatedAt: now };
  }

  requestRevision(by: string, message: string, now: Date): void {
    this.requireSubject(by);
    this.requireStatus(['pending', 'accepted', 'hidden'], 'ask for a revision of');
    this.state = {
      ...this.state,
      status: 'revision_requested',
      revisionRequest: message.trim(),
      updatedAt: now,
    };
  }

  withdraw(by: string, now: Date): void {
    this.requireAuthor(by);
    this.requireNotWithdrawn('withdraw');
    this.state = { ...this.state, status: 'withdrawn', updatedAt: now };
  }

  private requireAuthor(employeeId: string): void {
    if (employeeId !== this.state.authorId)
      throw new NotYourRecommendationError('only its author can do this');
  }

  private requireSubject(employeeId: string): void {
    if (employeeId !== this.state.subjectId)
      throw new NotYourRecommendationError('only the employee it is about can do this');
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
