#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:containers`: Vouch in containers, for real, on this machine. Builds the images
 * (`npm run images`), brings the whole stack of docker-compose.yml up with notifications scaled to
 * three, waits for every healthcheck, runs the stack's suite against it (e2e/containers: the
 * end-to-end flow through the portal with the emails read from the maildev container; one
 * notifications replica killed under load and one service stopped with `docker stop` under load,
 * each reconciled: nothing lost, nothing duplicated), tears it down with its volumes, then runs one
 * integration suite and one end-to-end suite on the test harness's testcontainers branch
 * (VOUCH_TEST_INFRA=containers). Prints each step's time and the stack's memory, and writes them to
 * .local/test-containers/report.json. `.ci/run` runs it after `npm test`.
 *
 *   npm run test:containers [-- options]
 *     --project NAME        compose project (default vouch-test; never `vouch`, a user's stack)
 *     --port-offset N       host ports are docker-compose.yml's plus N (default 10000: Kafka 29092,
 *                           PostgreSQL 64329, SMTP 11025, maildev 11080, services 13001..13003,
 *                           portal 18080), so `npm start`'s infrastructure and a user's stack keep theirs
 *     --no-build            use the images as they are (else `npm run images` first: a minute or two
 *                           when nothing changed)
 *     --keep                leave the stack running after its suite (tear it down with --down)
 *     --down                only tear the project down (containers, network, volumes)
 *     --skip-testcontainers skip the harness's testcontainers suites
 *
 * The compose implementation here is Debian's docker-compose 1.29 through podman's Docker-compatible
 * socket (infra/containers/containers.mjs): the only one this machine can have that honours
 * depends_on's conditions. podman-compose 1.0.3 ignores them (kafka-topics ran before Kafka answered)
 * and leaves `${VAR:-}` uninterpolated; no Compose v2 is reachable. Where Compose 1.29's commands
 * differ from v2's (`docker-compose` for `docker compose`, no `up --wait`), docs/operations.md says so.
 * podman 4.3 schedules no healthcheck without systemd: this script runs `podman healthcheck run` for
 * the project's containers meanwhile (starting or unhealthy ones every 3 s, healthy ones every 15 s),
 * so depends_on's service_healthy and the suite's waits work as under Docker.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  REPO_ROOT,
  commandLineArguments,
  containerStats,
  podman,
  podmanAsync,
  runCommand,
  setup as setupPodman,
  start as startPodmanService,
} from '../infra/containers/containers.mjs';
import { imageEnvironment, imageTags, readVersions } from './images.mjs';
import { readEnvFile, writeComposeSecrets } from './secrets.mjs';

const WORK_DIR = path.join(REPO_ROOT, '.local', 'test-containers');
/** docker-compose.yml's host ports, by the variable that moves each. */
export const HOST_PORTS = /** @type {const} */ ({
  KAFKA_HOST_PORT: 19092,
  POSTGRES_HOST_PORT: 54329,
  SMTP_HOST_PORT: 1025,
  MAILDEV_HOST_PORT: 1080,
  IDENTITY_HOST_PORT: 3001,
  CONNECTIONS_HOST_PORT: 3002,
  RECOMMENDATIONS_HOST_PORT: 3003,
  PORTAL_HOST_PORT: 8080,
});
const DATABASES = ['identity', 'connections', 'recommendations', 'notifications'];
/** The harness's testcontainers branch: one integration suite and one end-to-end suite. */
const TESTCONTAINERS_SUITES = [
  'libs/messaging/test/dead-letters.int-spec.ts',
  'e2e/identity-and-connections.e2e-spec.ts',
];

/** @param {string[]} argv */
export function parseArguments(argv) {
  const options = {
    project: 'vouch-test',
    portOffset: 10000,
    build: true,
    keep: false,
    down: false,
    testcontainers: true,
  };
  for (const [arg, value] of commandLineArguments(argv)) {
    if (arg === '--project') options.project = value();
    else if (arg === '--port-offset') options.portOffset = Number(value());
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--down') options.down = true;
    else if (arg === '--skip-testcontainers') options.testcontainers = false;
    else throw new Error(`unknown option ${arg} (see the head of tools/test-containers.mjs)`);
  }
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(options.project) || options.project === 'vouch')
    throw new Error(`--project ${options.project}: a lower-case name other than vouch`);
  if (!Number.isInteger(options.portOffset) || options.portOffset < 0 || options.portOffset > 10000)
    throw new Error(`--port-offset ${options.portOffset}: an integer from 0 to 10000`);
  return options;
}

