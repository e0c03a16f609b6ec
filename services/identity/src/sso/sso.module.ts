import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { passwordSignInEnabled, type IdentityEnvironment } from '../config';
import { AUTH_METHODS, AuthMethodsController, type AuthMethodsResponse } from './api/auth-methods.controller';
import { SingleSignOnController } from './api/single-sign-on.controller';
import { CompleteSingleSignOn } from './application/complete-single-sign-on.use-case';
import { SSO_SETTINGS, type SsoSettings } from './application/sso-settings';
import { StartSingleSignOn } from './application/start-single-sign-on.use-case';
import { OidcRelyingParty } from './infrastructure/oidc-relying-party';
import { SsoLinkRepository } from './infrastructure/sso-link.repository';
import { SsoLoginRepository } from './infrastructure/sso-login.repository';

function ssoSettingsOf(environment: IdentityEnvironment): SsoSettings | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = environment;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) return undefined;
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: `${environment.PUBLIC_URL}/v1/auth/sso/callback`,
    portalUrl: environment.PUBLIC_URL,
    justInTimeProvisioning: environment.OIDC_JIT_PROVISIONING,
    groupsClaim: environment.OIDC_GROUPS_CLAIM,
    adminGroup: environment.OIDC_ADMIN_GROUP,
    loginTtlSeconds: environment.OIDC_LOGIN_TTL_SECONDS,
    allowInsecureIssuer: environment.NODE_ENV !== 'production',
  };
}

/**
 * Single sign-on with the company's OpenID Connect provider (OIDC_ISSUER): Vouch as its relying
 * party, linking its accounts to employees. Off, only `GET /v1/auth/methods` exists, saying so.
 */
@Module({})
export class SsoModule {
  static forRoot(environment: IdentityEnvironment, employees: DynamicModule): DynamicModule {
    const settings = ssoSettingsOf(environment);
    const methods: AuthMethodsResponse = {
      sso: settings !== undefined,
      password: passwordSignInEnabled(environment),
    };
    const methodsProvider: Provider = { provide: AUTH_METHODS, useValue: methods };
    if (!settings)
      return { module: SsoModule, controllers: [AuthMethodsController], providers: [methodsProvider] };
    return {
      module: SsoModule,
      imports: [employees],
      controllers: [AuthMethodsController, SingleSignOnController],
      providers: [
        methodsProvider,
        { provide: SSO_SETTINGS, useValue: settings },
        OidcRelyingParty,
        SsoLinkRepository,
        SsoLoginRepository,
        StartSingleSignOn,
        CompleteSingleSignOn,
      ],
    };
  }
}
