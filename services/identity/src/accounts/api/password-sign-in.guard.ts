import { Inject, Injectable, type CanActivate } from '@nestjs/common';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { PasswordSignInDisabledError } from '../domain/account.errors';

/** Password sign-up, sign-in and reset answer 404 where the company turned them off (AUTH_PASSWORD_ENABLED). */
@Injectable()
export class PasswordSignInGuard implements CanActivate {
  constructor(@Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings) {}

  canActivate(): boolean {
    if (!this.settings.passwordSignIn) throw new PasswordSignInDisabledError();
    return true;
  }
}
