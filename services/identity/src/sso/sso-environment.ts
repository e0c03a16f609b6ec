import { z } from 'zod';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/**
 * Single sign-on with the company's OpenID Connect provider (Entra ID, Okta, Google…). Unset
 * OIDC_ISSUER turns it off: its routes answer 404.
 */
export const ssoEnvironment = z.object({
  /** The provider's issuer; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  OIDC_ISSUER: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
  /** Vouch's client (application) id at the provider. */
  OIDC_CLIENT_ID: z.preprocess(unsetIfEmpty, z.string().min(1).optional()),
  /** Vouch's client secret at the provider: a secret, like the signing keys. */
  OIDC_CLIENT_SECRET: z.preprocess(unsetIfEmpty, z.string().min(1).optional()),
  /**
   * Whether the first sign-in of someone the company did not provision creates them. Off: they are
   * refused and told to ask their administrator.
   */
  OIDC_JIT_PROVISIONING: z.stringbool().default(false),
  /** The ID token claim listing the person's groups (Entra and Okta: `groups`). */
  OIDC_GROUPS_CLAIM: z.preprocess(unsetIfEmpty, z.string().min(1).default('groups')),
  /**
   * The group, as the groups claim names it (Entra: the group's object id), whose members are
   * Vouch admins. Unset: the provider's groups make nobody an admin.
   */
  OIDC_ADMIN_GROUP: z.preprocess(unsetIfEmpty, z.string().min(1).optional()),
  /** How long someone has, once sent to the provider, to come back signed in. */
  OIDC_LOGIN_TTL_SECONDS: z.coerce.number().int().min(60).max(3_600).default(600),
});
export type SsoEnvironment = z.infer<typeof ssoEnvironment>;

type Refinement<T> = [(environment: T) => boolean, { message: string; path: string[] }];

export const ssoConfiguredTogether: Refinement<SsoEnvironment> = [
  (environment) =>
    environment.OIDC_ISSUER === undefined ||
    (environment.OIDC_CLIENT_ID !== undefined && environment.OIDC_CLIENT_SECRET !== undefined),
  {
    message: 'OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, the client Vouch is at the provider',
    path: ['OIDC_CLIENT_ID'],
  },
];

export const ssoIssuerSecureInProduction: Refinement<SsoEnvironment & { NODE_ENV?: string | undefined }> = [
  (environment) =>
    environment.NODE_ENV !== 'production' ||
    environment.OIDC_ISSUER === undefined ||
    environment.OIDC_ISSUER.startsWith('https:'),
  { message: 'OIDC_ISSUER must be https in production', path: ['OIDC_ISSUER'] },
];
