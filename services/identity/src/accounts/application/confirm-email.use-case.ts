import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { AuthenticatedEmployee } from '@vouch/auth';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { RegisterEmployee } from '../../employees/application/register-employee.use-case';
import type { Employee } from '../../employees/domain/employee';
import { rolesOf } from '../../employees/domain/roles';
import { EmailProofRepository } from '../../employees/infrastructure/email-proof.repository';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { assertLinkUsable, linkTokenHash } from '../domain/account-link';
import { AccountLinkNotValidError, PasswordSignInDisabledError } from '../domain/account.errors';
import { PendingRegistrationRepository } from '../infrastructure/pending-registration.repository';

/**
 * The link of a "Confirm your email" email, used (by the portal page's button: a POST, never the
 * GET a mail scanner makes): the sign-up becomes an employee, with the password chosen at sign-up,
 * and signs in, as a login would (the caller starts the session). The address's other sign-ups lapse.
 */
@Injectable()
export class ConfirmEmail {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly registrations: PendingRegistrationRepository,
    private readonly registerEmployee: RegisterEmployee,
    private readonly emailProofs: EmailProofRepository,
    @Inject(IDENTITY_SETTINGS) private readonly identitySettings: IdentitySettings,
  ) {}

  async execute(command: {
    token: string;
  }): Promise<{ employee: Employee; signedIn: AuthenticatedEmployee }> {
    if (!this.identitySettings.passwordSignIn) throw new PasswordSignInDisabledError();
    const employee = await this.unitOfWork.run(async () => {
      const registration = await this.registrations.lockByTokenHash(linkTokenHash(command.token));
      assertLinkUsable(registration && { expiresAt: registration.expiresAt, usedAt: null }, new Date());
      if (!registration) throw new AccountLinkNotValidError();
      // Provisioned by the company (SCIM, CSV) since: that account is theirs, not this sign-up's.
      if (await this.employees.findByEmail(registration.email)) throw new AccountLinkNotValidError();
      const registered = await this.registerEmployee.execute({
        email: registration.email,
        passwordHash: registration.passwordHash,
        name: registration.name,
        title: registration.title,
      });
      await this.registrations.deleteAllFor(registration.email);
      // What lets ADMIN_EMAILS name them an admin, now and at later logins.
      await this.emailProofs.record({
        employeeId: registered.id,
        email: registration.email,
        by: 'email_confirmation',
        at: new Date(),
      });
      return registered;
    });
    const email = employee.snapshot().email;
    const signedIn: AuthenticatedEmployee = {
      id: employee.id,
      email,
      roles: rolesOf({
        email,
        adminEmails: this.identitySettings.adminEmails,
        // The link of the "Confirm your email" email was followed: the address is theirs.
        emailProven: true,
        // The provider names group members by their id, which nobody knew before now.
        inAdminGroup: false,
        inHrGroup: false,
      }),
    };
    return { employee, signedIn };
  }
}
