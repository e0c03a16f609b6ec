import { Inject, Injectable } from '@nestjs/common';
import { RequestLimiter } from '../../abuse/application/request-limiter';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { normaliseEmail } from '../../employees/domain/email-address';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { linkExpiry, linkTokenHash, newLinkToken } from '../domain/account-link';
import { PasswordSignInDisabledError } from '../domain/account.errors';
import { AccountMailer } from '../infrastructure/account-mailer';
import { PendingRegistrationRepository } from '../infrastructure/pending-registration.repository';
import { ACCOUNT_SETTINGS, type AccountSettings } from './account-settings';

/**
 * A new "Confirm your email" email for the address's latest sign-up, with a new link (the one
 * before stops working). Nothing happens for an address without one, and nothing says so.
 */
@Injectable()
export class ResendEmailConfirmation {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly registrations: PendingRegistrationRepository,
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
    // After answering, so the answer takes as long whether or not the address has a sign-up waiting.
    this.mailer.inBackground('a confirmation email was not resent', () => this.resend(email));
  }

  private async resend(email: string): Promise<void> {
    const registration = await this.registrations.latestFor(email);
    if (!registration || (await this.employees.findByEmail(email))) return;
    const token = newLinkToken();
    await this.registrations.replaceLink(
      registration.id,
      linkTokenHash(token),
      linkExpiry(new Date(), this.settings.confirmationTtlMs),
    );
    this.mailer.dispatch(
      'confirm-email',
      { name: registration.name, address: email, language: null, timeZone: null },
      {
        links: { confirm: this.mailer.link(`/confirm-email#token=${token}`) },
        details: { validForMs: this.settings.confirmationTtlMs },
      },
    );
  }
}