/**
 * What the stack runs with beyond its .env: host ports moved by `offset`, the portal's address in
 * the emails' links, an identity provider's SCIM token and an admin, and limits fit for a test
 * that signs a company up from one address and emails each colleague many times a day.
 * @param {number} offset
 * @param {string} scimToken
 * @returns {Record<string, string>}
 */
export function stackSettings(offset, scimToken) {
  const ports = Object.fromEntries(
    Object.entries(HOST_PORTS).map(([name, port]) => [name, String(port + offset)]),
  );
  return {
    ...ports,
    PUBLIC_URL: `http://127.0.0.1:${ports['PORTAL_HOST_PORT']}`,
    SCIM_TOKEN: scimToken,
    ADMIN_EMAILS: 'admin@acme.com',
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '1000000',
    REGISTRATIONS_PER_MINUTE: '1000000',
    MAX_EMAILS_PER_DAY: '1000000',
    // The suites expect each email at whatever hour they run: no quiet hours.
    WORKING_HOURS: '00:00-24:00',
  };
}

/**
 * @param {string} project
 * @param {string} [health] starting | healthy | unhealthy
 */
function projectContainers(project, health) {
  const args = ['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`];
  if (health) args.push('--filter', `health=${health}`);
  return String(podman(args).stdout).split('\n').filter(Boolean);
}

/**
 * podman 4.3 without systemd runs no healthcheck by itself: run them, as Docker would.
 * @param {string} project
 */
function startHealthRunner(project) {
  /** @type {Map<string, number>} */
  const lastRun = new Map();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const now = Date.now();
    const due = [
      ...[...projectContainers(project, 'starting'), ...projectContainers(project, 'unhealthy')].map(
        (id) => ({ id, every: 3000 }),
      ),
      ...projectContainers(project, 'healthy').map((id) => ({ id, every: 15000 })),
    ].filter(({ id, every }) => now - (lastRun.get(id) ?? 0) >= every);
    Promise.all(
      due.map(({ id }) => {
        lastRun.set(id, now);
        return podmanAsync(['healthcheck', 'run', id], '/dev/null');
      }),
    ).finally(() => {
      busy = false;
    });
  }, 1000);
  return () => clearInterval(timer);
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs `work` as step `name`, timing it into `timings`.
 * @template T
 * @param {Record<string, number>} timings
 * @param {string} name
 * @param {() => Promise<T>} work
 */
