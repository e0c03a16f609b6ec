import { readFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { z } from 'zod';
import { ConfigError } from '../config/load-config';
import type { SecretRule } from '../config/production-secrets';
import type { MailEnvironment, SmtpAuthMethod } from './mail-environment';

/** Microsoft's token endpoint for a tenant (Entra ID, v2.0). */
export const microsoftTokenUrl = (tenant: string) =>
  `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
/** The scope that lets an app send as a mailbox over SMTP (Exchange Online's SMTP.SendAsApp). */
export const MICROSOFT_SMTP_SCOPE = 'https://outlook.office365.com/.default';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** Gmail's only scope that allows SMTP. */
export const GOOGLE_SMTP_SCOPE = 'https://mail.google.com/';

/** How an access token for XOAUTH2 is obtained. */
export type OAuth2Grant =
  | { type: 'client-credentials'; clientId: string; clientSecret: string; scope: string }
  /** A JWT signed with the service account's key, asking for a token for `user` (domain-wide delegation). */
  | { type: 'google-service-account'; serviceAccount: string; privateKeyPem: string; scope: string };

export type SmtpAuth =
  | { method: 'none' }
  | { method: 'password'; user: string; password: string }
  | { method: 'oauth2'; user: string; tokenUrl: string; grant: OAuth2Grant };

/** The SMTP server and how to reach it, resolved from the environment and checked. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (smtps://, port 465); otherwise STARTTLS, when offered or required. */
  implicitTls: boolean;
  /** Refuse to go on over a connection that STARTTLS did not upgrade. */
  requireTls: boolean;
  /** PEM certificates trusted for the server instead of the public CAs. */
  ca?: string;
  auth: SmtpAuth;
}

/** The part of the environment the SMTP settings are read from. */
export type SmtpEnvironment = Pick<
  MailEnvironment,
  | 'SMTP_URL'
  | 'SMTP_AUTH'
  | 'SMTP_USERNAME'
  | 'SMTP_PASSWORD'
  | 'SMTP_OAUTH_TENANT_ID'
  | 'SMTP_OAUTH_TOKEN_URL'
  | 'SMTP_OAUTH_CLIENT_ID'
  | 'SMTP_OAUTH_CLIENT_SECRET'
  | 'SMTP_OAUTH_SCOPE'
  | 'SMTP_OAUTH_PRIVATE_KEY_FILE'
  | 'SMTP_REQUIRE_TLS'
  | 'SMTP_TLS_CA_FILE'
> & { NODE_ENV?: string | undefined };

interface SmtpProblem {
  variable: keyof SmtpEnvironment;
  message: string;
}

const OAUTH_VARIABLES = [
  'SMTP_OAUTH_TENANT_ID',
  'SMTP_OAUTH_TOKEN_URL',
  'SMTP_OAUTH_CLIENT_ID',
  'SMTP_OAUTH_CLIENT_SECRET',
  'SMTP_OAUTH_SCOPE',
  'SMTP_OAUTH_PRIVATE_KEY_FILE',
] as const;

/** The variables each way of logging in reads; any other SMTP_OAUTH_* or SMTP_PASSWORD set is a mistake. */
const READ_BY: Record<SmtpAuthMethod, ReadonlyArray<keyof SmtpEnvironment>> = {
  none: [],
  password: ['SMTP_USERNAME', 'SMTP_PASSWORD'],
  'oauth2-client-credentials': [
    'SMTP_USERNAME',
    'SMTP_OAUTH_TENANT_ID',
    'SMTP_OAUTH_TOKEN_URL',
    'SMTP_OAUTH_CLIENT_ID',
    'SMTP_OAUTH_CLIENT_SECRET',
    'SMTP_OAUTH_SCOPE',
  ],
  'oauth2-google-service-account': [
    'SMTP_USERNAME',
    'SMTP_OAUTH_TOKEN_URL',
    'SMTP_OAUTH_CLIENT_ID',
    'SMTP_OAUTH_SCOPE',
    'SMTP_OAUTH_PRIVATE_KEY_FILE',
  ],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function urlCredentials(smtpUrl: string): { user?: string; password?: string } {
  try {
    const url = new URL(smtpUrl);
    return {
      ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    };
  } catch {
    return {};
  }
}

/** SMTP_AUTH, or what the settings imply: `password` when a user or password is set, else `none`. */
export function smtpAuthMethodOf(environment: SmtpEnvironment): SmtpAuthMethod {
  if (environment.SMTP_AUTH) return environment.SMTP_AUTH;
  const fromUrl = urlCredentials(environment.SMTP_URL);
  const credentials = [environment.SMTP_USERNAME, environment.SMTP_PASSWORD, fromUrl.user, fromUrl.password];
  return credentials.some((value) => value !== undefined && value !== '') ? 'password' : 'none';
}

/**
 * The secrets of the chosen login, for `productionSecrets`: the password (SMTP_PASSWORD or the
 * URL's) or the OAuth2 client secret, required, not published, and long enough in production.
 */
export const smtpSecretRules: ReadonlyArray<SecretRule<SmtpEnvironment>> = [
  {
    name: 'SMTP_PASSWORD',
    value: (environment) => environment.SMTP_PASSWORD ?? urlCredentials(environment.SMTP_URL).password,
    required: (environment) => smtpAuthMethodOf(environment) === 'password',
    // A relay's API key or a Microsoft 365 app password: issued by the provider, at least 16.
    minLength: 16,
  },
  {
    name: 'SMTP_OAUTH_CLIENT_SECRET',
    value: (environment) => environment.SMTP_OAUTH_CLIENT_SECRET,
    required: (environment) => smtpAuthMethodOf(environment) === 'oauth2-client-credentials',
    // Entra ID's client secrets are 40 characters.
    minLength: 16,
  },
];

/**
 * Resolves the SMTP settings, reading the CA and key files, and says what is wrong with them: each
 * problem names the variable to fix. Production also refuses credentials that could travel in
 * clear text and a token endpoint over http.
 */
export function resolveSmtpSettings(environment: SmtpEnvironment): {
  settings?: SmtpSettings;
  problems: SmtpProblem[];
} {
  const problems: SmtpProblem[] = [];
  const problem = (variable: keyof SmtpEnvironment, message: string) => problems.push({ variable, message });
  const production = environment.NODE_ENV === 'production';

  let url: URL;
  try {
    url = new URL(environment.SMTP_URL);
  } catch {
    return {
      problems: [{ variable: 'SMTP_URL', message: 'SMTP_URL must be smtp[s]://[user:password@]host[:port]' }],
    };
  }
  if (url.search !== '' || url.hash !== '')
    problem(
      'SMTP_URL',
      'SMTP_URL must be just smtp[s]://[user:password@]host[:port]: options in its query are not read ' +
        '(use SMTP_REQUIRE_TLS, SMTP_TLS_CA_FILE, SMTP_AUTH…)',
    );
  if (url.pathname !== '' && url.pathname !== '/')
    problem('SMTP_URL', 'SMTP_URL must have no path: smtp[s]://[user:password@]host[:port]');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') problem('SMTP_URL', 'SMTP_URL names no host');
  const implicitTls = url.protocol === 'smtps:' || url.port === '465';
  const port = url.port ? Number(url.port) : implicitTls ? 465 : 587;
  const requireTls = environment.SMTP_REQUIRE_TLS;
  const overTls = implicitTls || requireTls;

  const method = smtpAuthMethodOf(environment);
  for (const variable of ['SMTP_PASSWORD', ...OAUTH_VARIABLES] as const) {
    if (environment[variable] !== undefined && !READ_BY[method].includes(variable))
      problem(variable, `${variable} is set, but SMTP_AUTH is ${method}, which does not read it`);
  }
  const fromUrl = urlCredentials(environment.SMTP_URL);
  if (method !== 'password' && (fromUrl.user !== undefined || fromUrl.password !== undefined))
    problem('SMTP_URL', `SMTP_URL holds a user or password, but SMTP_AUTH is ${method}: remove them`);

  let auth: SmtpAuth | undefined;
  if (method === 'none') {
    if (environment.SMTP_USERNAME !== undefined)
      problem('SMTP_USERNAME', 'SMTP_USERNAME is set, but SMTP_AUTH is none: set SMTP_AUTH, or unset it');
    auth = { method: 'none' };
  } else if (method === 'password') {
    const inUrl = fromUrl.user !== undefined || fromUrl.password !== undefined;
    const inVariables = environment.SMTP_USERNAME !== undefined || environment.SMTP_PASSWORD !== undefined;
    if (inUrl && inVariables)
      problem('SMTP_URL', 'set the login in SMTP_USERNAME and SMTP_PASSWORD or in SMTP_URL, not in both');
    const user = environment.SMTP_USERNAME ?? fromUrl.user;
    const password = environment.SMTP_PASSWORD ?? fromUrl.password;
    if (!user) problem('SMTP_USERNAME', 'SMTP_USERNAME is required with SMTP_AUTH=password');
    if (!password) problem('SMTP_PASSWORD', 'SMTP_PASSWORD is required with SMTP_AUTH=password');
    if (production && !overTls)
      problem(
        'SMTP_REQUIRE_TLS',
        'in production the SMTP password never travels in clear text: set SMTP_REQUIRE_TLS=true ' +
          '(STARTTLS, port 587) or use smtps:// (port 465)',
      );
    if (user && password) auth = { method: 'password', user, password };
  } else {
    const mailbox = environment.SMTP_USERNAME;
    if (!mailbox)
      problem('SMTP_USERNAME', `SMTP_USERNAME (the mailbox that sends) is required with SMTP_AUTH=${method}`);
    else if (!EMAIL.test(mailbox))
      problem(
        'SMTP_USERNAME',
        `SMTP_USERNAME must be the mailbox that sends, an email address, with SMTP_AUTH=${method}`,
      );
    if (!overTls)
      problem(
        'SMTP_REQUIRE_TLS',
        'OAuth2 sends a bearer token: set SMTP_REQUIRE_TLS=true (STARTTLS, port 587) or use smtps:// (port 465)',
      );
    if (environment.SMTP_OAUTH_TOKEN_URL?.startsWith('http:') && production)
      problem('SMTP_OAUTH_TOKEN_URL', 'SMTP_OAUTH_TOKEN_URL must be https:// in production');
    const grant =
      method === 'oauth2-client-credentials'
        ? clientCredentialsGrant(environment, problem)
        : googleServiceAccountGrant(environment, problem);
    const tokenUrl =
      environment.SMTP_OAUTH_TOKEN_URL ??
      (method === 'oauth2-google-service-account'
        ? GOOGLE_TOKEN_URL
        : environment.SMTP_OAUTH_TENANT_ID && microsoftTokenUrl(environment.SMTP_OAUTH_TENANT_ID));
    if (!tokenUrl)
      problem(
        'SMTP_OAUTH_TENANT_ID',
        'SMTP_OAUTH_TENANT_ID (Microsoft 365) or SMTP_OAUTH_TOKEN_URL is required with SMTP_AUTH=oauth2-client-credentials',
      );
    if (mailbox && grant && tokenUrl) auth = { method: 'oauth2', user: mailbox, tokenUrl, grant };
  }

  const ca = environment.SMTP_TLS_CA_FILE
    ? readCertificates(environment.SMTP_TLS_CA_FILE, problem)
    : undefined;
  if (problems.length > 0 || !auth) return { problems };
  return {
    settings: { host, port, implicitTls, requireTls, ...(ca ? { ca } : {}), auth },
    problems,
  };
}

type Report = (variable: keyof SmtpEnvironment, message: string) => void;

function clientCredentialsGrant(environment: SmtpEnvironment, problem: Report): OAuth2Grant | undefined {
  const { SMTP_OAUTH_CLIENT_ID: clientId, SMTP_OAUTH_CLIENT_SECRET: clientSecret } = environment;
  if (!clientId)
    problem(
      'SMTP_OAUTH_CLIENT_ID',
      "SMTP_OAUTH_CLIENT_ID (the app registration's application ID) is required with SMTP_AUTH=oauth2-client-credentials",
    );
  if (!clientSecret)
    problem(
      'SMTP_OAUTH_CLIENT_SECRET',
      'SMTP_OAUTH_CLIENT_SECRET is required with SMTP_AUTH=oauth2-client-credentials',
    );
  if (!clientId || !clientSecret) return undefined;
  return {
    type: 'client-credentials',
    clientId,
    clientSecret,
    scope: environment.SMTP_OAUTH_SCOPE ?? MICROSOFT_SMTP_SCOPE,
  };
}

function googleServiceAccountGrant(environment: SmtpEnvironment, problem: Report): OAuth2Grant | undefined {
  const serviceAccount = environment.SMTP_OAUTH_CLIENT_ID;
  if (!serviceAccount || !EMAIL.test(serviceAccount))
    problem(
      'SMTP_OAUTH_CLIENT_ID',
      "SMTP_OAUTH_CLIENT_ID must be the service account's email (client_email in its JSON key) " +
        'with SMTP_AUTH=oauth2-google-service-account',
    );
  const file = environment.SMTP_OAUTH_PRIVATE_KEY_FILE;
  if (!file)
    problem(
      'SMTP_OAUTH_PRIVATE_KEY_FILE',
      "SMTP_OAUTH_PRIVATE_KEY_FILE (the service account's private key, PEM) is required with " +
        'SMTP_AUTH=oauth2-google-service-account',
    );
  const privateKeyPem = file ? readRsaPrivateKey(file, problem) : undefined;
  if (!serviceAccount || !privateKeyPem) return undefined;
  return {
    type: 'google-service-account',
    serviceAccount,
    privateKeyPem,
    scope: environment.SMTP_OAUTH_SCOPE ?? GOOGLE_SMTP_SCOPE,
  };
}

function readText(variable: keyof SmtpEnvironment, file: string, problem: Report): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    problem(variable, `${variable} names a file that cannot be read: ${file} (${reason})`);
    return undefined;
  }
}

function readRsaPrivateKey(file: string, problem: Report): string | undefined {
  const variable = 'SMTP_OAUTH_PRIVATE_KEY_FILE';
  const text = readText(variable, file, problem);
  if (text === undefined) return undefined;
  if (text.trimStart().startsWith('{')) {
    problem(
      variable,
      `${variable} names ${file}, which holds JSON, not a PEM private key: save its private_key on its own ` +
        '(jq -r .private_key key.json > key.pem)',
    );
    return undefined;
  }
  const pem = text.match(/-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+?-----END (RSA )?PRIVATE KEY-----/)?.[0];
  if (!pem) {
    problem(
      variable,
      `${variable} names ${file}, which holds no PEM private key ("-----BEGIN PRIVATE KEY-----")`,
    );
    return undefined;
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') {
      problem(
        variable,
        `${variable} names ${file}, which holds an ${key.asymmetricKeyType} key; a service account's key is RSA`,
      );
      return undefined;
    }
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    problem(variable, `${variable} names ${file}, which holds no valid private key (${reason})`);
    return undefined;
  }
  return pem;
}

