#!/usr/bin/env node
// @ts-check
/**
 * DRAFT (issue #27 §2, not wired into package.json or `npm test` yet): brings the whole compose
 * stack of docker-compose.yml up on this machine with the local images, waits for every
 * healthcheck, checks that each service and the portal answer through their published ports, prints
 * timings and memory, and tears everything down with its volumes.
 *
 *   node tools/test-containers.mjs [options]
 *     --project NAME        compose project name (default vouch-test): never the `vouch` of a user's stack
 *     --port-offset N       host ports are docker-compose.yml's plus N (default 10000: 29092, 64329,
 *                           11025, 11080, 13001..13003, 18080), so the shared infrastructure of
 *                           `infra.mjs up` (19092, 54329, 1025, 1080) and `npm start` keep theirs
 *     --scale-notifications N   replicas of notifications (default 1)
 *     --build               `node tools/images.mjs` first (otherwise the images must exist)
 *     --keep                leave the stack running (tear down later with --down)
 *     --down                only tear down the project (containers, network, volumes)
 *
 * How (what the spike of 2026-12-06 found, podman 4.3 + Debian's docker-compose 1.29.2):
 * - The compose implementation is Debian's docker-compose 1.29 through podman's Docker-compatible
 *   socket (infra/containers/containers.mjs start). It honours the YAML anchors and merge keys,
 *   `depends_on` conditions (service_healthy, service_completed_successfully), start_period,
 *   `--scale`, and build args without a value. It rejects the top-level `name:` of Compose v2,
 *   which docker-compose.yml has dropped since (the project is `-p` here, COMPOSE_PROJECT_NAME in
 *   a user's .env). podman-compose 1.0.3 cannot be used: it ignores every depends_on condition
 *   (kafka-topics runs before Kafka answers) and leaves `${VAR:-}` uninterpolated (identity then
 *   refuses SCIM_TOKEN="${SCIM_TOKEN:-}"). No Compose v2 is reachable (PyPI's newer podman-compose
 *   neither).
 * - podman 4.3 schedules no healthcheck without systemd: this script runs `podman healthcheck run`
 *   for the project's containers while compose waits (a container still starting or unhealthy every
 *   3 s, a healthy one every 15 s), so depends_on's service_healthy is met as under Docker.
 * - podman 4.3's Docker API splits an exec-form healthcheck (`['CMD', 'node', '-e', '<script>']`) on
 *   spaces: the services' `node -e` script arrived as `fetch('http://127.0.0.1:'` and failed
 *   forever. docker-compose.yml's script has no spaces since; the override that gave it one here
 *   is now redundant and goes with the rest of §2.
 * - The copy also shifts the host ports (--port-offset) and makes the build context and the
 *   PostgreSQL init folder absolute; the secrets are generated (tools/secrets.mjs compose) into
 *   .local/test-containers/.env, never the repo's .env.
 *
 * Left to do (issue #27 §2): the end-to-end flow against the containers (provision, connect,
 * recommend, read the nudge from maildev at 127.0.0.1:<11080>, accept, balance), notifications
 * scaled to 3 under load with one container killed and the chaos reconciler's check, `docker stop`
 * of a service mid-load, the package.json script and CI wiring, host ports by variable in the
 * compose file (then the copy goes), and the docs' commands.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTAINERS_CONF, start as startPodmanService } from '../infra/containers/containers.mjs';
import { imageEnvironment, imageTags, readVersions } from './images.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK_DIR = path.join(REPO_ROOT, '.local', 'test-containers');
/** The services behind the portal, and the portal, with their container ports. */
const HTTP_SERVICES = [
  { name: 'identity', port: 3001 },
  { name: 'connections', port: 3002 },
  { name: 'recommendations', port: 3003 },
  { name: 'notifications', port: 3004 },
  { name: 'portal', port: 8080 },
];
/** The readiness check of docker-compose.yml, without spaces (podman 4.3 splits on them). */
const READY_CHECK =
  "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))";

