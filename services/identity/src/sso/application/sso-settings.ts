/** Single sign-on as configuration sets it (OIDC_*), when it is on. */
export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `${PUBLIC_URL}/v1/auth/sso/callback`: what the provider is registered to send people back to. */
  redirectUri: string;
  /** The portal, where people land once signed in, or refused. */
  portalUrl: string;
  justInTimeProvisioning: boolean;
  groupsClaim: string;
  /** Members of this IdP group are admins; undefined: none by the provider's groups. */
  adminGroup: string | undefined;
  loginTtlSeconds: number;
  /** The provider may be plain http (the development IdP): never in production. */
  allowInsecureIssuer: boolean;
}

export const SSO_SETTINGS = Symbol('SSO_SETTINGS');
