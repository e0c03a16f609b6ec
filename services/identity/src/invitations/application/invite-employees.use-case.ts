import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../audit/domain/audit-entry';
import type { Employee } from '../../employees/domain/employee';
import { EmployeeNotFoundError } from '../../employees/domain/employee.errors';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { Invitation, reasonNotToInvite } from '../domain/invitation';
import { InvitationRepository } from '../infrastructure/invitation.repository';
import { INVITATION_SETTINGS, type InvitationSettings } from './invitation-settings';

/**
 * Invites employees without a password to set up their sign-in: a new invitation each, replacing any
 * earlier open one, announced as `EmployeeInvited` (notifications emails the link). Writes in the
 * caller's unit of work, so an import that creates people invites them atomically with it.
 */
@Injectable()
export class InviteEmployees {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly invitations: InvitationRepository,
    @Inject(INVITATION_SETTINGS) private readonly settings: InvitationSettings,
  ) {}

  /**
   * Invites those of `employeeIds` who are active and have no password; the others (deactivated,
   * with a password, unknown) are skipped, not an error. Locks the employees until the caller's
   * unit of work ends.
   */
  async invite(employeeIds: readonly string[], actor: Actor, at: Date): Promise<void> {
    const candidates = await this.employees.lockWithPasswordState(employeeIds);
    const invitees = candidates
      .filter(
        ({ employee, hasPassword }) =>
          reasonNotToInvite({ id: employee.id, active: employee.isActive, hasPassword }) === null,
      )
      .map(({ employee }) => employee);
    await this.issue(invitees, actor, at);
  }

  /** Invites one employee, again if need be; refuses one who is deactivated or has a password. */
  async inviteOne(employeeId: string, actor: Actor, at: Date): Promise<Invitation> {
    const [candidate] = await this.employees.lockWithPasswordState([employeeId]);
    if (!candidate) throw new EmployeeNotFoundError(employeeId);
    const { employee, hasPassword } = candidate;
    const refusal = reasonNotToInvite({ id: employee.id, active: employee.isActive, hasPassword });
    if (refusal) throw refusal;
    const [invitation] = await this.issue([employee], actor, at);
    if (!invitation) throw new Error(`no invitation was issued to ${employeeId}`);
    return invitation;
  }

  private async issue(invitees: readonly Employee[], actor: Actor, at: Date): Promise<Invitation[]> {
    await this.invitations.supersedeOpen(
      invitees.map((employee) => employee.id),
      at,
    );
    const issued = invitees.map((employee) => {
      const { email, name } = employee.snapshot();
      return Invitation.issue({
        id: randomUUID(),
        employeeId: employee.id,
        invitee: { email, name },
        invitedBy: actor,
        at,
        ttlDays: this.settings.ttlDays,
      });
    });
    await this.invitations.add(issued);
    return issued;
  }
}
