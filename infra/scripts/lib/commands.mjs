// @ts-check
/**
 * The three commands as functions: `up`, `down`, `status` (re-exported by infra/scripts/infra.mjs).
 */
import path from 'node:path';
import { resolveConfig } from './config.mjs';
import { downKafka, inspectKafka, kafkaBrokersOf, upKafka } from './kafka.mjs';
import { localMaildevUrl, localSmtpUrl, downMaildev, inspectMaildev, upMaildev } from './maildev.mjs';
import { downPostgres, inspectPostgres, localDatabaseUrl, upPostgres } from './postgres.mjs';
import { InfraError, formatDuration, withLock } from './util.mjs';

/** @typedef {import('./config.mjs').InfraOptions} InfraOptions */
/** @typedef {import('./config.mjs').ResolvedConfig} ResolvedConfig */
/** @typedef {import('./config.mjs').ServerName} ServerName */
/** @typedef {import('./server.mjs').ServerStatus} ServerStatus */

/**
 * Connection strings, as printed by `--json`.
 * @typedef {object} Endpoints
 * @property {string} kafkaBrokers e.g. `127.0.0.1:19092` (a cluster: every node's, comma separated)
 * @property {string} databaseUrl e.g. `postgres://postgres:postgres@127.0.0.1:54329/postgres` (or $DATABASE_URL)
 * @property {string} smtpUrl e.g. `smtp://127.0.0.1:1025` (or $SMTP_URL)
 * @property {string | null} maildevUrl e.g. `http://127.0.0.1:1080`; with $SMTP_URL it is $MAILDEV_URL or null
 * @property {{ caFile: string, credentialsFile: string }} [kafkaSecurity] with `--kafka-security sasl_ssl`: the CA clients trust, the users' passwords
 */

/** @typedef {Endpoints & { started: ServerName[] }} UpResult */
/** @typedef {{ stopped: ServerName[] }} DownResult */
/** @typedef {Endpoints & { servers: ServerStatus[] }} StatusResult */

/**
 * Endpoints from the configuration alone (env URLs win over local ports).
 * @param {ResolvedConfig} cfg
 * @returns {Endpoints}
 */
export function configuredEndpoints(cfg) {
  return {
    kafkaBrokers: kafkaBrokersOf(cfg),
    databaseUrl: cfg.externalDatabaseUrl ?? localDatabaseUrl(cfg.ports.postgresPort),
    smtpUrl: cfg.externalSmtpUrl ?? localSmtpUrl(cfg.ports.smtpPort),
    maildevUrl: cfg.externalSmtpUrl ? cfg.externalMaildevUrl : localMaildevUrl(cfg.ports.maildevWebPort),
  };
}

/**
 * Start (or reuse) the local servers and wait until each really answers.
 * Idempotent: servers already running for this `home` are reused, not restarted.
 * Servers are started in parallel; if any fails the promise rejects (servers that did start keep running).
 * @param {InfraOptions} [options]
 * @returns {Promise<UpResult>} endpoints of all servers (also those not in `only`, from config) and the names it started itself
 */