/** @param {string[]} argv */
function parseArguments(argv) {
  const options = {
    project: 'vouch-test',
    portOffset: 10000,
    scale: 1,
    build: false,
    keep: false,
    down: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[(i += 1)];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--project') options.project = value();
    else if (arg === '--port-offset') options.portOffset = Number(value());
    else if (arg === '--scale-notifications') options.scale = Number(value());
    else if (arg === '--build') options.build = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--down') options.down = true;
    else throw new Error(`unknown option ${arg} (see the head of tools/test-containers.mjs)`);
  }
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(options.project) || options.project === 'vouch')
    throw new Error(`--project ${options.project}: a lower-case name other than vouch`);
  return options;
}

/**
 * docker-compose.yml as docker-compose 1.29 takes it: no top-level `name:` (the project is `-p`),
 * host ports shifted, relative paths absolute.
 * @param {string} text
 * @param {number} offset
 */
export function composeCopy(text, offset) {
  return text
    .replace(/^name: .*\n/m, '')
    .replace(
      /'127\.0\.0\.1:(\d+):(\d+)'/g,
      (_all, host, container) => `'127.0.0.1:${Number(host) + offset}:${container}'`,
    )
    .replace(/^(\s+context:) \.$/gm, `$1 ${REPO_ROOT}`)
    .replace(/^(\s+- )\.\/(\S+)/gm, `$1${REPO_ROOT}/$2`);
}

function healthcheckOverride() {
  const check = `    healthcheck:\n      test: ['CMD', 'node', '-e', ${JSON.stringify(READY_CHECK)}]\n`;
  return `services:\n${HTTP_SERVICES.map((service) => `  ${service.name}:\n${check}`).join('')}`;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} [log] a file for the output (else inherited)
 * @returns {Promise<number>}
 */
function runAsync(command, args, env, log) {
  return new Promise((resolve, reject) => {
    const out = log ? fs.openSync(log, 'a') : 'inherit';
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', out, out] });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (typeof out === 'number') fs.closeSync(out);
      resolve(code ?? 1);
    });
  });
}

/** @param {string[]} args */
function podman(args) {
  const result = spawnSync('podman', args, { encoding: 'utf8', env: { ...process.env, CONTAINERS_CONF } });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/**
 * @param {string} project
 * @param {string} [health] starting | healthy | unhealthy
 */
function projectContainers(project, health) {
  const args = ['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`];
  if (health) args.push('--filter', `health=${health}`);
  return podman(args).stdout.split('\n').filter(Boolean);
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
        return runAsync(
          'podman',
          ['healthcheck', 'run', id],
          { ...process.env, CONTAINERS_CONF },
          '/dev/null',
        );
      }),
    ).finally(() => {
      busy = false;
    });
  }, 1000);
  return () => clearInterval(timer);
}

/**
 * @param {string} url
 * @param {number} [timeout]
 */
