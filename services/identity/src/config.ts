import { z } from 'zod';
import {
  authEnvironment,
  invitationSecretEnvironment,
  invitationSecretRequiredInProduction,
} from '@vouch/auth';
import {
  brandEnvironment,
  brandLogoSecureInProduction,
  commaSeparated,
  isKnownTimeZone,
  mailEnvironment,
  productionSecrets,
  serviceEnvironment,
  kafkaConnectionRules,
  smtpSecretRules,
  smtpSettingsValid,
  type SmtpEnvironment,
} from '@vouch/platform';
import { sessionCookieSecureInProduction, sessionEnvironment } from './sessions/session-environment';
import { ssoConfiguredTogether, ssoEnvironment, ssoIssuerSecureInProduction } from './sso/sso-environment';

const PEM_BLOCK = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/g;

/** The PKCS#8 PEMs in a text, in order; `\n` escapes are accepted, as env files often hold them. */
export function privateKeyPems(text: string): string[] {
  return text.replace(/\\n/g, '\n').match(PEM_BLOCK) ?? [];
}

const pemList = z
  .string()
  .transform(privateKeyPems)
  .refine((pems) => pems.length > 0, 'no PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----") found');

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

/** A SCIM group's displayName, as a setting names it; unset or empty is `fallback`. */
const scimGroupName = (variable: string, fallback: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .trim()
      .min(1, `${variable} must name a group`)
      .max(256, `${variable} must be at most 256 characters, as group names are`)
      .default(fallback),
  );

