// @ts-check
/**
 * Options → resolved configuration (paths, ports, URLs) for the local infrastructure.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraError } from './util.mjs';

/** Absolute path of the repository root (two levels above infra/scripts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** All servers, in start order. `smtp` is maildev (SMTP + web/REST UI). */
export const SERVER_NAMES = /** @type {const} */ (['kafka', 'postgres', 'smtp']);

/** @typedef {typeof SERVER_NAMES[number]} ServerName */

/** Accepted aliases for --only. @type {Record<string, ServerName>} */
const ALIASES = {
  kafka: 'kafka',
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  db: 'postgres',
  smtp: 'smtp',
  maildev: 'smtp',
  mail: 'smtp',
};

export const DEFAULT_PORTS = Object.freeze({
  kafkaPort: 19092,
  kafkaControllerPort: 19093,
  postgresPort: 54329,
  smtpPort: 1025,
  maildevWebPort: 1080,
});

/** The size of a local Kafka cluster (`--kafka-nodes`): enough for replication factor 3. */
export const KAFKA_CLUSTER_NODES = 3;
/** Node n of a cluster listens on the configured broker and controller ports + STEP(n - 1). */
export const KAFKA_NODE_PORT_STEP = 2;

/** Env var for each port option. */
export const PORT_ENV = Object.freeze({
  kafkaPort: 'VOUCH_KAFKA_PORT',
  kafkaControllerPort: 'VOUCH_KAFKA_CONTROLLER_PORT',
  postgresPort: 'VOUCH_POSTGRES_PORT',
  smtpPort: 'VOUCH_SMTP_PORT',
  maildevWebPort: 'VOUCH_MAILDEV_WEB_PORT',
});

/**
 * Options accepted by `up`, `down` and `status`.
 * @typedef {object} InfraOptions
 * @property {ServerName[] | string[] | string} [only] servers to act on (default: all). Array or comma separated string; `maildev` is an alias of `smtp`.
 * @property {string} [home] directory for run state, data and logs (default `<repo>/.local`). The Kafka jar cache is always `<repo>/.local/kafka/libs`.
 * @property {number} [kafkaPort] default env VOUCH_KAFKA_PORT or 19092
 * @property {number} [kafkaControllerPort] default env VOUCH_KAFKA_CONTROLLER_PORT or 19093
 * @property {number} [kafkaAdvertisedPort] the port the broker names to clients in its metadata (a proxy's in front of it); default kafkaPort
 * @property {number} [postgresPort] default env VOUCH_POSTGRES_PORT or 54329
 * @property {number} [smtpPort] default env VOUCH_SMTP_PORT or 1025
 * @property {number} [maildevWebPort] default env VOUCH_MAILDEV_WEB_PORT or 1080
 * @property {string} [kafkaSecurity] `plaintext` (default) or `sasl_ssl`; default env VOUCH_KAFKA_SECURITY
 * @property {string} [kafkaAclPrefix] sasl_ssl: the topic prefix the services' ACLs are granted under; default env VOUCH_KAFKA_ACL_PREFIX or empty
 * @property {number | string} [kafkaNodes] 1 (default) or 3: a KRaft cluster of combined broker+controller nodes, node n on the Kafka ports + 2(n - 1), topics replicated 3 times with min.insync.replicas=2; default env VOUCH_KAFKA_NODES
 * @property {number | string} [kafkaNode] `down` of a cluster: stop only this node (1-based)
 * @property {NodeJS.ProcessEnv} [env] environment to read DATABASE_URL / SMTP_URL / VOUCH_* from (default process.env)
 * @property {((msg: string) => void) | false} [log] progress logger (default: write lines to stderr); false = silent
 * @property {number} [stopTimeoutMs] `down`: how long to wait after SIGTERM before SIGKILL (default 30000)
 */

/**
 * @typedef {object} ResolvedConfig
 * @property {ServerName[]} only
 * @property {string} repoRoot
 * @property {string} home
 * @property {string} runDir
 * @property {string} logDir
 * @property {{ kafkaPort: number, kafkaControllerPort: number, postgresPort: number, smtpPort: number, maildevWebPort: number }} ports
 * @property {'plaintext' | 'sasl_ssl'} kafkaSecurity the broker's client listener: PLAINTEXT, or SASL_SSL with ACLs (lib/kafka-security.mjs)
 * @property {string} kafkaAclPrefix
 * @property {number} kafkaAdvertisedPort
 * @property {number} kafkaNodes 1, or 3 for a cluster (lib/kafka.mjs `kafkaNodes`)
 * @property {number | null} kafkaNode `down`: the one node of the cluster to stop, else null (all)
 * @property {string | null} externalDatabaseUrl DATABASE_URL from env (postgres is then not started)
 * @property {string | null} externalSmtpUrl SMTP_URL from env (maildev is then not started)
 * @property {string | null} externalMaildevUrl MAILDEV_URL from env (only used together with SMTP_URL)
 * @property {NodeJS.ProcessEnv} env
 * @property {number} stopTimeoutMs
 * @property {(msg: string) => void} log raw line logger
 */

/**
 * @param {InfraOptions['only']} only
 * @returns {ServerName[]}
 */