function readCertificates(file: string, problem: Report): string | undefined {
  const variable = 'SMTP_TLS_CA_FILE';
  const text = readText(variable, file, problem);
  if (text === undefined) return undefined;
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) {
    problem(
      variable,
      `${variable} names ${file}, which holds no PEM certificate ("-----BEGIN CERTIFICATE-----")`,
    );
    return undefined;
  }
  for (const pem of pems) {
    try {
      new X509Certificate(pem);
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      problem(
        variable,
        `${variable} names ${file}, which holds a certificate that does not parse (${reason})`,
      );
      return undefined;
    }
  }
  return pems.join('\n');
}

/**
 * For `.superRefine` on a service's environment (after `.extend(mailEnvironment.shape)`): fails the
 * boot with every SMTP setting that is wrong, by name.
 */
export function smtpSettingsValid(environment: SmtpEnvironment, context: z.RefinementCtx): void {
  for (const { variable, message } of resolveSmtpSettings(environment).problems)
    context.addIssue({ code: 'custom', path: [variable], message });
}

/** The SMTP settings of a validated environment; a ConfigError naming each wrong variable otherwise. */
export function smtpSettingsOf(environment: SmtpEnvironment): SmtpSettings {
  const { settings, problems } = resolveSmtpSettings(environment);
  if (settings && problems.length === 0) return settings;
  const lines = problems.map(({ variable, message }) => `  ${variable}: ${message}`);
  throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}
