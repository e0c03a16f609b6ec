import { Inject, Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { SSO_SETTINGS, type SsoSettings } from '../application/sso-settings';
import { SsoRefusedError } from '../domain/sso.errors';
import type { LoginChecks } from './sso-login.repository';

const SCOPE = 'openid email profile';

/**
 * Vouch as the company provider's OpenID Connect relying party, through openid-client (OpenID
 * Certified): Authorization Code with PKCE, and the library's checks of state, nonce, issuer,
 * audience, signature and expiry of the ID token.
 */
@Injectable()
export class OidcRelyingParty {
  private configuration?: Promise<oidc.Configuration>;

  constructor(@Inject(SSO_SETTINGS) private readonly settings: SsoSettings) {}

  /** New checks for one sign-in. */
  newChecks(): LoginChecks {
    return {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
  }

  /** Where to send the browser to sign in at the provider. */
  async authorizationUrl(checks: LoginChecks): Promise<URL> {
    const configuration = await this.discovered();
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: SCOPE,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * The verified ID token's claims for the provider's answer to the callback (`query`: its query
   * string), or SsoRefusedError('sso_failed') when the answer is an error, or any check fails.
   */
  async claimsOf(query: string, checks: LoginChecks): Promise<Record<string, unknown>> {
    const configuration = await this.discovered();
    const callback = new URL(this.settings.redirectUri);
    callback.search = query;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return { ...claims };
    } catch (error) {
      throw new SsoRefusedError('sso_failed', error instanceof Error ? error.message : String(error));
    }
  }

  /** The provider's metadata, discovered once; a failed discovery is tried again next time. */
  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        undefined,
        oidc.ClientSecretBasic(this.settings.clientSecret),
        this.settings.allowInsecureIssuer ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new SsoRefusedError(
          'sso_failed',
          `the provider's discovery failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    return this.configuration;
  }
}