/** The identity service's environment, validated at boot. */
export const identityEnvironment = serviceEnvironment({ name: 'identity', port: 3001 })
  .extend(authEnvironment.shape)
  .extend(invitationSecretEnvironment.shape)
  // identity sends the account emails (confirm your email, reset your password) itself, as
  // notifications sends the rest: no sign-in secret travels on a Kafka topic.
  .extend(mailEnvironment.shape)
  // COMPANY_NAME, BRAND_COLOR, DEFAULT_LANGUAGE…: shared with notifications, so every email looks alike.
  .extend(brandEnvironment.shape)
  // Refresh tokens and their cookie: how long a sign-in lasts.
  .extend(sessionEnvironment.shape)
  .extend({
    /**
     * Sign-up and sign-in with an email and a password (and "forgot password"). Unset: on, unless
     * OIDC_ISSUER is set (the company signs in with its identity provider).
     */
    AUTH_PASSWORD_ENABLED: z.preprocess(unsetIfEmpty, z.stringbool().optional()),
    /** How long the link of a "Confirm your email" email works. */
    EMAIL_CONFIRMATION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
    /** How long the link of a "Reset your password" email works. */
    PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(1_440).default(60),
    /** Signing keys, newest first: the first signs, all are published (rotation). */
    JWT_PRIVATE_KEYS: z.preprocess(unsetIfEmpty, pemList.optional()),
    /** A file holding the signing keys, newest first, when they are not in JWT_PRIVATE_KEYS. */
    JWT_PRIVATE_KEY_FILE: z.preprocess(unsetIfEmpty, z.string().optional()),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    /** Email domains allowed to register; empty allows any. */
    ALLOWED_EMAIL_DOMAINS: commaSeparated.transform((domains) => domains.map((d) => d.toLowerCase())),
    /**
     * Employees with these emails are admins, as are the members of SCIM_ADMIN_GROUP: the list
     * bootstraps the first admins before the identity provider pushes groups.
     */
    ADMIN_EMAILS: commaSeparated.transform((emails) => emails.map((e) => e.toLowerCase())),
    /** The SCIM group (by displayName, in any case) whose members are admins, read at sign-in. */
    SCIM_ADMIN_GROUP: scimGroupName('SCIM_ADMIN_GROUP', 'Vouch Admins'),
    /** The SCIM group (by displayName, in any case) whose members are HR, read at sign-in. */
    SCIM_HR_GROUP: scimGroupName('SCIM_HR_GROUP', 'Vouch HR'),
    // The abuse limits (docs/operations.md, "Abuse limits"), counted across instances.
    /** Failed logins to one account before the next attempt must wait; each further one doubles the wait. */
    LOGIN_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).max(100).default(5),
    /** The first delay; each further failure doubles it. */
    LOGIN_FIRST_DELAY_SECONDS: z.coerce.number().int().min(1).max(3_600).default(1),
    /** The longest delay failed logins set: the longest an attacker keeps an account's owner waiting. */
    LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** Login attempts from one client address in LOGIN_WINDOW_SECONDS, whatever the emails. */
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** Sign-ups from one client address in an hour. */
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
    /** Sign-ups in a minute across every instance: each costs a 64 MiB argon2 hash. */
    REGISTRATIONS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** "Resend the confirmation" and "forgot password" requests from one client address in an hour. */
    ACCOUNT_EMAIL_REQUESTS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
    /** The same for one email, whether or not it has an account. */
    ACCOUNT_EMAIL_REQUESTS_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(10),
    /**
     * How long the audit log of changes to people keeps an entry. A year and a bit by default, so
     * a yearly access review or audit still finds the whole year it looks back on.
     */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
    /**
     * The proxies (addresses, CIDRs, or `loopback`) whose X-Forwarded-For names the client address
     * the login limit counts. Empty trusts none, so a client cannot pick its own address.
     */
    TRUSTED_PROXIES: commaSeparated,
    /**
     * The bearer token the identity provider (Entra ID, Okta) provisions users with at /scim/v2.
     * Unset turns SCIM off: its routes do not exist (404).
     */
    SCIM_TOKEN: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .min(32, 'SCIM_TOKEN must be at least 32 characters: it is the only key to provisioning')
        .optional(),
    ),
    /** How long an invitation's link lets its employee set their first password. */
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    /** The time zone of dates in account emails to people whose profile names none (IANA). */
    DEFAULT_TIME_ZONE: z
      .string()
      .refine(isKnownTimeZone, 'an IANA time zone, e.g. Europe/Lisbon')
      .default('UTC'),
    ...ssoEnvironment.shape,
  })
  .refine(...invitationSecretRequiredInProduction)
  .refine(...brandLogoSecureInProduction)
  .refine(...sessionCookieSecureInProduction)
  .refine(...ssoConfiguredTogether)
  .refine(...ssoIssuerSecureInProduction)
  .refine(
    (environment) =>
      environment.NODE_ENV !== 'production' ||
      !passwordSignInEnabled(environment) ||
      environment.ALLOWED_EMAIL_DOMAINS.length > 0,
    {
      message:
        'ALLOWED_EMAIL_DOMAINS is required in production while password sign-up is on (AUTH_PASSWORD_ENABLED): ' +
        "the company's email domains, so that no one else can sign up",
      path: ['ALLOWED_EMAIL_DOMAINS'],
    },
  )
  .refine((environment) => !(environment.JWT_PRIVATE_KEYS && environment.JWT_PRIVATE_KEY_FILE), {
    message: 'set JWT_PRIVATE_KEYS or JWT_PRIVATE_KEY_FILE, not both',
    path: ['JWT_PRIVATE_KEYS'],
  })
  .superRefine(kafkaConnectionRules)
  .superRefine(smtpSettingsValid)
  .superRefine(
    productionSecrets<
      SmtpEnvironment & {
        NODE_ENV?: string | undefined;
        DATABASE_URL: string;
        JWT_PRIVATE_KEYS?: string[] | undefined;
        JWT_PRIVATE_KEY_FILE?: string | undefined;
        SCIM_TOKEN?: string | undefined;
        OIDC_CLIENT_SECRET?: string | undefined;
        INVITATION_SECRET?: string | undefined;
      }
    >([
      // Without them each instance signs with a key of its own, and every sign-in ends at a restart.
      {
        name: 'JWT_PRIVATE_KEYS',
        value: (environment) => environment.JWT_PRIVATE_KEYS,
        required: (environment) => environment.JWT_PRIVATE_KEY_FILE === undefined,
      },
      { name: 'SCIM_TOKEN', value: (environment) => environment.SCIM_TOKEN, required: false },
      // Issued by the provider, not by us: Google's are 35 characters.
      {
        name: 'OIDC_CLIENT_SECRET',
        value: (environment) => environment.OIDC_CLIENT_SECRET,
        required: false,
        minLength: 16,
      },
      // Required by invitationSecretRequiredInProduction already: checked here when set.
      { name: 'INVITATION_SECRET', value: (environment) => environment.INVITATION_SECRET, required: false },
      ...smtpSecretRules,
    ]),
  );

export type IdentityEnvironment = z.infer<typeof identityEnvironment>;

/**
 * Whether people sign up and sign in with a password: AUTH_PASSWORD_ENABLED when set, otherwise
 * only where no OpenID Connect provider is configured.
 */
export function passwordSignInEnabled(environment: {
  AUTH_PASSWORD_ENABLED?: boolean | undefined;
  OIDC_ISSUER?: string | undefined;
}): boolean {
  return environment.AUTH_PASSWORD_ENABLED ?? !environment.OIDC_ISSUER;
}
