import { z } from 'zod';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const optionalText = (message: string) =>
  z.preprocess(unsetIfEmpty, z.string().trim().min(1, message).optional());

/** How the services log in to the SMTP server (SMTP_AUTH). */
export const SMTP_AUTH_METHODS = [
  'none',
  'password',
  'oauth2-client-credentials',
  'oauth2-google-service-account',
] as const;
export type SmtpAuthMethod = (typeof SMTP_AUTH_METHODS)[number];

/**
 * Where the services that send email (notifications, and identity for account emails) hand it
 * over, who it comes from, and where its links lead: the same settings in both, so every email
 * Vouch sends looks alike and comes from one sender. How they fit together (OAuth2 needs TLS, a
 * password needs a user…) is checked by `smtpSettingsValid`, which each service's schema refines
 * with; docs/operations.md, "Email (SMTP)", has recipes.
 */
export const mailEnvironment = z.object({
  /**
   * The SMTP server: smtp://host:port (STARTTLS when offered, or required with SMTP_REQUIRE_TLS) or
   * smtps://host:port (TLS from the first byte, port 465). A user and password in it are the
   * `password` login's, as before SMTP_USERNAME and SMTP_PASSWORD.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).default('smtp://127.0.0.1:1025'),
  /**
   * How to log in: `none`, `password` (SMTP_USERNAME and SMTP_PASSWORD, or the URL's), or XOAUTH2
   * with a token from `oauth2-client-credentials` (Microsoft 365) or
   * `oauth2-google-service-account` (Google Workspace). Unset: `password` when a password is set,
   * else `none`.
   */
  SMTP_AUTH: z.preprocess(
    unsetIfEmpty,
    z.enum(SMTP_AUTH_METHODS, { error: `one of ${SMTP_AUTH_METHODS.join(', ')}` }).optional(),
  ),
  /** The login (`password`), or the mailbox that sends (OAuth2: the address XOAUTH2 logs in as). */
  SMTP_USERNAME: optionalText('SMTP_USERNAME must not be blank'),
  SMTP_PASSWORD: z.preprocess(unsetIfEmpty, z.string().optional()),
  /** Microsoft 365: the Entra ID tenant (directory) whose token endpoint issues the tokens. */
  SMTP_OAUTH_TENANT_ID: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^[A-Za-z0-9.-]+$/, 'a tenant ID (a GUID) or a domain, e.g. contoso.onmicrosoft.com')
      .optional(),
  ),
  /**
   * The OAuth2 token endpoint, instead of the provider's: Microsoft's for SMTP_OAUTH_TENANT_ID, or
   * https://oauth2.googleapis.com/token.
   */
  SMTP_OAUTH_TOKEN_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
  /**
   * Microsoft 365: the app registration's application (client) ID. Google: the service account's
   * email (`client_email` in its JSON key).
   */
  SMTP_OAUTH_CLIENT_ID: optionalText('SMTP_OAUTH_CLIENT_ID must not be blank'),
  /** Microsoft 365: a client secret of the app registration. */
  SMTP_OAUTH_CLIENT_SECRET: z.preprocess(unsetIfEmpty, z.string().optional()),
  /**
   * The scope asked for; unset, the provider's for SMTP: https://outlook.office365.com/.default or
   * https://mail.google.com/.
   */
  SMTP_OAUTH_SCOPE: optionalText('SMTP_OAUTH_SCOPE must not be blank'),
  /** Google: a file holding the service account's private key (PEM, `private_key` of its JSON key). */
  SMTP_OAUTH_PRIVATE_KEY_FILE: optionalText('SMTP_OAUTH_PRIVATE_KEY_FILE must not be blank'),
  /** Refuse to send unless STARTTLS succeeds (smtp:// URLs; smtps:// is TLS throughout). */
  SMTP_REQUIRE_TLS: z.preprocess(unsetIfEmpty, z.stringbool().default(false)),
  /**
   * A file of PEM certificates to trust for the SMTP server instead of the public ones (a private
   * CA). The server's certificate is always verified.
   */
  SMTP_TLS_CA_FILE: optionalText('SMTP_TLS_CA_FILE must not be blank'),
  /** The address people reach Vouch at; every link in an email starts with it. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:8080')
    .transform((url) => url.replace(/\/+$/, '')),
  /** The sender of every email. */
  MAIL_FROM_ADDRESS: z.email().default('vouch@vouch.localhost'),
  MAIL_FROM_NAME: z.string().min(1).max(100).default('Vouch'),
});
export type MailEnvironment = z.infer<typeof mailEnvironment>;
