import type { z } from 'zod';

/**
 * Every value this repository publishes where a secret goes: defaults, examples, development and
 * test literals (docker-compose.yml, infra/k8s, the env examples, docs, tests). Anyone can read them,
 * so none of them is a secret in production. Add here any literal that a file of the repo offers for
 * a secret.
 */
export const PUBLISHED_SECRET_VALUES: readonly string[] = [
  'postgres',
  'password',
  'secret',
  'changeme',
  'change-me',
  'REPLACE_ME',
  'GENERATED',
  'identity',
  'connections',
  'recommendations',
  'notifications',
  'vouch',
  'vouch-development-unsubscribe-secret-change-me',
  'compose-development-unsubscribe-secret',
  'local-development-unsubscribe-secret',
  'local-development-invitation-secret-not-a-secret',
  'openapi-generation-not-a-secret',
  'openapi-generation-not-a-secret-either',
  'a-test-secret-that-is-long-enough',
  'an-e2e-secret-that-is-long-enough',
  'a-benchmark-secret-that-is-long-enough',
  'only-for-parsing-here',
  'an-invitation-secret-of-32-characters!',
  'a-client-secret',
  'a client secret',
  'a-test-smtp-client-secret',
];

const PUBLISHED = new Set(PUBLISHED_SECRET_VALUES.map((value) => value.toLowerCase()));

/** Whether a value is one the repository publishes (any case), or a placeholder built on one. */
export function isPublishedSecret(value: string): boolean {
  const normalised = value.trim().toLowerCase();
  return PUBLISHED.has(normalised) || /replace[_-]?me|change[_-]?me/.test(normalised);
}

/** The shortest secret accepted in production for HMAC keys and bearer tokens (256 bits of base64). */
export const SECRET_MIN_LENGTH = 32;
/** The shortest database password accepted in production. */
export const DATABASE_PASSWORD_MIN_LENGTH = 16;

/** Why a secret is refused in production, or undefined when it is fine. */
export function secretProblem(
  name: string,
  value: string | undefined,
  minLength: number = SECRET_MIN_LENGTH,
): string | undefined {
  if (value === undefined || value === '') return `${name} is required in production`;
  if (isPublishedSecret(value))
    return `${name} is a value published in the Vouch repository (a default or an example): generate one (openssl rand -base64 48)`;
  if (value.length < minLength) return `${name} must be at least ${minLength} characters in production`;
  return undefined;
}

/**
 * Why the password of a database URL is refused in production, or undefined. A URL without a
 * password is left to PostgreSQL's other ways in (PGPASSWORD, a client certificate, IAM).
 */
export function databasePasswordProblem(name: string, databaseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return undefined;
  }
  if (url.password === '') return undefined;
  const password = decodeURIComponent(url.password);
  const user = decodeURIComponent(url.username);
  if (password.toLowerCase() === user.toLowerCase())
    return `the database password in ${name} equals the role name (${user})`;
  if (isPublishedSecret(password))
    return `the database password in ${name} is a value published in the Vouch repository: generate one (openssl rand -hex 24)`;
  if (password.length < DATABASE_PASSWORD_MIN_LENGTH)
    return `the database password in ${name} must be at least ${DATABASE_PASSWORD_MIN_LENGTH} characters in production`;
  return undefined;
}

/** A secret a service's environment holds, as checked in production. */
export interface SecretRule<TEnvironment> {
  /** The variable, named in the error. */
  name: string;
  /** Its value(s) in the parsed environment; undefined or empty when unset. */
  value: (environment: TEnvironment) => string | readonly string[] | undefined;
  /** Refused when unset (default true); false checks it only when set (an optional feature's secret). */
  required?: boolean | ((environment: TEnvironment) => boolean);
  minLength?: number;
}

/**
 * For `.superRefine` on a service's environment: with NODE_ENV=production, refuses to start when
 * DATABASE_URL's password is weak or published, or a listed secret is missing, too short or
 * published, naming the variable.
 */
export function productionSecrets<
  TEnvironment extends { NODE_ENV?: string | undefined; DATABASE_URL?: string },
>(rules: ReadonlyArray<SecretRule<TEnvironment>>) {
  return (environment: TEnvironment, context: z.RefinementCtx): void => {
    if (environment.NODE_ENV !== 'production') return;
    const refuse = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (environment.DATABASE_URL !== undefined) {
      const problem = databasePasswordProblem('DATABASE_URL', environment.DATABASE_URL);
      if (problem) refuse('DATABASE_URL', problem);
    }
    for (const rule of rules) {
      const value = rule.value(environment);
      const values = value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
      const set = values.filter((item) => item !== '');
      const required =
        typeof rule.required === 'function' ? rule.required(environment) : (rule.required ?? true);
      if (set.length === 0) {
        if (required) refuse(rule.name, `${rule.name} is required in production`);
        continue;
      }
      for (const item of set) {
        const problem = secretProblem(rule.name, item, rule.minLength);
        if (problem) {
          refuse(rule.name, problem);
          break;
        }
      }
    }
  };
}
