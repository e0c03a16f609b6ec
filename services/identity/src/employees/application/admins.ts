import { Inject, Injectable } from '@nestjs/common';
import { RefreshTokenRepository } from '../../sessions/infrastructure/refresh-token.repository';
import { rolesOf } from '../domain/roles';
import { EmailProofRepository } from '../infrastructure/email-proof.repository';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { RoleGroupRepository } from '../infrastructure/role-group.repository';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';

/**
 * Who is an admin now, outside a sign-in: as a sign-in would decide it (rolesOf), from the company's
 * admin group (SCIM), an admin's grant, ADMIN_EMAILS with a proven address, or the identity
 * provider's admin group (OIDC_ADMIN_GROUP) at a single sign-on whose session identity still keeps.
 */
@Injectable()
export class Admins {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly roleGroups: RoleGroupRepository,
    private readonly emailProofs: EmailProofRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async isAdmin(employeeId: string): Promise<boolean> {
    const held = await this.roleGroups.heldBy(employeeId);
    if (held.admin || (await this.refreshTokens.signedInFromIdpAdminGroup(employeeId))) return true;
    const employee = await this.employees.findById(employeeId);
    if (!employee) return false;
    const { email } = employee.snapshot();
    return rolesOf({
      email,
      adminEmails: this.settings.adminEmails,
      emailProven: await this.emailProofs.isProven(employeeId, email),
      inAdminGroup: false,
      inHrGroup: false,
    }).includes('admin');
  }
}