async function timed(timings, name, work) {
  const started = Date.now();
  console.error(`\n▶ [test-containers] ${name}`);
  try {
    return await work();
  } finally {
    timings[name] = Date.now() - started;
    console.error(`  [test-containers] ${name}: ${seconds(timings[name])}`);
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const started = Date.now();
  fs.mkdirSync(WORK_DIR, { recursive: true });
  /** @type {Record<string, number>} */
  const timings = {};
  setupPodman();
  const podmanEnv = await startPodmanService();

  // The secrets once (the volumes they seed go with every teardown), the SCIM token with them.
  const envFile = path.join(WORK_DIR, '.env');
  writeComposeSecrets(envFile);
  const secrets = readEnvFile(envFile);
  let scimToken = secrets.get('SCIM_TOKEN');
  if (!scimToken) {
    scimToken = randomBytes(32).toString('base64url');
    fs.appendFileSync(envFile, `SCIM_TOKEN=${scimToken}\n`);
  }
  const settings = stackSettings(options.portOffset, scimToken);
  const env = {
    ...process.env,
    ...podmanEnv,
    ...imageEnvironment(imageTags(readVersions())),
    ...settings,
    COMPOSE_PROJECT_NAME: options.project,
  };
  const log = path.join(WORK_DIR, 'compose.log');
  const compose = [
    '--env-file',
    envFile,
    '--project-directory',
    REPO_ROOT,
    '-p',
    options.project,
    '-f',
    path.join(REPO_ROOT, 'docker-compose.yml'),
  ];
  const dockerCompose = (/** @type {string[]} */ args) =>
    runCommand('docker-compose', [...compose, ...args], { env, log });
  const down = () =>
    timed(timings, 'down (with volumes)', async () => {
      const code = await dockerCompose(['down', '--volumes', '--remove-orphans', '--timeout', '30']);
      if (code !== 0) throw new Error(`docker-compose down failed (log: ${path.relative(REPO_ROOT, log)})`);
    });
  if (options.down) return down();

  if (options.build)
    await timed(timings, 'images (npm run images)', async () => {
      const code = await runCommand(
        process.execPath,
        [path.join(REPO_ROOT, 'tools', 'images.mjs'), '--no-sbom'],
        { env },
      );
      if (code !== 0) throw new Error('tools/images.mjs failed');
    });

  // Leftovers of a run that died: never reuse their volumes.
  if (projectContainers(options.project).length > 0) await down();

  const stopHealthRunner = startHealthRunner(options.project);
  /** @type {ReturnType<typeof containerStats>} */
  let usage = [];
  let failure;
  try {
    console.error(`[test-containers] compose log: ${path.relative(REPO_ROOT, log)}`);
    await timed(timings, 'up (docker-compose up -d --scale notifications=3)', async () => {
      const code = await dockerCompose(['up', '-d', '--no-build', '--scale', 'notifications=3']);
      if (code !== 0) throw new Error(`docker-compose up failed (log: ${path.relative(REPO_ROOT, log)})`);
    });
    // docker-compose 1.29 has no `up --wait`: every running container healthy, the replicas too.
    await timed(timings, 'every container healthy', async () => {
      const deadline = Date.now() + 300_000;
      while (
        projectContainers(options.project, 'starting').length +
          projectContainers(options.project, 'unhealthy').length >
        0
      ) {
        if (Date.now() > deadline) throw new Error('not every container became healthy within 300 s');
        await sleep(1000);
      }
    });
    usage = containerStats(projectContainers(options.project));
    for (const container of usage)
      console.error(`[test-containers] ${container.name}: ${container.mem_usage}`);

    const password = secrets.get('POSTGRES_PASSWORD');
    const postgres = `postgres://postgres:${password}@127.0.0.1:${settings.POSTGRES_HOST_PORT}`;
    const stackFile = path.join(WORK_DIR, 'stack.json');
    fs.writeFileSync(
      stackFile,
      `${JSON.stringify(
        {
          portalUrl: settings.PUBLIC_URL,
          maildevUrl: `http://127.0.0.1:${settings.MAILDEV_HOST_PORT}`,
          databaseUrls: Object.fromEntries(DATABASES.map((name) => [name, `${postgres}/${name}`])),
          adminEmail: settings.ADMIN_EMAILS,
          scimToken,
          compose: { project: options.project, environment: podmanEnv },
        },
        null,
        2,
      )}\n`,
      { mode: 0o600 },
    );
    await timed(timings, "the stack's suite (e2e/containers)", async () => {
      const code = await runCommand(
        process.execPath,
        [
          path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
          '--ci',
          '--config',
          path.join(REPO_ROOT, 'e2e', 'containers', 'jest.config.js'),
        ],
        {
          env: {
            ...env,
            VOUCH_STACK_FILE: stackFile,
            // The test library's maildev helpers read the stack's infrastructure from these.
            KAFKA_BROKERS: `127.0.0.1:${settings.KAFKA_HOST_PORT}`,
            DATABASE_URL: `${postgres}/postgres`,
            SMTP_URL: `smtp://127.0.0.1:${settings.SMTP_HOST_PORT}`,
            MAILDEV_URL: `http://127.0.0.1:${settings.MAILDEV_HOST_PORT}`,
          },
        },
      );
      if (code !== 0) throw new Error("the stack's suite failed");
    });
  } catch (error) {
    failure = error;
  } finally {
    stopHealthRunner();
    if (options.keep && !failure) console.error(`[test-containers] left running: --down tears it down`);
    else await down().catch((error) => (failure ??= error));
  }

  if (!failure && options.testcontainers)
    await timed(timings, 'testcontainers branch (VOUCH_TEST_INFRA=containers)', async () => {
      // The stack's own endpoints must not leak in: the harness would use them instead of containers.
      /** @type {NodeJS.ProcessEnv} */
      const harnessEnv = { ...env, VOUCH_TEST_INFRA: 'containers' };
      for (const name of ['KAFKA_BROKERS', 'DATABASE_URL', 'SMTP_URL', 'MAILDEV_URL'])
        delete harnessEnv[name];
      const code = await runCommand(
        process.execPath,
        [
          path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
          '--ci',
          '--selectProjects',
          'integration',
          'e2e',
          '--runTestsByPath',
          ...TESTCONTAINERS_SUITES,
        ],
        { env: harnessEnv },
      );
      if (code !== 0) throw new Error('the testcontainers suites failed');
    }).catch((error) => (failure = error));

  timings['total'] = Date.now() - started;
  fs.writeFileSync(
    path.join(WORK_DIR, 'report.json'),
    `${JSON.stringify({ ranAt: new Date(started).toISOString(), passed: !failure, timings, usage }, null, 2)}\n`,
  );
  console.error(
    `\n[test-containers] ${failure ? 'FAILED' : 'passed'}: ${Object.entries(timings)
      .map(([step, ms]) => `${step} ${seconds(ms)}`)
      .join('; ')}`,
  );
  if (failure) throw failure;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[test-containers] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