async function get(url, timeout = 5000) {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeout) });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const options = parseArguments(process.argv.slice(2));
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const timings = /** @type {Record<string, number>} */ ({});
  const podmanEnv = await startPodmanService();
  const env = {
    ...process.env,
    ...podmanEnv,
    ...imageEnvironment(imageTags(readVersions())),
    // The services' images are built from NODE_IMAGE; docker-compose reads this file's variables.
    COMPOSE_PROJECT_NAME: options.project,
  };

  const envFile = path.join(WORK_DIR, '.env');
  if (!fs.existsSync(envFile)) {
    const secrets = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'tools', 'secrets.mjs'), 'compose', envFile],
      { stdio: 'inherit' },
    );
    if (secrets.status !== 0) throw new Error('tools/secrets.mjs compose failed');
  }
  const composeFile = path.join(WORK_DIR, 'docker-compose.yml');
  fs.writeFileSync(
    composeFile,
    composeCopy(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), options.portOffset),
  );
  const overrideFile = path.join(WORK_DIR, 'docker-compose.podman.yml');
  fs.writeFileSync(overrideFile, healthcheckOverride());
  const log = path.join(WORK_DIR, 'compose.log');
  const compose = ['--env-file', envFile, '-p', options.project, '-f', composeFile, '-f', overrideFile];
  const dockerCompose = (/** @type {string[]} */ args) =>
    runAsync('docker-compose', [...compose, ...args], env, log);

  const down = async () => {
    const started = Date.now();
    const code = await dockerCompose(['down', '--volumes', '--remove-orphans', '--timeout', '30']);
    // podman-compose leaves its network behind; docker-compose removes it, but check.
    podman(['network', 'rm', '--force', `${options.project}_default`]);
    timings['down'] = Date.now() - started;
    if (code !== 0)
      console.error(`[test-containers] docker-compose down failed (log: ${path.relative(REPO_ROOT, log)})`);
  };
  if (options.down) return down();

  if (options.build) {
    const started = Date.now();
    const code = await runAsync(
      process.execPath,
      [path.join(REPO_ROOT, 'tools', 'images.mjs'), '--no-sbom'],
      env,
    );
    if (code !== 0) throw new Error('tools/images.mjs failed');
    timings['build'] = Date.now() - started;
  }

  const stopHealthRunner = startHealthRunner(options.project);
  let failed = false;
  try {
    console.error(
      `[test-containers] docker-compose up (project ${options.project}; log: ${path.relative(REPO_ROOT, log)})`,
    );
    let started = Date.now();
    const up = await dockerCompose(['up', '-d', '--no-build', '--scale', `notifications=${options.scale}`]);
    timings['up'] = Date.now() - started;
    if (up !== 0) throw new Error(`docker-compose up failed (log: ${path.relative(REPO_ROOT, log)})`);

    // docker-compose 1.29 has no `up --wait`: every running container healthy (notifications' replicas too).
    started = Date.now();
    const deadline = Date.now() + 180_000;
    while (
      projectContainers(options.project, 'starting').length +
        projectContainers(options.project, 'unhealthy').length >
      0
    ) {
      if (Date.now() > deadline) throw new Error('not every container became healthy within 180 s');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    timings['healthy'] = timings['up'] + (Date.now() - started);
    console.error(
      `[test-containers] up in ${seconds(timings['up'])}, every container healthy after ${seconds(timings['healthy'])}`,
    );

    /** @type {string[]} */
    const problems = [];
    for (const service of HTTP_SERVICES) {
      const replicas = service.name === 'notifications' ? options.scale : 1;
      for (let index = 1; index <= replicas; index += 1) {
        const port = spawnSync(
          'docker-compose',
          [...compose, 'port', '--index', String(index), service.name, String(service.port)],
          { env, encoding: 'utf8' },
        ).stdout.trim();
        const answer = await get(`http://${port}/health/ready`).catch((error) => ({
          status: 0,
          type: '',
          body: String(error),
        }));
        console.error(`[test-containers] ${service.name}#${index} ${port}/health/ready → ${answer.status}`);
        if (answer.status !== 200) problems.push(`${service.name}#${index}: ${answer.status} ${answer.body}`);
      }
    }
    const portal = `http://127.0.0.1:${8080 + options.portOffset}`;
    const methods = await get(`${portal}/v1/auth/methods`);
    const anonymous = await get(`${portal}/v1/connections`);
    console.error(`[test-containers] portal /v1/auth/methods → ${methods.status} ${methods.body}`);
    console.error(
      `[test-containers] portal /v1/connections without a token → ${anonymous.status} ${anonymous.type}`,
    );
    if (methods.status !== 200) problems.push(`portal /v1/auth/methods: ${methods.status}`);
    if (anonymous.status !== 401 || !anonymous.type.startsWith('application/problem+json'))
      problems.push(`portal /v1/connections: ${anonymous.status} ${anonymous.type}`);
    const maildev = await get(`http://127.0.0.1:${1080 + options.portOffset}/healthz`);
    if (maildev.status !== 200) problems.push(`maildev: ${maildev.status}`);

    const stats = podman(['stats', '--no-stream', '--format', 'json', ...projectContainers(options.project)]);
    /** @type {{ name: string, mem_usage: string }[]} */
    const usage = stats.status === 0 ? JSON.parse(stats.stdout) : [];
    for (const container of usage)
      console.error(`[test-containers] ${container.name}: ${container.mem_usage}`);
    fs.writeFileSync(
      path.join(WORK_DIR, 'report.json'),
      `${JSON.stringify({ timings, usage, problems }, null, 2)}\n`,
    );
    if (problems.length > 0) throw new Error(`not answering as expected:\n  ${problems.join('\n  ')}`);
    console.error('[test-containers] the stack is up and answers');
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    stopHealthRunner();
    if (!options.keep || failed) await down();
    console.error(
      `[test-containers] timings: ${Object.entries(timings)
        .map(([step, ms]) => `${step} ${seconds(ms)}`)
        .join(', ')}`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[test-containers] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
