// @ts-check
/**
 * `npm start`: from a fresh clone to a running Vouch. Installs dependencies, brings up Kafka,
 * PostgreSQL and maildev (infra/scripts/infra.mjs), starts every service that exists, waits until
 * each answers /health/ready, then the portal (its app built if the sources changed) in front of them,
 * and prints where to look. Ctrl-C stops what it started.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies, repoRoot } from './ensure-dependencies.mjs';
import { createSupervisor } from './supervise.mjs';
import { localSecrets } from './secrets.mjs';

/** The services of the platform and their default ports (docs/api.md). */
const SERVICES = [
  { name: 'identity', port: 3001 },
  { name: 'connections', port: 3002 },
  { name: 'recommendations', port: 3003 },
  { name: 'notifications', port: 3004 },
];

/** The employee portal: the app and the APIs on one origin, where every email link points. */
const PORTAL = {
  port: Number(process.env.PORTAL_PORT || 8080),
  root: path.join(repoRoot, 'services', 'portal'),
  built: path.join(repoRoot, 'dist', 'portal', 'index.html'),
};

const log = (/** @type {string} */ line) => process.stderr.write(`[start] ${line}\n`);
const lockFile = path.join(repoRoot, '.local', 'run', 'start.pid');
/**
 * This run's SCIM token, readable only by its user, for `npm run demo` in another terminal: the org
 * chart comes only from the identity provider (or an admin), so the demo draws it over SCIM.
 */
const scimTokenFile = path.join(repoRoot, '.local', 'run', 'scim-token');
/**
 * The development company IdP of this run (its issuer and admin token), readable only by you: `npm
 * run demo` tells it about the people it creates, so they can "Sign in with your company account".
 */
const devIdpFile = path.join(repoRoot, '.local', 'run', 'dev-idp.json');

/**
 * The development company IdP (tools/dev-idp): an OpenID Connect provider standing in for the
 * company's Entra ID, Okta or Google, unless OIDC_ISSUER names a real one. It knows the admin from
 * the start; the demo adds its people.
 */
const DEV_IDP = {
  port: Number(process.env.DEV_IDP_PORT || 3099),
  clientId: 'vouch-local',
  adminGroup: 'Vouch Admins',
};

function isAlive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function takeLock() {
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && isAlive(pid)) {
      log(
        `Vouch is already running (npm start, pid ${pid}). Stop it with Ctrl-C in its terminal, or: kill ${pid}`,
      );
      process.exit(1);
    }
  }
  mkdirSync(path.dirname(lockFile), { recursive: true });
  writeFileSync(lockFile, String(process.pid));
}

/** @param {string} url @param {number} timeoutMs */
async function waitUntilReady(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/** @param {string} file @returns {number} the newest modification time in a file or folder */
function newestChange(file) {
  const stats = statSync(file);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(file).map((entry) => newestChange(path.join(file, entry))));
}

/** Builds the portal's app (vite build into dist/portal) unless the build is newer than its sources. */
function buildPortalIfStale() {
  if (!existsSync(PORTAL.root)) return false;
  const sources = ['src', 'index.html', 'vite.config.mjs'].map((entry) => path.join(PORTAL.root, entry));
  if (existsSync(PORTAL.built) && statSync(PORTAL.built).mtimeMs >= Math.max(...sources.map(newestChange))) {
    return true;
  }
  log('building the portal (vite build)');
  const result = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(PORTAL.root, 'vite.config.mjs'),
      '--logLevel',
      'warn',
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error("the portal did not build: see vite's output above");
  return true;
}

/**
 * With `VOUCH_KAFKA_SECURITY=sasl_ssl` (infra.mjs made the broker's CA and users): each service
 * connects over TLS as its own SCRAM user, under its ACLs.
 * @param {{ kafkaSecurity?: { caFile: string, credentialsFile: string } }} endpoints
 * @param {string} service
 * @returns {Record<string, string>}
 */
function kafkaSecurityOf(endpoints, service) {
  if (!endpoints.kafkaSecurity) return {};
  const credentials = JSON.parse(readFileSync(endpoints.kafkaSecurity.credentialsFile, 'utf8'));
  const user = credentials.services[service];
  if (!user) return {};
  return {
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: endpoints.kafkaSecurity.caFile,
    KAFKA_SASL_MECHANISM: credentials.mechanism,
    KAFKA_SASL_USERNAME: user.username,
    KAFKA_SASL_PASSWORD: user.password,
  };
}

