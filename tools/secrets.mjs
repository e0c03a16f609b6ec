// @ts-check
/**
 * Vouch's secrets, generated where they are needed: no secret is a constant in the repository.
 *
 *   node tools/secrets.mjs compose [file]          # adds what is missing to .env, for `docker compose up`
 *   node tools/secrets.mjs k8s-local [directory]   # writes infra/k8s/overlays/local/secrets/*.env
 *
 * `npm start` calls `localSecrets()`: made on the first start, kept in .local/secrets (readable only
 * by you) and reused, so the links already emailed and the sign-ins survive a restart.
 * Every file written here is ignored by git. docs/operations.md, "Secrets", says what each one is.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The services with a database of their own, each with its own role. */
export const DATABASE_SERVICES = ['identity', 'connections', 'recommendations', 'notifications'];

/** 256 random bits, URL-safe (43 characters): HMAC keys, bearer tokens. */
export const randomSecret = () => randomBytes(32).toString('base64url');
/** A database password that needs no escaping in a URL (48 hex characters). */
export const randomPassword = () => randomBytes(24).toString('hex');
/** A fresh Ed25519 signing key (identity's tokens, recommendations' documents), as a PKCS#8 PEM. */
export const signingKeyPem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Every generated secret, by variable name. */
export function generatedSecrets() {
  return {
    JWT_PRIVATE_KEYS: signingKeyPem(),
    DOCUMENT_SIGNING_KEY: signingKeyPem(),
    UNSUBSCRIBE_SECRET: randomSecret(),
    INVITATION_SECRET: randomSecret(),
    SCIM_TOKEN: randomSecret(),
    POSTGRES_PASSWORD: randomPassword(),
    ...Object.fromEntries(
      DATABASE_SERVICES.map((service) => [`${service.toUpperCase()}_DATABASE_PASSWORD`, randomPassword()]),
    ),
  };
}

/**
 * The secrets of `npm start`: each read from `<directory>/<NAME>`, or generated there on the first
 * start (mode 0600), unless the environment sets it.
 * @param {string} [directory]
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ JWT_PRIVATE_KEYS: string, DOCUMENT_SIGNING_KEY: string, UNSUBSCRIBE_SECRET: string, INVITATION_SECRET: string, SCIM_TOKEN: string, generated: string[] }}
 */
export function localSecrets(directory = path.join(repoRoot, '.local', 'secrets'), env = process.env) {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  /** @type {string[]} */
  const generated = [];
  /** @param {string} name @param {() => string} make */
  const secret = (name, make) => {
    const given = env[name];
    if (given) return given;
    const file = path.join(directory, name);
    if (existsSync(file)) {
      const kept = readFileSync(file, 'utf8').trim();
      if (kept) return kept;
    }
    const value = make();
    writeFileSync(file, `${value.trim()}\n`, { mode: 0o600 });
    generated.push(name);
    return value.trim();
  };
  return {
    JWT_PRIVATE_KEYS: secret('JWT_PRIVATE_KEYS', signingKeyPem),
    DOCUMENT_SIGNING_KEY: secret('DOCUMENT_SIGNING_KEY', signingKeyPem),
    UNSUBSCRIBE_SECRET: secret('UNSUBSCRIBE_SECRET', randomSecret),
    INVITATION_SECRET: secret('INVITATION_SECRET', randomSecret),
    SCIM_TOKEN: secret('SCIM_TOKEN', randomSecret),
    generated,
  };
}

/** The variables of an env file (KEY=value lines), as a map. */
export function readEnvFile(/** @type {string} */ file) {
  if (!existsSync(file)) return new Map();
  return new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.match(/^\s*([A-Z0-9_]+)=(.*)$/))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  );
}

/**
 * Adds to `.env` (next to docker-compose.yml) every secret Compose requires that it lacks, and the
 * project name (`vouch`, which the file cannot carry itself for Compose 1.x); those it has stay.
 * SCIM_TOKEN is left out: unset, SCIM is off.
 * @returns {string[]} the variables added
 */