export function parseOnly(only) {
  if (only === undefined || only === null || only === '') return [...SERVER_NAMES];
  const list = (Array.isArray(only) ? only : String(only).split(','))
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  /** @type {Set<ServerName>} */
  const picked = new Set();
  for (const item of list) {
    const name = ALIASES[item];
    if (!name) {
      throw new InfraError(
        `unknown server "${item}" in --only; use a comma separated list of: ${SERVER_NAMES.join(', ')}`,
      );
    }
    picked.add(name);
  }
  return SERVER_NAMES.filter((n) => picked.has(n));
}

/**
 * @param {unknown} value
 * @param {string} what
 * @returns {number}
 */
function parsePort(value, what) {
  const port = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
  if (!Number.isInteger(port) || port < 1 || port > 65535 || String(port) !== String(value).trim()) {
    throw new InfraError(`invalid port for ${what}: "${value}"`);
  }
  return port;
}

/**
 * @param {InfraOptions} [options]
 * @returns {ResolvedConfig}
 */
export function resolveConfig(options = {}) {
  const env = options.env ?? process.env;
  const home = path.resolve(options.home ?? env.VOUCH_INFRA_HOME ?? path.join(REPO_ROOT, '.local'));

  /** @type {Record<string, number>} */
  const ports = {};
  for (const [key, envName] of Object.entries(PORT_ENV)) {
    const fromOption = /** @type {Record<string, unknown>} */ (options)[key];
    const fromEnv = env[envName];
    if (fromOption !== undefined && fromOption !== null && fromOption !== '') {
      ports[key] = parsePort(fromOption, `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    } else if (fromEnv !== undefined && fromEnv !== '') {
      ports[key] = parsePort(fromEnv, envName);
    } else {
      ports[key] = /** @type {Record<string, number>} */ (DEFAULT_PORTS)[key] ?? 0;
    }
  }
  if (ports.kafkaPort === ports.kafkaControllerPort) {
    throw new InfraError(`Kafka broker and controller ports must differ (both ${ports.kafkaPort})`);
  }

  const kafkaSecurity = (options.kafkaSecurity || env.VOUCH_KAFKA_SECURITY || 'plaintext').toLowerCase();
  if (kafkaSecurity !== 'plaintext' && kafkaSecurity !== 'sasl_ssl') {
    throw new InfraError(
      `invalid --kafka-security / VOUCH_KAFKA_SECURITY "${kafkaSecurity}": plaintext or sasl_ssl`,
    );
  }

  const kafkaNodes = Number(options.kafkaNodes || env.VOUCH_KAFKA_NODES || 1);
  if (kafkaNodes !== 1 && kafkaNodes !== KAFKA_CLUSTER_NODES) {
    throw new InfraError(
      `invalid --kafka-nodes / VOUCH_KAFKA_NODES "${options.kafkaNodes || env.VOUCH_KAFKA_NODES}": 1 or ${KAFKA_CLUSTER_NODES}`,
    );
  }
  if (kafkaNodes > 1) {
    if (kafkaSecurity !== 'plaintext')
      throw new InfraError('a Kafka cluster (--kafka-nodes) is plaintext only');
    const clusterPorts = Array.from({ length: kafkaNodes }, (_, i) => [
      ports.kafkaPort + KAFKA_NODE_PORT_STEP * i,
      ports.kafkaControllerPort + KAFKA_NODE_PORT_STEP * i,
    ]).flat();
    if (new Set(clusterPorts).size !== clusterPorts.length || Math.max(...clusterPorts) > 65535) {
      throw new InfraError(
        `the cluster's ports collide or exceed 65535 (${clusterPorts.join(', ')}): node n listens on ` +
          `--kafka-port and --kafka-controller-port + ${KAFKA_NODE_PORT_STEP}(n - 1)`,
      );
    }
  }
  const kafkaNode = options.kafkaNode ? Number(options.kafkaNode) : null;
  if (
    kafkaNode !== null &&
    (kafkaNodes === 1 || !Number.isInteger(kafkaNode) || kafkaNode < 1 || kafkaNode > kafkaNodes)
  ) {
    throw new InfraError(
      `invalid --kafka-node "${options.kafkaNode}": a node of a cluster (--kafka-nodes ${KAFKA_CLUSTER_NODES}), 1 to ${KAFKA_CLUSTER_NODES}`,
    );
  }

  const log =
    options.log === false
      ? () => {}
      : (options.log ?? ((/** @type {string} */ msg) => void process.stderr.write(`${msg}\n`)));

  return {
    only: parseOnly(options.only),
    repoRoot: REPO_ROOT,
    home,
    runDir: path.join(home, 'run'),
    logDir: path.join(home, 'logs'),
    ports: /** @type {ResolvedConfig['ports']} */ (ports),
    kafkaSecurity,
    kafkaAclPrefix: options.kafkaAclPrefix ?? env.VOUCH_KAFKA_ACL_PREFIX ?? '',
    kafkaAdvertisedPort: options.kafkaAdvertisedPort ?? ports.kafkaPort,
    kafkaNodes,
    kafkaNode,
    externalDatabaseUrl: env.DATABASE_URL || null,
    externalSmtpUrl: env.SMTP_URL || null,
    externalMaildevUrl: env.MAILDEV_URL || null,
    env,
    stopTimeoutMs: options.stopTimeoutMs ?? 30_000,
    log,
  };
}

/**
 * A logger that prefixes every line with `[name] `.
 * @param {ResolvedConfig} cfg
 * @param {string} name
 * @returns {(msg: string) => void}
 */
export function prefixed(cfg, name) {
  return (msg) => cfg.log(`[${name}] ${msg}`);
}
