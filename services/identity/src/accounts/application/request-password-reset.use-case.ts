import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@vouch/messaging';
import { RequestLimiter } from '../../abuse/application/request-limiter';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { normaliseEmail } from '../../employees/domain/email-address';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { linkExpiry, linkTokenHash, newLinkToken } from '../domain/account-link';
import { PasswordSignInDisabledError } from '../domain/account.errors';
import { AccountMailer, recipientOf } from '../infrastructure/account-mailer';
import { PasswordResetRepository } from '../infrastructure/password-reset.repository';
import { ACCOUNT_SETTINGS, type AccountSettings } from './account-settings';

/**
 * "Forgot password": a "Reset your password" email to an active employee, whose link replaces any
 * earlier one. Nothing happens for an address without an account, and nothing says so.
 */
@Injectable()
export class RequestPasswordReset {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly employees: EmployeeRepository,
    private readonly resets: PasswordResetRepository,
    private readonly mailer: AccountMailer,
    private readonly limiter: RequestLimiter,
    @Inject(IDENTITY_SETTINGS) private readonly identitySettings: IdentitySettings,
    @Inject(ACCOUNT_SETTINGS) private readonly settings: AccountSettings,
  ) {}

  /** `address`: the client's, as far as trusted proxies tell it. */
  async execute(command: { email: string; address: string }): Promise<void> {
    if (!this.identitySettings.passwordSignIn) throw new PasswordSignInDisabledError();
    const email = normaliseEmail(command.email);
    await this.limiter.admitAccountEmail(email, command.address);
    // After answering, so the answer takes as long whether or not the address has an account.
    this.mailer.inBackground('a password reset was not sent', () => this.sendLink(email));
  }

  private async sendLink(email: string): Promise<void> {
    const employee = await this.employees.findByEmail(email);
    if (!employee?.isActive) return;
    const token = newLinkToken();
    const at = new Date();
    await this.unitOfWork.run(() =>
      this.resets.replaceOpen({
        id: randomUUID(),
        employeeId: employee.id,
        email,
        tokenHash: linkTokenHash(token),
        createdAt: at,
        expiresAt: linkExpiry(at, this.settings.resetTtlMs),
        usedAt: null,
      }),
    );
    this.mailer.dispatch('reset-password', recipientOf(employee), {
      links: { reset: this.mailer.link(`/reset-password#token=${token}`) },
      details: { validForMs: this.settings.resetTtlMs },
    });
  }
}
