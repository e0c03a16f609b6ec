import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { LoginLimiter } from '../../abuse/application/login-limiter';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { EmailProofRepository } from '../../employees/infrastructure/email-proof.repository';
import { PasswordHasher } from '../../employees/infrastructure/password-hasher';
import { RevokeSessions } from '../../sessions/application/revoke-sessions';
import { assertLinkUsable, linkTokenHash } from '../domain/account-link';
import { AccountLinkNotValidError, PasswordSignInDisabledError } from '../domain/account.errors';
import { AccountMailer, recipientOf } from '../infrastructure/account-mailer';
import { PasswordResetRepository } from '../infrastructure/password-reset.repository';

/**
 * The link of a "Reset your password" email, used with a new password: it works once, before it
 * expires. Every session of the employee ends with the old password, and a "Your password was
 * changed" email tells them.
 */
@Injectable()
export class ResetPassword {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly resets: PasswordResetRepository,
    private readonly hasher: PasswordHasher,
    private readonly mailer: AccountMailer,
    private readonly emailProofs: EmailProofRepository,
    private readonly revokeSessions: RevokeSessions,
    private readonly loginLimiter: LoginLimiter,
    @Inject(IDENTITY_SETTINGS) private readonly identitySettings: IdentitySettings,
  ) {}

  async execute(command: { token: string; password: string }): Promise<void> {
    if (!this.identitySettings.passwordSignIn) throw new PasswordSignInDisabledError();
    const tokenHash = linkTokenHash(command.token);
    // Checked before the costly hash, so a made-up link costs us one lookup; checked again, locked, below.
    assertLinkUsable(await this.resets.findByTokenHash(tokenHash), new Date());
    const passwordHash = await this.hasher.hashOf(command.password);
    const at = new Date();
    const employee = await this.unitOfWork.run(async () => {
      const reset = await this.resets.lockByTokenHash(tokenHash);
      assertLinkUsable(reset, at);
      if (!reset) throw new AccountLinkNotValidError();
      const [target] = await this.employees.lockWithPasswordState([reset.employeeId]);
      // A link sent to an address the employee no longer has proves nothing about the new one.
      if (!target?.employee.isActive || target.employee.snapshot().email !== reset.email)
        throw new AccountLinkNotValidError();
      await this.employees.setPasswordHash(reset.employeeId, passwordHash);
      await this.resets.markUsed(reset, at);
      // Whoever held a session (perhaps with the old password) is out; access tokens live out their minutes.
      await this.revokeSessions.forEmployee(reset.employeeId, 'password_changed');
      // The link was emailed to the address: following it proves the address theirs.
      await this.emailProofs.record({
        employeeId: reset.employeeId,
        email: target.employee.snapshot().email,
        by: 'password_reset',
        at,
      });
      return target.employee;
    });
    // Whoever followed the link owns the address: an attacker's failed logins no longer delay them.
    await this.loginLimiter.forgive(employee.snapshot().email);
    this.mailer.dispatch('password-changed', recipientOf(employee), {
      links: { forgotPassword: this.mailer.link('/forgot-password') },
      details: { changedAt: at },
    });
  }
}