export function writeComposeSecrets(file = path.join(repoRoot, '.env')) {
  const existing = readEnvFile(file);
  const { SCIM_TOKEN: _scim, ...secrets } = generatedSecrets();
  const settings = { COMPOSE_PROJECT_NAME: 'vouch', ...secrets };
  const added = Object.entries(settings).filter(([name]) => !existing.get(name));
  if (added.length === 0) return [];
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = added.map(([name, value]) => `${name}=${value.trim().replace(/\n/g, '\\n')}`);
  writeFileSync(file, `${before}${before && !before.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`, {
    mode: 0o600,
  });
  return added.map(([name]) => name);
}

/**
 * Writes the local Kubernetes overlay's secret env files, read by its secretGenerator, unless they
 * exist (delete them to make new ones).
 * @returns {string[]} the files written
 */
export function writeLocalOverlaySecrets(
  directory = path.join(repoRoot, 'infra', 'k8s', 'overlays', 'local', 'secrets'),
) {
  const secrets = generatedSecrets();
  // The overlay's PostgreSQL is the namespace's own, with no persistence: the services share its
  // superuser (a generated password), each in its own database.
  /** @param {string} service */
  const databaseUrl = (service) =>
    `postgres://postgres:${secrets.POSTGRES_PASSWORD}@postgres:5432/${service}`;
  // Empty: the namespace's Kafka is plaintext, without users (KAFKA_ALLOW_PLAINTEXT in the overlay).
  const plaintextKafka = { KAFKA_SASL_USERNAME: '', KAFKA_SASL_PASSWORD: '' };
  /** @type {Record<string, Record<string, string>>} */
  const files = {
    'identity.env': {
      DATABASE_URL: databaseUrl('identity'),
      JWT_PRIVATE_KEYS: secrets.JWT_PRIVATE_KEYS.trim().replace(/\n/g, '\\n'),
      // Empty: SCIM and single sign-on are off. To try an identity provider, set them.
      SCIM_TOKEN: '',
      OIDC_CLIENT_SECRET: '',
      SMTP_URL: 'smtp://maildev:1025',
      // Empty: maildev takes no login.
      SMTP_PASSWORD: '',
      SMTP_OAUTH_CLIENT_SECRET: '',
      ...plaintextKafka,
    },
    'connections.env': { DATABASE_URL: databaseUrl('connections'), ...plaintextKafka },
    'recommendations.env': {
      DATABASE_URL: databaseUrl('recommendations'),
      DOCUMENT_SIGNING_KEY: secrets.DOCUMENT_SIGNING_KEY.trim().replace(/\n/g, '\\n'),
      DOCUMENT_PREVIOUS_PUBLIC_KEYS: '',
      ...plaintextKafka,
    },
    'notifications.env': {
      DATABASE_URL: databaseUrl('notifications'),
      SMTP_URL: 'smtp://maildev:1025',
      SMTP_PASSWORD: '',
      SMTP_OAUTH_CLIENT_SECRET: '',
      UNSUBSCRIBE_SECRET: secrets.UNSUBSCRIBE_SECRET,
      UNSUBSCRIBE_PREVIOUS_SECRETS: '',
      ...plaintextKafka,
    },
    'invitation.env': { INVITATION_SECRET: secrets.INVITATION_SECRET },
    'postgres.env': { POSTGRES_PASSWORD: secrets.POSTGRES_PASSWORD },
    'kafka-topics.env': plaintextKafka,
  };
  mkdirSync(directory, { recursive: true });
  const written = [];
  for (const [name, variables] of Object.entries(files)) {
    const file = path.join(directory, name);
    if (existsSync(file)) continue;
    const text = Object.entries(variables)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n');
    writeFileSync(file, `${text}\n`, { mode: 0o600 });
    written.push(path.relative(repoRoot, file));
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, target] = process.argv.slice(2);
  if (command === 'compose') {
    const added = writeComposeSecrets(target && path.resolve(target));
    process.stdout.write(added.length ? `.env: added ${added.join(', ')}\n` : '.env: every secret is set\n');
  } else if (command === 'k8s-local') {
    const written = writeLocalOverlaySecrets(target && path.resolve(target));
    process.stdout.write(
      written.length
        ? `wrote ${written.join(', ')}\n`
        : 'the local overlay’s secrets exist (delete them to renew)\n',
    );
  } else {
    process.stderr.write('usage: node tools/secrets.mjs compose [file] | k8s-local [directory]\n');
    process.exit(2);
  }
}