export async function up(options = {}) {
  const cfg = resolveConfig(options);
  return withLock(
    path.join(cfg.runDir, 'infra.lock'),
    async () => {
      const t0 = Date.now();
      const endpoints = configuredEndpoints(cfg);
      /** @type {ServerName[]} */
      const started = [];
      /** @type {Record<ServerName, () => Promise<void>>} */
      const steps = {
        kafka: async () => {
          const r = await upKafka(cfg);
          endpoints.kafkaBrokers = r.brokers;
          if (r.security) endpoints.kafkaSecurity = r.security;
          if (r.started) started.push('kafka');
        },
        postgres: async () => {
          const r = await upPostgres(cfg);
          endpoints.databaseUrl = r.databaseUrl;
          if (r.started) started.push('postgres');
        },
        smtp: async () => {
          const r = await upMaildev(cfg);
          endpoints.smtpUrl = r.smtpUrl;
          endpoints.maildevUrl = r.maildevUrl;
          if (r.started) started.push('smtp');
        },
      };
      const results = await Promise.allSettled(cfg.only.map((name) => steps[name]()));
      const failures = results.flatMap((r, i) =>
        r.status === 'rejected' ? [{ name: cfg.only[i], reason: r.reason }] : [],
      );
      if (failures.length > 0) {
        const text = failures
          .map(({ name, reason }) => `[${name}] ${reason instanceof Error ? reason.message : String(reason)}`)
          .join('\n');
        const extra = started.length
          ? `\n(started and left running: ${started.join(', ')}; \`down\` stops them)`
          : '';
        const err = new InfraError(`${text}${extra}`);
        if (failures.some((f) => !(f.reason instanceof InfraError))) err.cause = failures[0]?.reason;
        throw err;
      }
      const order = /** @type {ServerName[]} */ (['kafka', 'postgres', 'smtp']);
      started.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      cfg.log(
        `[infra] up in ${formatDuration(Date.now() - t0)}: ${cfg.only.join(', ')}` +
          ` (started: ${started.join(', ') || 'none'}; home ${cfg.home})`,
      );
      return { ...endpoints, started };
    },
    { log: cfg.log },
  );
}

/**
 * Stop the servers that `up` started for this `home` (SIGTERM, then SIGKILL after `stopTimeoutMs`;
 * PostgreSQL: fast shutdown), remove their pid files. Data, logs and the jar cache stay.
 * Servers not started by infra.mjs (docker compose, DATABASE_URL, …) are never touched.
 * @param {InfraOptions} [options]
 * @returns {Promise<DownResult>} the names of the servers that were running and are now stopped
 */
export async function down(options = {}) {
  const cfg = resolveConfig(options);
  return withLock(
    path.join(cfg.runDir, 'infra.lock'),
    async () => {
      /** @type {Record<ServerName, (cfg: ResolvedConfig) => Promise<boolean>>} */
      const stops = { kafka: downKafka, postgres: downPostgres, smtp: downMaildev };
      const results = await Promise.allSettled(cfg.only.map((name) => stops[name](cfg)));
      /** @type {ServerName[]} */
      const stopped = [];
      /** @type {string[]} */
      const errors = [];
      results.forEach((r, i) => {
        const name = /** @type {ServerName} */ (cfg.only[i]);
        if (r.status === 'fulfilled') {
          if (r.value) stopped.push(name);
        } else errors.push(`[${name}] ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
      });
      if (errors.length) throw new InfraError(errors.join('\n'));
      cfg.log(
        `[infra] down: ${stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running'} (home ${cfg.home})`,
      );
      return { stopped };
    },
    { log: cfg.log },
  );
}

/**
 * Inspect the servers (pid files + port probes; no protocol round trips, fast).
 * @param {InfraOptions} [options]
 * @returns {Promise<StatusResult>} endpoints (ports of running servers) and one entry per server
 */
export async function status(options = {}) {
  const cfg = resolveConfig(options);
  /** @type {Record<ServerName, (cfg: ResolvedConfig) => Promise<ServerStatus>>} */
  const inspect = { kafka: inspectKafka, postgres: inspectPostgres, smtp: inspectMaildev };
  const servers = await Promise.all(cfg.only.map((name) => inspect[name](cfg)));
  const endpoints = configuredEndpoints(cfg);
  for (const s of servers) {
    if (s.state !== 'running' && s.state !== 'unresponsive') continue;
    if (s.name === 'kafka') endpoints.kafkaBrokers = s.url;
    if (s.name === 'postgres') endpoints.databaseUrl = s.url;
    if (s.name === 'smtp') {
      endpoints.smtpUrl = s.url;
      if (s.ports.maildevWebPort) endpoints.maildevUrl = localMaildevUrl(s.ports.maildevWebPort);
    }
  }
  return { ...endpoints, servers };
}
