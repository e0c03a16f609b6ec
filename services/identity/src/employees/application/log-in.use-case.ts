import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedEmployee } from '@vouch/auth';
import { LoginLimiter } from '../../abuse/application/login-limiter';
import { EmailNotConfirmedError, PasswordSignInDisabledError } from '../../accounts/domain/account.errors';
import { PendingRegistrationRepository } from '../../accounts/infrastructure/pending-registration.repository';
import { normaliseEmail } from '../domain/email-address';
import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../domain/employee.errors';
import { rolesOf } from '../domain/roles';
import { RoleGroupRepository } from '../infrastructure/role-group.repository';
import { EmailProofRepository } from '../infrastructure/email-proof.repository';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { PasswordHasher } from '../infrastructure/password-hasher';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity-settings';

export interface LogInCommand {
  email: string;
  password: string;
  /** The client's address, as far as trusted proxies tell it. */
  address: string;
}

@Injectable()
export class LogIn {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly roleGroups: RoleGroupRepository,
    private readonly emailProofs: EmailProofRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginLimiter,
    private readonly pendingRegistrations: PendingRegistrationRepository,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  /** Who signed in, with their roles: the caller starts their session (sessions' StartSession). */
  async execute(command: LogInCommand): Promise<AuthenticatedEmployee> {
    if (!this.settings.passwordSignIn) throw new PasswordSignInDisabledError();
    const email = normaliseEmail(command.email);
    // Counted as a failure before the costly hash, until it succeeds: see LoginLimiter.
    const wait = await this.limiter.admit(email, command.address);
    if (wait !== undefined) throw new TooManyLoginAttemptsError(wait);
    const credentials = await this.employees.credentialsOf(email);
    // The hash is checked even for an unknown email or one without a password (provisioned over
    // SCIM), so the answer takes as long either way; the decoy it checks against never lets one in.
    // A sign-up waiting for its address to be confirmed is checked against its password (the latest's).
    const waiting = credentials ? undefined : await this.pendingRegistrations.latestFor(email);
    const passwordHash = credentials?.passwordHash ?? waiting?.passwordHash ?? undefined;
    const matches = await this.hasher.matches(passwordHash, command.password);
    // Said only to whoever knows the password: to anyone else it is a wrong password, as for no account.
    if (waiting && matches) throw new EmailNotConfirmedError();
    if (!credentials || passwordHash === undefined || !matches || !credentials.employee.isActive)
      throw new InvalidCredentialsError();
    await this.limiter.succeeded(email, command.address);
    const held = await this.roleGroups.heldBy(credentials.employee.id);
    return {
      id: credentials.employee.id,
      email,
      roles: rolesOf({
        email,
        adminEmails: this.settings.adminEmails,
        // A password proves nothing about the address; the link of an email sent to it does, once
        // followed (ConfirmEmail, AcceptInvitation), and so does the company's IdP (single sign-on).
        emailProven: await this.emailProofs.isProven(credentials.employee.id, email),
        inAdminGroup: held.admin,
        inHrGroup: held.hr,
      }),
    };
  }
}
