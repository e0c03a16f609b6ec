import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { loadConfig, serviceEnvironment } from './load-config';
import {
  databasePasswordProblem,
  isPublishedSecret,
  productionSecrets,
  PUBLISHED_SECRET_VALUES,
  secretProblem,
} from './production-secrets';

const randomSecret = () => randomBytes(32).toString('base64url');
const databaseUrl = (user: string, password: string) =>
  `postgres://${user}:${encodeURIComponent(password)}@postgres.acme.internal:5432/${user}`;

describe('a secret in production', () => {
  it('is refused when missing, naming the variable', () => {
    expect(secretProblem('SCIM_TOKEN', undefined)).toBe('SCIM_TOKEN is required in production');
    expect(secretProblem('SCIM_TOKEN', '')).toBe('SCIM_TOKEN is required in production');
  });

  it('is refused when shorter than 32 characters, or the length given', () => {
    expect(secretProblem('SCIM_TOKEN', 'k'.repeat(31))).toMatch(/SCIM_TOKEN must be at least 32 characters/);
    expect(secretProblem('SCIM_TOKEN', randomSecret())).toBeUndefined();
    expect(secretProblem('OIDC_CLIENT_SECRET', 'k'.repeat(16), 16)).toBeUndefined();
  });

  it('is refused when the repository publishes it, in any case, or it is a placeholder', () => {
    for (const value of PUBLISHED_SECRET_VALUES) {
      expect(secretProblem('UNSUBSCRIBE_SECRET', value, 1)).toMatch(
        /UNSUBSCRIBE_SECRET is a value published/,
      );
    }
    expect(isPublishedSecret('COMPOSE-DEVELOPMENT-UNSUBSCRIBE-SECRET')).toBe(true);
    expect(isPublishedSecret('please-replace-me-with-something-long-enough')).toBe(true);
    expect(isPublishedSecret('change_me_change_me_change_me_change_me')).toBe(true);
    expect(isPublishedSecret(randomSecret())).toBe(false);
  });
});

describe('a database password in production', () => {
  it('is refused when it equals the role name', () => {
    expect(databasePasswordProblem('DATABASE_URL', databaseUrl('identity', 'identity'))).toMatch(
      /the database password in DATABASE_URL equals the role name \(identity\)/,
    );
    expect(databasePasswordProblem('DATABASE_URL', databaseUrl('postgres', 'postgres'))).toMatch(/role name/);
  });

  it('is refused when the repository publishes it, or shorter than 16 characters', () => {
    expect(databasePasswordProblem('DATABASE_URL', databaseUrl('identity', 'REPLACE_ME'))).toMatch(
      /published/,
    );
    expect(databasePasswordProblem('DATABASE_URL', databaseUrl('identity', 'p'.repeat(15)))).toMatch(
      /at least 16 characters/,
    );
  });

  it('is accepted when generated, or absent (PGPASSWORD, certificates)', () => {
    expect(
      databasePasswordProblem('DATABASE_URL', databaseUrl('identity', randomBytes(24).toString('hex'))),
    ).toBeUndefined();
    expect(
      databasePasswordProblem('DATABASE_URL', 'postgres://identity@postgres:5432/identity'),
    ).toBeUndefined();
  });
});

describe('productionSecrets', () => {
  const schema = serviceEnvironment({ name: 'recommendations', port: 3003 })
    .extend({
      API_TOKEN: z.string().optional(),
      OPTIONAL_TOKEN: z.string().optional(),
    })
    .superRefine(
      productionSecrets<{
        NODE_ENV?: string | undefined;
        DATABASE_URL: string;
        API_TOKEN?: string | undefined;
        OPTIONAL_TOKEN?: string | undefined;
      }>([
        { name: 'API_TOKEN', value: (environment) => environment.API_TOKEN },
        { name: 'OPTIONAL_TOKEN', value: (environment) => environment.OPTIONAL_TOKEN, required: false },
      ]),
    );
  const production = () => ({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl('recommendations', randomBytes(24).toString('hex')),
    API_TOKEN: randomSecret(),
  });

  it('checks nothing outside production: the defaults work for npm start', () => {
    expect(() => loadConfig(schema, {})).not.toThrow();
  });

  it('refuses the default database URL and each weak secret, naming every variable', () => {
    const load = () => loadConfig(schema, { NODE_ENV: 'production', OPTIONAL_TOKEN: 'secret' });
    expect(load).toThrow(/DATABASE_URL: the database password in DATABASE_URL equals the role name/);
    expect(load).toThrow(/API_TOKEN: API_TOKEN is required in production/);
    expect(load).toThrow(/OPTIONAL_TOKEN: OPTIONAL_TOKEN is a value published/);
  });

  it('starts with generated secrets, an optional one unset', () => {
    expect(loadConfig(schema, production()).API_TOKEN).toHaveLength(43);
  });
});
