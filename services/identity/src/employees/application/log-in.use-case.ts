import { Inject, Injectable } from '@nestjs/common';
import { TokenIssuer } from '@vouch/auth';
import { normaliseEmail } from '../domain/email-address';
import { InvalidCredentialsError, TooManyLoginAttemptsError } from '../domain/employee.errors';
import { rolesOf } from '../domain/roles';
import { AdminGroupRepository } from '../infrastructure/admin-group.repository';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { LoginThrottle } from '../infrastructure/login-throttle';
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
    private readonly adminGroup: AdminGroupRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenIssuer,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async execute(command: LogInCommand): Promise<{ accessToken: string; expiresIn: number }> {
    const email = normaliseEmail(command.email);
    const wait = await this.throttle.admit(email, command.address);
    if (wait !== undefined) throw new TooManyLoginAttemptsError(wait);
    const credentials = await this.employees.credentialsOf(email);
    // The hash is checked even for an unknown email or one without a password (provisioned over
    // SCIM), so the answer takes as long either way; the decoy it checks against never lets one in.
    const passwordHash = credentials?.passwordHash ?? undefined;
    const matches = await this.hasher.matches(passwordHash, command.password);
    if (!credentials || passwordHash === undefined || !matches || !credentials.employee.isActive)
      throw new InvalidCredentialsError();
    await this.throttle.succeeded(email);
    return this.tokens.issue({
      id: credentials.employee.id,
      email,
      roles: rolesOf({
        email,
        adminEmails: this.settings.adminEmails,
        inAdminGroup: await this.adminGroup.includes(credentials.employee.id),
      }),
    });
  }
}
