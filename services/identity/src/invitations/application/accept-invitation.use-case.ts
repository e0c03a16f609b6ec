import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { isInvitationToken, type AuthenticatedEmployee } from '@vouch/auth';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { EmployeeDeactivatedError } from '../../employees/domain/employee.errors';
import { rolesOf } from '../../employees/domain/roles';
import { RoleGroupRepository } from '../../employees/infrastructure/role-group.repository';
import { EmailProofRepository } from '../../employees/infrastructure/email-proof.repository';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { PasswordHasher } from '../../employees/infrastructure/password-hasher';
import { InvalidInvitationError, PasswordAlreadySetError } from '../domain/invitation.errors';
import { InvitationRepository } from '../infrastructure/invitation.repository';
import { INVITATION_SETTINGS, type InvitationSettings } from './invitation-settings';

export interface AcceptInvitationCommand {
  invitationId: string;
  token: string;
  password: string;
}

/**
 * The invited employee sets their first password with the link's token, and is signed in: the same
 * answer as a login. The link works once, before it expires, while it is their latest invitation.
 */
@Injectable()
export class AcceptInvitation {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly invitations: InvitationRepository,
    private readonly employees: EmployeeRepository,
    private readonly roleGroups: RoleGroupRepository,
    private readonly emailProofs: EmailProofRepository,
    private readonly hasher: PasswordHasher,
    @Inject(INVITATION_SETTINGS) private readonly settings: InvitationSettings,
    @Inject(IDENTITY_SETTINGS) private readonly identitySettings: IdentitySettings,
  ) {}

  /**
   * Who signed in, with their roles: the caller starts their session (sessions' StartSession), the
   * address proven by the followed link.
   */
  async execute(command: AcceptInvitationCommand): Promise<AuthenticatedEmployee> {
    // Checked before anything costs: a forged link never reaches the database or the hasher.
    if (!isInvitationToken(this.settings.secret, command.invitationId, command.token))
      throw new InvalidInvitationError();
    const passwordHash = await this.hasher.hashOf(command.password);
    const employee = await this.unitOfWork.run(async () => {
      const invitation = await this.invitations.lockById(command.invitationId);
      if (!invitation) throw new InvalidInvitationError();
      const [invitee] = await this.employees.lockWithPasswordState([invitation.snapshot().employeeId]);
      if (!invitee) throw new InvalidInvitationError();
      const at = new Date();
      invitation.accept(at);
      if (!invitee.employee.isActive) throw new EmployeeDeactivatedError();
      if (invitee.hasPassword) throw new PasswordAlreadySetError(invitee.employee.id);
      await this.employees.setPasswordHash(invitee.employee.id, passwordHash);
      await this.invitations.save(invitation);
      // The link was emailed to their address: following it proves the address theirs.
      await this.emailProofs.record({
        employeeId: invitee.employee.id,
        email: invitee.employee.snapshot().email,
        by: 'invitation',
        at,
      });
      return invitee.employee;
    });
    const email = employee.snapshot().email;
    const held = await this.roleGroups.heldBy(employee.id);
    return {
      id: employee.id,
      email,
      roles: rolesOf({
        email,
        adminEmails: this.identitySettings.adminEmails,
        // The invitation's link was emailed to the address: following it proves the address theirs.
        emailProven: true,
        inAdminGroup: held.admin,
        inHrGroup: held.hr,
      }),
    };
  }
}
