import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { OidcRelyingParty } from '../infrastructure/oidc-relying-party';
import { SsoLoginRepository } from '../infrastructure/sso-login.repository';
import { SSO_SETTINGS, type SsoSettings } from './sso-settings';

/** Where to send the browser, and the key its login cookie must hold when it comes back. */
export interface SingleSignOnStarted {
  authorizationUrl: URL;
  loginKey: string;
}

/** `GET /v1/auth/sso/start`: a new sign-in at the company's provider, its checks kept for the callback. */
@Injectable()
export class StartSingleSignOn {
  constructor(
    private readonly relyingParty: OidcRelyingParty,
    private readonly logins: SsoLoginRepository,
    @Inject(SSO_SETTINGS) private readonly settings: SsoSettings,
  ) {}

  async execute(): Promise<SingleSignOnStarted> {
    const checks = this.relyingParty.newChecks();
    const authorizationUrl = await this.relyingParty.authorizationUrl(checks);
    const loginKey = randomBytes(32).toString('base64url');
    await this.logins.save(loginKey, checks, new Date(), this.settings.loginTtlSeconds);
    return { authorizationUrl, loginKey };
  }
}
