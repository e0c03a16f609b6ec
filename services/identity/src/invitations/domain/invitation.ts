import { EmployeeInvitedV1, RecordedEvents, type RecordedEvent } from '@vouch/contracts';
import type { Actor } from '../../audit/domain/audit-entry';
import {
  InvitationAlreadyAcceptedError,
  InvitationExpiredError,
  InviteeDeactivatedError,
  PasswordAlreadySetError,
} from './invitation.errors';

const DAY_MS = 86_400_000;

export interface InvitationState {
  id: string;
  employeeId: string;
  invitedAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  /** When a newer invitation of the same employee replaced this one. */
  supersededAt: Date | null;
  invitedBy: Actor;
}

/** What decides whether someone may be invited to set up their sign-in. */
export interface Invitee {
  id: string;
  active: boolean;
  hasPassword: boolean;
}

/** Why an employee is not invited, or null when they may be: only active ones without a password. */
export function reasonNotToInvite(
  invitee: Invitee,
): InviteeDeactivatedError | PasswordAlreadySetError | null {
  if (!invitee.active) return new InviteeDeactivatedError(invitee.id);
  if (invitee.hasPassword) return new PasswordAlreadySetError(invitee.id);
  return null;
}

/**
 * An invitation to set up one's sign-in: its link sets the employee's first password, once, until it
 * expires or a newer invitation replaces it. Issuing one records `EmployeeInvited` (notifications
 * emails the link).
 */
export class Invitation {
  private readonly events = new RecordedEvents();

  private constructor(private state: InvitationState) {}

  /** `invitee`: the address and name the invitation's email goes to. */
  static issue(init: {
    id: string;
    employeeId: string;
    invitee: { email: string; name: string };
    invitedBy: Actor;
    at: Date;
    ttlDays: number;
  }): Invitation {
    const invitation = new Invitation({
      id: init.id,
      employeeId: init.employeeId,
      invitedAt: init.at,
      expiresAt: new Date(init.at.getTime() + init.ttlDays * DAY_MS),
      acceptedAt: null,
      supersededAt: null,
      invitedBy: init.invitedBy,
    });
    const { id, employeeId, invitedAt, expiresAt } = invitation.state;
    invitation.events.record(EmployeeInvitedV1, {
      subject: employeeId,
      data: {
        invitationId: id,
        employeeId,
        email: init.invitee.email,
        name: init.invitee.name,
        invitedAt: invitedAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
      },
    });
    return invitation;
  }

  static restore(state: InvitationState): Invitation {
    return new Invitation({ ...state });
  }

  /** The events recorded since it was issued or loaded, for its repository to save with it. */
  pullEvents(): RecordedEvent[] {
    return this.events.pull();
  }

  snapshot(): Readonly<InvitationState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  /** Neither accepted nor replaced: the one invitation of its employee that a new one replaces. */
  get isOpen(): boolean {
    return this.state.acceptedAt === null && this.state.supersededAt === null;
  }

  /** Replaced by a newer invitation: its link stops working. Only an open invitation is replaced. */
  supersede(at: Date): void {
    if (this.isOpen) this.state = { ...this.state, supersededAt: at };
  }

  /**
   * Uses the link: once, before it expires, while it is the employee's latest invitation. Refuses
   * in that order, so a link used once says so even after it would have expired.
   */
  accept(at: Date): void {
    if (this.state.acceptedAt !== null) throw new InvitationAlreadyAcceptedError();
    if (this.state.supersededAt !== null) throw new InvitationExpiredError('superseded');
    if (at.getTime() >= this.state.expiresAt.getTime()) throw new InvitationExpiredError('expired');
    this.state = { ...this.state, acceptedAt: at };
  }
}
