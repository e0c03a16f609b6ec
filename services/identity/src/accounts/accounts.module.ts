import { Module, type DynamicModule } from '@nestjs/common';
import { emailLookOf, smtpSettingsOf } from '@vouch/platform';
import type { IdentityEnvironment } from '../config';
import { ACCOUNT_SETTINGS, type AccountSettings } from './application/account-settings';
import { ConfirmEmail } from './application/confirm-email.use-case';
import { RequestPasswordReset } from './application/request-password-reset.use-case';
import { ResendEmailConfirmation } from './application/resend-email-confirmation.use-case';
import { ResetPassword } from './application/reset-password.use-case';
import { SignUp } from './application/sign-up.use-case';
import { AccountsController } from './api/accounts.controller';
import { PasswordSignInGuard } from './api/password-sign-in.guard';
import { AccountMailer } from './infrastructure/account-mailer';
import { LapsedAccountLinksSweep } from './infrastructure/lapsed-account-links.sweep';
import { PasswordResetRepository } from './infrastructure/password-reset.repository';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Password accounts: sign-up that proves the address before anything exists, "forgot password",
 * and the account emails identity sends itself. Off (404) where AUTH_PASSWORD_ENABLED is.
 */
@Module({})
export class AccountsModule {
  static forRoot(environment: IdentityEnvironment, employees: DynamicModule): DynamicModule {
    const settings: AccountSettings = {
      publicUrl: environment.PUBLIC_URL,
      smtp: smtpSettingsOf(environment),
      from: { name: environment.MAIL_FROM_NAME, address: environment.MAIL_FROM_ADDRESS },
      emailLook: emailLookOf(environment),
      defaultTimeZone: environment.DEFAULT_TIME_ZONE,
      confirmationTtlMs: environment.EMAIL_CONFIRMATION_TTL_HOURS * HOUR_MS,
      resetTtlMs: environment.PASSWORD_RESET_TTL_MINUTES * MINUTE_MS,
      emailsPerAddressPerHour: 5,
    };
    return {
      module: AccountsModule,
      imports: [employees],
      controllers: [AccountsController],
      providers: [
        { provide: ACCOUNT_SETTINGS, useValue: settings },
        PasswordSignInGuard,
        AccountMailer,
        PasswordResetRepository,
        LapsedAccountLinksSweep,
        SignUp,
        ConfirmEmail,
        ResendEmailConfirmation,
        RequestPasswordReset,
        ResetPassword,
      ],
    };
  }
}