async function main() {
  takeLock();
  ensureDependencies();
  const portalBuilt = buildPortalIfStale();
  const infra = await import('../infra/scripts/infra.mjs');
  const endpoints = await infra.up({});
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  let stopping = false;

  const stop = async (/** @type {number} */ code) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve(undefined);
            child.once('exit', resolve);
            child.kill('SIGTERM');
            // A service stuck in its own shutdown is not allowed to keep the others waiting.
            setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
          }),
      ),
    );
    if (endpoints.started.length > 0) await infra.down({ only: endpoints.started });
    rmSync(scimTokenFile, { force: true });
    rmSync(devIdpFile, { force: true });
    rmSync(lockFile, { force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const supervise = createSupervisor({
    log,
    isStopping: () => stopping,
    onGiveUp: () => void stop(1),
    children,
  });

  /** Runs `services/<name>/src/main.ts` as `npm start`'s child, its output prefixed with its name. */
  const startService = (/** @type {string} */ name, /** @type {Record<string, string>} */ environment) =>
    supervise(name, () => launchService(name, environment));

  const launchService = (/** @type {string} */ name, /** @type {Record<string, string>} */ environment) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join('services', name, 'src', 'main.ts')],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SWC_NODE_PROJECT: path.join(repoRoot, 'tsconfig.json'), ...environment },
      },
    );
    const prefix = `[${name}] `;
    child.stdout?.on('data', (chunk) =>
      process.stdout.write(prefix + chunk.toString().trimEnd().replace(/\n/g, `\n${prefix}`) + '\n'),
    );
    child.stderr?.on('data', (chunk) =>
      process.stderr.write(prefix + chunk.toString().trimEnd().replace(/\n/g, `\n${prefix}`) + '\n'),
    );
    return child;
  };

  // Email links and the identity provider's SCIM base URL lead to the portal.
  const publicUrl = process.env.PUBLIC_URL || `http://127.0.0.1:${PORTAL.port}`;
  // No secret is a constant in the repository: each is the environment's, else made on the first
  // start and kept in .local/secrets (yours only), so the SCIM token an identity provider was given,
  // the links already emailed (unsubscribe, invitations) and the sign-ins survive a restart.
  const secrets = localSecrets(path.join(repoRoot, '.local', 'secrets'));
  if (secrets.generated.length > 0)
    log(`generated ${secrets.generated.join(', ')} into .local/secrets (kept for later starts)`);
  // The bearer token identity's SCIM endpoint accepts.
  const scimToken = secrets.SCIM_TOKEN;
  // Shared by identity (which verifies invitation links) and notifications (which makes them), and
  // by nothing else.
  const invitationSecret = secrets.INVITATION_SECRET;
  // Created afresh, so that a file left by an earlier run lends it no wider permissions.
  rmSync(scimTokenFile, { force: true });
  writeFileSync(scimTokenFile, scimToken, { mode: 0o600 });
  const identity = SERVICES.find((service) => service.name === 'identity');
  // Without the portal (and no PUBLIC_URL of its own), only identity's own port answers SCIM.
  const scimOrigin = portalBuilt || process.env.PUBLIC_URL ? publicUrl : `http://127.0.0.1:${identity?.port}`;

  // Single sign-on: the company's provider when OIDC_ISSUER names one, else the development IdP.
  /** @type {Record<string, string>} */
  let sso = {};
  if (!process.env.OIDC_ISSUER) {
    const issuer = `http://127.0.0.1:${DEV_IDP.port}`;
    const clientSecret = randomBytes(32).toString('base64url');
    const adminToken = randomBytes(32).toString('base64url');
    log(`starting the development company IdP on :${DEV_IDP.port}`);
    // Restarted, it knows the admin again, but not the people `npm run demo` added: run the demo again.
    supervise('the development IdP', () =>
      spawn(process.execPath, [path.join(repoRoot, 'tools', 'dev-idp', 'dev-idp.mjs')], {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          DEV_IDP_PORT: String(DEV_IDP.port),
          DEV_IDP_ADMIN_TOKEN: adminToken,
          DEV_IDP_CLIENTS: JSON.stringify([
            {
              client_id: DEV_IDP.clientId,
              client_secret: clientSecret,
              redirect_uris: [`${publicUrl}/v1/auth/sso/callback`],
            },
          ]),
          DEV_IDP_PEOPLE_JSON: JSON.stringify([
            {
              email: process.env.ADMIN_EMAILS?.split(',')[0]?.trim() || 'admin@acme.com',
              name: 'Acme Admin',
              groups: [DEV_IDP.adminGroup],
            },
          ]),
        },
      }),
    );
    await waitUntilReady(`${issuer}/.well-known/openid-configuration`, 30_000);
    rmSync(devIdpFile, { force: true });
    writeFileSync(devIdpFile, JSON.stringify({ issuer, adminToken }), { mode: 0o600 });
    sso = {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: DEV_IDP.clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_ADMIN_GROUP: process.env.OIDC_ADMIN_GROUP || DEV_IDP.adminGroup,
      // Locally, whoever the development IdP knows gets in; a company decides for itself.
      OIDC_JIT_PROVISIONING: process.env.OIDC_JIT_PROVISIONING || 'true',
    };
  }

  const present = SERVICES.filter((service) =>
    existsSync(path.join(repoRoot, 'services', service.name, 'src', 'main.ts')),
  );
  for (const service of present) {
    log(`starting ${service.name} on :${service.port}`);
    const databaseUrl = new URL(endpoints.databaseUrl);
    databaseUrl.pathname = `/${service.name}`;
    startService(service.name, {
      PORT: String(service.port),
      DATABASE_URL: databaseUrl.toString(),
      KAFKA_BROKERS: endpoints.kafkaBrokers,
      ...kafkaSecurityOf(endpoints, service.name),
      SMTP_URL: endpoints.smtpUrl,
      // notifications' links and recommendations' documents name it; the others ignore it.
      PUBLIC_URL: publicUrl,
      // On a laptop, whoever registers as admin@acme.com may draw the org chart (identity reads it).
      ADMIN_EMAILS: process.env.ADMIN_EMAILS || 'admin@acme.com',
      // The portal's gateway on this machine forwards the browser's address: identity's login
      // throttle counts per client, not all of them as the gateway.
      TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || 'loopback',
      ...(service.name === 'identity'
        ? {
            SCIM_TOKEN: scimToken,
            ...(process.env.JWT_PRIVATE_KEY_FILE ? {} : { JWT_PRIVATE_KEYS: secrets.JWT_PRIVATE_KEYS }),
            ...sso,
            AUTH_PASSWORD_ENABLED: process.env.AUTH_PASSWORD_ENABLED || 'true',
            // `npm run demo` signs its 30 people up from this machine, over the limit for one address.
            REGISTRATIONS_PER_ADDRESS_PER_HOUR: process.env.REGISTRATIONS_PER_ADDRESS_PER_HOUR || '1000',
          }
        : {}),
      ...(service.name === 'identity' || service.name === 'notifications'
        ? { INVITATION_SECRET: invitationSecret }
        : {}),
      ...(service.name === 'notifications'
        ? {
            UNSUBSCRIBE_SECRET: secrets.UNSUBSCRIBE_SECRET,
            // On a laptop an email shows up in maildev at whatever hour one tries it: no quiet hours,
            // unless WORKING_HOURS says otherwise.
            WORKING_HOURS: process.env.WORKING_HOURS || '00:00-24:00',
          }
        : {}),
      // Kept across restarts, so the documents downloaded earlier still verify against its keys.
      ...(service.name === 'recommendations' && !process.env.DOCUMENT_SIGNING_KEY_FILE
        ? { DOCUMENT_SIGNING_KEY: secrets.DOCUMENT_SIGNING_KEY }
        : {}),
    });
  }
  await Promise.all(
    present.map((service) => waitUntilReady(`http://127.0.0.1:${service.port}/health/ready`, 120_000)),
  );

  // The portal last: its gateway forwards to services that answer by now.
  if (portalBuilt) {
    log(`starting the portal on :${PORTAL.port}`);
    startService('portal', {
      PORTAL_PORT: String(PORTAL.port),
      // Its Strict-Transport-Security when https; the browser reaches it directly, so it trusts no
      // proxy's X-Forwarded-For (the services trust the gateway's, on loopback).
      PUBLIC_URL: publicUrl,
      TRUSTED_PROXIES: '',
      ...Object.fromEntries(
        SERVICES.map((service) => [`${service.name.toUpperCase()}_URL`, `http://127.0.0.1:${service.port}`]),
      ),
    });
    await waitUntilReady(`http://127.0.0.1:${PORTAL.port}/health/ready`, 60_000);
  }

  const lines = [
    '',
    ...(portalBuilt ? [`Open http://127.0.0.1:${PORTAL.port}`, ''] : []),
    'Vouch is up.',
    ...present.map((service) => `  ${service.name.padEnd(16)} http://127.0.0.1:${service.port}/docs`),
    ...(present.length === 0 ? ['  (no services yet: only the infrastructure runs)'] : []),
    `  maildev inbox    ${endpoints.maildevUrl}`,
    `  Kafka            ${endpoints.kafkaBrokers}`,
    `  PostgreSQL       ${endpoints.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
    ...(sso.OIDC_ISSUER
      ? [
          `  company IdP      ${sso.OIDC_ISSUER}  (development company IdP: "Sign in with your company account" as admin@acme.com, or anyone npm run demo adds)`,
        ]
      : []),
    ...(identity && present.includes(identity)
      ? [
          '',
          'SCIM provisioning (README.md, "Connecting your identity provider (SCIM)"):',
          `  tenant URL       ${scimOrigin}/scim/v2`,
          `  secret token     ${scimToken}  (${process.env.SCIM_TOKEN ? 'SCIM_TOKEN' : 'kept in .local/secrets/SCIM_TOKEN'})`,
        ]
      : []),
    '',
    'Ctrl-C stops it.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  // Stay in the foreground, like the services, until Ctrl-C.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  log(error instanceof Error ? error.message : String(error));
  rmSync(scimTokenFile, { force: true });
  rmSync(devIdpFile, { force: true });
  rmSync(lockFile, { force: true });
  process.exit(1);
});
