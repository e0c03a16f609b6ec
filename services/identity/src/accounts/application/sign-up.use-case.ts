import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestLimiter } from '../../abuse/application/request-limiter';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { assertDomainAllowed, normaliseEmail } from '../../employees/domain/email-address';
import { EmployeeRepository } from '../../employees/infrastructure/employee.repository';
import { PasswordHasher } from '../../employees/infrastructure/password-hasher';
import { linkExpiry, linkTokenHash, newLinkToken } from '../domain/account-link';
import { PasswordSignInDisabledError } from '../domain/account.errors';
import { AccountMailer, recipientOf } from '../infrastructure/account-mailer';
import { PendingRegistrationRepository } from '../infrastructure/pending-registration.repository';
import { ACCOUNT_SETTINGS, type AccountSettings } from './account-settings';

export interface SignUpCommand {
  email: string;
  password: string;
  name: string;
  title?: string;
  /** The client's address, as far as trusted proxies tell it. */
  address: string;
}

/**
 * A password sign-up. It makes no employee yet: it waits until the link of the "Confirm your
 * email" email it sends is used. For an address that already has an account it changes nothing
 * and tells that account's owner instead, so the answer is the same either way.
 */
@Injectable()
export class SignUp {
  constructor(
    private readonly employees: EmployeeRepository,
    private readonly registrations: PendingRegistrationRepository,
    private readonly hasher: PasswordHasher,
    private readonly mailer: AccountMailer,
    private readonly limiter: RequestLimiter,
    @Inject(IDENTITY_SETTINGS) private readonly identitySettings: IdentitySettings,
    @Inject(ACCOUNT_SETTINGS) private readonly settings: AccountSettings,
  ) {}

  async execute(command: SignUpCommand): Promise<void> {
    if (!this.identitySettings.passwordSignIn) throw new PasswordSignInDisabledError();
    const email = normaliseEmail(command.email);
    assertDomainAllowed(email, this.identitySettings.allowedEmailDomains);
    // Before the hash, which costs 64 MiB and most of a core for a moment: 429 past the limits.
    await this.limiter.admitSignUp(command.address);
    // Hashed before answering, whether or not the address has an account; what depends on that is
    // done after answering, so both answers take as long.
    const passwordHash = await this.hasher.hashOf(command.password);
    this.mailer.inBackground('a sign-up was not recorded', () => this.record(email, passwordHash, command));
  }

  private async record(email: string, passwordHash: string, command: SignUpCommand): Promise<void> {
    const existing = await this.employees.findByEmail(email);
    if (existing) {
      // A deactivated employee gets no email, as from the rest of Vouch.
      if (existing.isActive)
        this.mailer.dispatch('sign-up-attempted', recipientOf(existing), {
          links: {
            signIn: this.mailer.link('/signin'),
            forgotPassword: this.mailer.link('/forgot-password'),
          },
          details: {},
        });
      return;
    }
    const token = newLinkToken();
    const at = new Date();
    // Each sign-up waits on its own: a second one with this address (someone else's, maybe) never
    // changes the password of the first, whose link still confirms it with its own password.
    await this.registrations.insert({
      id: randomUUID(),
      email,
      name: command.name,
      title: command.title ?? null,
      passwordHash,
      tokenHash: linkTokenHash(token),
      createdAt: at,
      expiresAt: linkExpiry(at, this.settings.confirmationTtlMs),
    });
    this.mailer.dispatch(
      'confirm-email',
      // Nobody yet: the sign-up's language is not known, so the company's.
      { name: command.name, address: email, language: null, timeZone: null },
      {
        links: { confirm: this.mailer.link(`/confirm-email#token=${token}`) },
        details: { validForMs: this.settings.confirmationTtlMs },
      },
    );
  }
}
