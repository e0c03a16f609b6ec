// @ts-check
/**
 * Apache Kafka 4.x, single node KRaft (broker+controller), run as a plain `java` process; or, with
 * --kafka-nodes 3, a cluster of three such nodes, each a voter of the controller quorum.
 *
 * - jars: fetched once by the Maven Wrapper from infra/kafka/pom.xml into <repo>/.local/kafka/libs
 *   (shared by every --home); refetched when the pom changes (sha256 recorded in a marker file)
 * - config: infra/kafka/server.properties.template rendered into <home>/kafka/server.properties
 *   (a cluster's node n: <home>/kafka-node-n/server.properties, with `clusterProperties` over it)
 * - data: <home>/kafka/data (formatted once with kafka.tools.StorageTool)
 * - log: <home>/logs/kafka.log, pid: <home>/run/kafka.pid (node n: kafka-node-n.log, kafka-node-n.pid)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KAFKA_NODE_PORT_STEP, prefixed } from './config.mjs';
import {
  adminConnection,
  ensureKafkaSecurityFiles,
  grantServiceAcls,
  readKafkaCredentials,
  scramFormatArguments,
  securityPaths,
  securityProperties,
} from './kafka-security.mjs';
import { kafkaClientModule } from './typescript-modules.mjs';
import { findOurs, inspectServer, runFiles, stopServer } from './server.mjs';
import {
  InfraError,
  formatDuration,
  indent,
  isPortOpen,
  mkdirp,
  readJson,
  removeFile,
  run,
  sha256File,
  spawnDetached,
  stopProcess,
  tailFile,
  waitFor,
  withLock,
  writeJson,
  writePidFile,
} from './util.mjs';

/** @typedef {import('./config.mjs').ResolvedConfig} ResolvedConfig */
/** @typedef {import('./server.mjs').ServerStatus} ServerStatus */

/** Heap settings of the local broker. */
export const KAFKA_JVM_OPTS = ['-Xms256m', '-Xmx768m'];
/** How long to wait for a freshly started broker to answer a metadata request. */
const READY_TIMEOUT_MS = 120_000;

/**
 * One broker+controller process: the single node, or node `id` of a cluster.
 * @typedef {object} KafkaNode
 * @property {number} id its node.id
 * @property {string} name its directory under --home and its run and log files' name
 * @property {number} port
 * @property {number} controllerPort
 */

/**
 * The nodes of this configuration: one named `kafka` on the configured ports, or a cluster's,
 * node n named `kafka-node-n` on the configured ports + KAFKA_NODE_PORT_STEP(n - 1).
 * @param {ResolvedConfig} cfg
 * @returns {KafkaNode[]}
 */
export function kafkaNodes(cfg) {
  const { kafkaPort, kafkaControllerPort } = cfg.ports;
  if (cfg.kafkaNodes === 1)
    return [{ id: 1, name: 'kafka', port: kafkaPort, controllerPort: kafkaControllerPort }];
  return Array.from({ length: cfg.kafkaNodes }, (_, i) => ({
    id: i + 1,
    name: `kafka-node-${i + 1}`,
    port: kafkaPort + KAFKA_NODE_PORT_STEP * i,
    controllerPort: kafkaControllerPort + KAFKA_NODE_PORT_STEP * i,
  }));
}

/** The single node (a cluster's first): whose paths the jar cache and `sasl_ssl`'s marker go by. */
const firstNode = (/** @type {ResolvedConfig} */ cfg) => /** @type {KafkaNode} */ (kafkaNodes(cfg)[0]);

/**
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} [node]
 */
export function kafkaPaths(cfg, node = firstNode(cfg)) {
  const infraDir = path.join(cfg.repoRoot, 'infra', 'kafka');
  const cacheDir = path.join(cfg.repoRoot, '.local', 'kafka');
  const homeDir = path.join(cfg.home, node.name);
  return {
    infraDir,
    pom: path.join(infraDir, 'pom.xml'),
    mvnw: path.join(infraDir, process.platform === 'win32' ? 'mvnw.cmd' : 'mvnw'),
    template: path.join(infraDir, 'server.properties.template'),
    /** shared jar cache, never under --home */
    libsDir: path.join(cacheDir, 'libs'),
    libsMarker: path.join(cacheDir, 'libs', '.vouch-jars.json'),
    fetchLock: path.join(cacheDir, 'fetch.lock'),
    mavenLog: path.join(cacheDir, 'maven.log'),
    homeDir,
    dataDir: path.join(homeDir, 'data'),
    configFile: path.join(homeDir, 'server.properties'),
    log4jFile: path.join(homeDir, 'log4j2.properties'),
    ...runFiles(cfg, node.name),
  };
}

/**
 * Substrings of the broker's command line that identify "our" broker for this --home.
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} [node]
 */
const needles = (cfg, node) => ['kafka.Kafka', kafkaPaths(cfg, node).configFile];

/** @param {{ kafkaPort: number }} ports */
const brokersOf = (ports) => `127.0.0.1:${ports.kafkaPort}`;

/** The bootstrap list of every node. @param {ResolvedConfig} cfg */
export const kafkaBrokersOf = (cfg) =>
  kafkaNodes(cfg)
    .map((node) => brokersOf({ kafkaPort: node.port }))
    .join(',');

// ---------------------------------------------------------------------------------------------
// Java

/**
 * Locate `java` ($JAVA_HOME/bin/java, else PATH) and check it is version 17 or newer.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ java: string, version: string, major: number }>}
 */
export async function checkJava(env) {
  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const hint =
    'install a JDK 17+ (e.g. `apt-get install openjdk-17-jre-headless`, `brew install openjdk@17`) and put it on PATH or set JAVA_HOME, ' +
    'or run Kafka with Docker instead: `docker compose up -d kafka`';
  /** @type {{ code: number | null, output: string }} */
  let res;
  try {
    res = await run(java, ['-version'], { env });
  } catch {
    throw new InfraError(
      `Java 17+ not found (${env.JAVA_HOME ? `JAVA_HOME=${env.JAVA_HOME}` : '`java` is not on PATH'}): ${hint}`,
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(res.output);
  if (res.code !== 0 || !m) {
    throw new InfraError(
      `could not run \`${java} -version\` (${res.output.trim().split('\n')[0] ?? ''}): ${hint}`,
    );
  }
  const first = Number(m[1]);
  const major = first === 1 ? Number(m[2]) : first;
  const version = /version "([^"]+)"/.exec(res.output)?.[1] ?? String(major);
  if (major < 17) {
    throw new InfraError(`Java ${version} found at \`${java}\`, but Kafka 4 needs Java 17+: ${hint}`);
  }
  return { java, version, major };
}

// ---------------------------------------------------------------------------------------------
// Jars

/**
 * Make sure the broker jars are in <repo>/.local/kafka/libs (Maven Wrapper, first run only).
 * @param {ResolvedConfig} cfg
 * @param {(msg: string) => void} log
 * @returns {Promise<{ fetched: boolean, ms: number, libsDir: string }>}
 */
export async function ensureKafkaJars(cfg, log) {
  const p = kafkaPaths(cfg);
  const pomHash = await sha256File(p.pom);
  const upToDate = () => {
    const marker = readJson(p.libsMarker);
    return marker?.pomSha256 === pomHash && hasBrokerJar(p.libsDir);
  };
  if (upToDate()) return { fetched: false, ms: 0, libsDir: p.libsDir };

  return withLock(
    p.fetchLock,
    async () => {
      if (upToDate()) return { fetched: false, ms: 0, libsDir: p.libsDir }; // fetched by someone else meanwhile
      const t0 = Date.now();
      const stale = fs.existsSync(p.libsDir);
      log(
        `fetching broker jars from Maven Central${stale ? ' (infra/kafka/pom.xml changed)' : ' (first run only, ~1 min)'}… ` +
          `[Maven Wrapper → ${path.relative(cfg.repoRoot, p.libsDir)}, log: ${path.relative(cfg.repoRoot, p.mavenLog)}]`,
      );
      const tmpDir = `${p.libsDir}.tmp-${process.pid}`;
      mkdirp(path.dirname(p.libsDir));
      // Leftovers of interrupted fetches (we hold the lock, so none of them is in progress).
      for (const entry of fs.readdirSync(path.dirname(p.libsDir))) {
        if (entry.startsWith(`${path.basename(p.libsDir)}.tmp-`)) {
          fs.rmSync(path.join(path.dirname(p.libsDir), entry), { recursive: true, force: true });
        }
      }
      fs.writeFileSync(p.mavenLog, `# ${new Date().toISOString()} fetching Kafka jars\n`);
      const args = ['-q', '-B', '-f', p.pom, 'dependency:copy-dependencies', `-DoutputDirectory=${tmpDir}`];
      const ticker = setInterval(() => log(`…still fetching (${formatDuration(Date.now() - t0)})`), 15_000);
      /** @type {{ code: number | null, output: string }} */
      let res;
      try {
        res =
          process.platform === 'win32'
            ? await run('cmd.exe', ['/d', '/s', '/c', p.mvnw, ...args], {
                cwd: cfg.repoRoot,
                env: cfg.env,
                logFile: p.mavenLog,
              })
            : await run('sh', [p.mvnw, ...args], { cwd: cfg.repoRoot, env: cfg.env, logFile: p.mavenLog });
      } finally {
        clearInterval(ticker);
      }
      if (res.code !== 0 || !hasBrokerJar(tmpDir)) {
        fs.rmSync(tmpDir, { recursive: true, force: true });
        throw new InfraError(
          `fetching Kafka jars with the Maven Wrapper failed (exit ${res.code}). Maven Central must be reachable ` +
            `(proxy: set MAVEN_OPTS / ~/.m2/settings.xml; mirror: MVNW_REPOURL). Output:\n${indent(res.output.trim().split('\n').slice(-25).join('\n'))}`,
        );
      }
      // Swap atomically-ish: never mix jars of two Kafka versions on one classpath.
      fs.rmSync(p.libsDir, { recursive: true, force: true });
      fs.renameSync(tmpDir, p.libsDir);
      const jars = fs.readdirSync(p.libsDir).filter((f) => f.endsWith('.jar'));
      const version = jars.find((f) => /^kafka_2\.13-.*\.jar$/.test(f))?.replace(/^kafka_2\.13-|\.jar$/g, '');
      writeJson(p.libsMarker, {
        pomSha256: pomHash,
        kafkaVersion: version,
        jars: jars.length,
        fetchedAt: new Date().toISOString(),
      });
      const ms = Date.now() - t0;
      log(`fetched ${jars.length} jars (Kafka ${version}) in ${formatDuration(ms)}`);
      return { fetched: true, ms, libsDir: p.libsDir };
    },
    { log, what: 'another process fetching the Kafka jars' },
  );
}

/** @param {string} dir */
function hasBrokerJar(dir) {
  try {
    return fs.readdirSync(dir).some((f) => /^kafka_2\.13-.*\.jar$/.test(f));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Config

/**
 * What a cluster's node sets over the single node's template: its id, the quorum of every node,
 * and topics on three brokers, of which two must have a write before it is acknowledged (acks=-1).
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} node
 * @returns {Record<string, string>}
 */
function clusterProperties(cfg, node) {
  return {
    'node.id': String(node.id),
    'controller.quorum.voters': kafkaNodes(cfg)
      .map((voter) => `${voter.id}@127.0.0.1:${voter.controllerPort}`)
      .join(','),
    'default.replication.factor': '3',
    'min.insync.replicas': '2',
    'offsets.topic.replication.factor': '3',
    'transaction.state.log.replication.factor': '3',
    'transaction.state.log.min.isr': '2',
    'share.coordinator.state.topic.replication.factor': '3',
    'share.coordinator.state.topic.min.isr': '2',
  };
}

/**
 * `properties` with each of `overrides`' keys set to its value; every key must be there already.
 * @param {string} properties
 * @param {Record<string, string>} overrides
 */
function overridden(properties, overrides) {
  return Object.entries(overrides).reduce((text, [key, value]) => {
    const line = new RegExp(`^${key.replaceAll('.', '\\.')}=.*$`, 'm');
    if (!line.test(text)) throw new InfraError(`no ${key} in infra/kafka/server.properties.template`);
    return text.replace(line, `${key}=${value}`);
  }, properties);
}

/**
 * Render server.properties and log4j2.properties for this --home and this node's ports.
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} node
 * @param {import('./kafka-security.mjs').KafkaCredentials | null} [credentials] sasl_ssl: the users
 */
export function writeKafkaConfig(cfg, node, credentials = null) {
  const p = kafkaPaths(cfg, node);
  mkdirp(p.dataDir);
  const values = /** @type {Record<string, string>} */ ({
    kafkaPort: String(node.port),
    // A single node may name a proxy's port in front of it (--kafka-advertised-port).
    advertisedPort: String(cfg.kafkaNodes === 1 ? cfg.kafkaAdvertisedPort : node.port),
    controllerPort: String(node.controllerPort),
    // forward slashes: backslashes are escapes in .properties files
    dataDir: p.dataDir.split(path.sep).join('/'),
    brokerProtocol: credentials ? 'SASL_SSL' : 'PLAINTEXT',
    controllerProtocol: credentials ? 'SSL' : 'PLAINTEXT',
    security: credentials ? securityProperties(cfg, credentials) : '',
  });
  const rendered = fs.readFileSync(p.template, 'utf8').replace(/\{\{(\w+)\}\}/g, (all, key) => {
    const v = values[key];
    if (v === undefined) throw new InfraError(`unknown placeholder ${all} in ${p.template}`);
    return v;
  });
  const properties = cfg.kafkaNodes === 1 ? rendered : overridden(rendered, clusterProperties(cfg, node));
  fs.writeFileSync(
    p.configFile,
    `# GENERATED by infra/scripts/infra.mjs from infra/kafka/server.properties.template; edits are overwritten.\n${properties}`,
  );
  fs.writeFileSync(p.log4jFile, LOG4J2_PROPERTIES);
  return p;
}

/** stdout of the JVM goes to <home>/logs/kafka.log: INFO for the broker, WARN for the chatty parts. */
const LOG4J2_PROPERTIES = `# GENERATED by infra/scripts/infra.mjs
name = vouch-local-kafka
status = warn
# Kafka has its own shutdown hook; keep logging until it is done.
shutdownHook = disable
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
${[
  'kafka.request.logger',
  'state.change.logger',
  'kafka.authorizer.logger',
  'org.apache.kafka.common.config.AbstractConfig',
  'org.apache.kafka.raft',
  'org.apache.kafka.image.loader',
  'org.apache.kafka.controller',
  'org.apache.kafka.storage.internals.log',
  'org.apache.kafka.server.quota',
  'org.apache.kafka.server.purgatory',
  'kafka.log.LogManager',
  'kafka.server.ReplicaFetcherManager',
  'kafka.server.ReplicaAlterLogDirsManager',
]
  .map((name, i) => `logger.l${i}.name = ${name}\nlogger.l${i}.level = WARN`)
  .join('\n')}
`;

/** A random Kafka cluster id (base64url of 16 random bytes, not starting with '-'). */
export function randomClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

// ---------------------------------------------------------------------------------------------
// Readiness

/**
 * Does a Kafka broker at `brokers` answer a metadata request (admin listTopics)?
 * @param {string} brokers host:port list
 * @param {number} [timeoutMs]
 * @param {import('../../../libs/kafka-client/src/kafka-client.js').KafkaConnection} [connection] TLS and SASL (sasl_ssl)
 */
export async function kafkaAnswers(brokers, timeoutMs = 3000, connection = {}) {
  const { logLevel } = (await import('kafkajs')).default;
  const kafka = kafkaClientModule().createKafkaClient({
    clientId: 'vouch-infra-probe',
    brokers: brokers.split(','),
    connection,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(1000, timeoutMs),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Service

/**
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} node
 * @returns {Promise<ServerStatus>}
 */
function inspectNode(cfg, node) {
  return inspectServer(cfg, {
    name: 'kafka',
    fileName: node.name,
    needles: needles(cfg, node),
    portKey: 'kafkaPort',
    ports: { kafkaPort: node.port, kafkaControllerPort: node.controllerPort },
    url: (ports) => brokersOf(/** @type {{ kafkaPort: number }} */ (ports)),
  });
}

/**
 * The single node's status, or a cluster's as one: running when every node is, stopped when none
 * is, each node's in `detail`.
 * @param {ResolvedConfig} cfg
 * @returns {Promise<ServerStatus>}
 */
export async function inspectKafka(cfg) {
  const nodes = kafkaNodes(cfg);
  const statuses = await Promise.all(nodes.map((node) => inspectNode(cfg, node)));
  const [first] = statuses;
  if (!first) throw new InfraError('no Kafka node configured');
  if (statuses.length === 1) return first;
  const states = new Set(statuses.map((node) => node.state));
  /** @type {ServerStatus['state']} */
  const state = states.size === 1 ? first.state : states.has('external') ? 'external' : 'unresponsive';
  return {
    name: 'kafka',
    state,
    pid: first.pid,
    port: first.port,
    ports: Object.fromEntries(nodes.map((node) => [node.name, node.port])),
    url: kafkaBrokersOf(cfg),
    detail: statuses
      .map((node, i) => `node ${i + 1} ${node.state}${node.pid ? ` pid ${node.pid}` : ''}`)
      .join(', '),
  };
}

/**
 * The security mode a --home's storage was formatted with: its users exist only from formatting.
 * @param {ResolvedConfig} cfg
 */
const securityMarker = (cfg) => path.join(kafkaPaths(cfg).homeDir, 'security-mode');

/**
 * Ensure a broker answers on the configured port, or every node of a cluster on theirs; start
 * what is not running.
 * @param {ResolvedConfig} cfg
 * @returns {Promise<{ started: boolean, brokers: string, readyMs?: number, status: ServerStatus, security?: { caFile: string, credentialsFile: string } }>}
 */
export function upKafka(cfg) {
  return cfg.kafkaNodes === 1 ? upSingleNode(cfg, firstNode(cfg)) : upCluster(cfg);
}

/**
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} node
 * @returns {Promise<{ started: boolean, brokers: string, readyMs?: number, status: ServerStatus, security?: { caFile: string, credentialsFile: string } }>}
 */
async function upSingleNode(cfg, node) {
  const log = prefixed(cfg, node.name);
  const p = kafkaPaths(cfg, node);
  const status = await inspectNode(cfg, node);
  const brokers = brokersOf(cfg.ports);
  const secure = cfg.kafkaSecurity === 'sasl_ssl';
  /** sasl_ssl: the services' ACLs (for this prefix), and where clients find the CA and their passwords. */
  const secured = async (/** @type {import('./kafka-security.mjs').KafkaCredentials} */ credentials) => {
    await grantServiceAcls(brokers, credentials, cfg.kafkaAclPrefix);
    log(`SASL_SSL with ACLs for topic prefix "${cfg.kafkaAclPrefix}"; CA ${credentials.caFile}`);
    return { caFile: credentials.caFile, credentialsFile: securityPaths(cfg).credentials };
  };

  if (status.state === 'running' || status.state === 'unresponsive') {
    const ports = /** @type {{ kafkaPort: number, kafkaControllerPort: number }} */ (status.ports);
    if (
      ports.kafkaPort !== cfg.ports.kafkaPort ||
      ports.kafkaControllerPort !== cfg.ports.kafkaControllerPort
    ) {
      throw new InfraError(
        `Kafka from ${cfg.home} is already running on ports ${ports.kafkaPort}/${ports.kafkaControllerPort}, ` +
          `not ${cfg.ports.kafkaPort}/${cfg.ports.kafkaControllerPort}: run \`node infra/scripts/infra.mjs down --only kafka\` first`,
      );
    }
    const runningSecurity = readJson(p.stateFile)?.security ?? 'plaintext';
    if (runningSecurity !== cfg.kafkaSecurity) {
      throw new InfraError(
        `Kafka from ${cfg.home} is already running with --kafka-security ${runningSecurity}, not ${cfg.kafkaSecurity}: ` +
          'run `node infra/scripts/infra.mjs down --only kafka` first',
      );
    }
    const credentials = secure ? readKafkaCredentials(cfg) : null;
    const connection = credentials ? adminConnection(credentials) : {};
    log(`already running (pid ${status.pid}), checking it answers on ${brokers}…`);
    await untilRunningAnswers(cfg, node, /** @type {number} */ (status.pid), connection);
    log(`reusing broker pid ${status.pid} on ${brokers}`);
    if (credentials) return { started: false, brokers, status, security: await secured(credentials) };
    return { started: false, brokers, status };
  }

  if (status.state === 'external') {
    if (secure) {
      throw new InfraError(
        `port ${cfg.ports.kafkaPort} is in use by a process infra.mjs did not start: --kafka-security sasl_ssl needs a broker of its own (another --kafka-port)`,
      );
    }
    if (await kafkaAnswers(brokers)) {
      log(
        `a Kafka broker not started by infra.mjs already answers on ${brokers} (docker compose?); using it (\`down\` will not stop it)`,
      );
      return { started: false, brokers, status };
    }
    throw new InfraError(
      `port ${cfg.ports.kafkaPort} is in use by another process that is not a Kafka broker: ` +
        `free it or pick other ports (--kafka-port / VOUCH_KAFKA_PORT, --kafka-controller-port / VOUCH_KAFKA_CONTROLLER_PORT)`,
    );
  }
  if (await isPortOpen(cfg.ports.kafkaControllerPort)) {
    throw new InfraError(
      `Kafka controller port ${cfg.ports.kafkaControllerPort} is in use by another process: ` +
        `free it or set --kafka-controller-port / VOUCH_KAFKA_CONTROLLER_PORT`,
    );
  }

  // Stale pid/state files from a crashed broker.
  removeFile(p.pidFile);
  removeFile(p.stateFile);

  const java = await javaWithJars(cfg, log);
  const credentials = secure ? await ensureKafkaSecurityFiles(cfg, log) : null;
  const connection = credentials ? adminConnection(credentials) : {};
  writeKafkaConfig(cfg, node, credentials);

  const formatted = fs.existsSync(path.join(p.dataDir, 'meta.properties'));
  const formattedSecurity = fs.existsSync(securityMarker(cfg))
    ? fs.readFileSync(securityMarker(cfg), 'utf8').trim()
    : 'plaintext';
  if (formatted && formattedSecurity !== cfg.kafkaSecurity) {
    throw new InfraError(
      `the Kafka storage in ${p.dataDir} was formatted for --kafka-security ${formattedSecurity}, not ${cfg.kafkaSecurity} ` +
        '(SCRAM users are added when it is formatted): use another --home, or delete that directory',
    );
  }
  if (!formatted) {
    await formatStorage(cfg, node, java, randomClusterId(), credentials, log);
    fs.writeFileSync(securityMarker(cfg), `${cfg.kafkaSecurity}\n`);
  }

  const broker = await spawnNode(cfg, node, java, log);
  const readyMs = await untilStarted(cfg, node, broker, connection, log);
  return {
    started: true,
    brokers,
    readyMs,
    status: await inspectNode(cfg, node),
    ...(credentials ? { security: await secured(credentials) } : {}),
  };
}

/**
 * Start every node of the cluster that is not running, all of them before waiting for any (a node
 * serves only once a majority of the controller quorum is up), and reuse those running: after
 * `down --kafka-node n`, or a node killed, `up` starts that node again on its data.
 * @param {ResolvedConfig} cfg
 * @returns {Promise<{ started: boolean, brokers: string, status: ServerStatus }>}
 */
async function upCluster(cfg) {
  const single = firstNode({ ...cfg, kafkaNodes: 1 });
  if (findOurs(cfg, single.name, needles(cfg, single))) {
    throw new InfraError(
      `the single-node Kafka of ${cfg.home} is running: stop it first (\`node infra/scripts/infra.mjs down --only kafka\`)`,
    );
  }
  const nodes = kafkaNodes(cfg);
  const statuses = await Promise.all(nodes.map((node) => inspectNode(cfg, node)));
  /** @type {KafkaNode[]} */
  const stopped = [];
  /** @type {Array<{ node: KafkaNode, pid: number }>} */
  const running = [];
  for (const [i, node] of nodes.entries()) {
    const status = /** @type {ServerStatus} */ (statuses[i]);
    if (status.state === 'external') {
      throw new InfraError(
        `port ${node.port} of Kafka node ${node.id} is in use by a process infra.mjs did not start: ` +
          'free it or pick other ports (--kafka-port, --kafka-controller-port)',
      );
    }
    if (status.state === 'stopped') {
      if (await isPortOpen(node.controllerPort)) {
        throw new InfraError(
          `controller port ${node.controllerPort} of Kafka node ${node.id} is in use by another process: ` +
            'free it or pick other ports (--kafka-controller-port)',
        );
      }
      stopped.push(node);
    } else if (
      status.ports.kafkaPort !== node.port ||
      status.ports.kafkaControllerPort !== node.controllerPort
    ) {
      throw new InfraError(
        `Kafka node ${node.id} from ${cfg.home} is already running on ports ${Object.values(status.ports).join('/')}, ` +
          `not ${node.port}/${node.controllerPort}: run \`node infra/scripts/infra.mjs down --only kafka --kafka-nodes ${cfg.kafkaNodes}\` first`,
      );
    } else {
      running.push({ node, pid: /** @type {number} */ (status.pid) });
    }
  }

  /** @type {Array<{ node: KafkaNode, broker: SpawnedNode }>} */
  const started = [];
  if (stopped.length > 0) {
    const java = await javaWithJars(cfg, prefixed(cfg, 'kafka'));
    const clusterId = formattedClusterId(cfg, nodes) ?? randomClusterId();
    for (const node of stopped) {
      const p = kafkaPaths(cfg, node);
      const log = prefixed(cfg, node.name);
      // Stale pid/state files from a crashed (or killed) node.
      removeFile(p.pidFile);
      removeFile(p.stateFile);
      writeKafkaConfig(cfg, node);
      if (!fs.existsSync(path.join(p.dataDir, 'meta.properties'))) {
        await formatStorage(cfg, node, java, clusterId, null, log);
      }
      started.push({ node, broker: await spawnNode(cfg, node, java, log) });
    }
  }
  await Promise.all([
    ...started.map(({ node, broker }) => untilStarted(cfg, node, broker, {}, prefixed(cfg, node.name))),
    ...running.map(({ node, pid }) => untilRunningAnswers(cfg, node, pid, {})),
  ]);
  const brokers = kafkaBrokersOf(cfg);
  prefixed(
    cfg,
    'kafka',
  )(
    `cluster of ${nodes.length} on ${brokers} (started: ${started.map(({ node }) => node.id).join(', ') || 'none'})`,
  );
  return { started: started.length > 0, brokers, status: await inspectKafka(cfg) };
}

/**
 * The cluster id of the first node whose storage is formatted: a node formatted later must share it.
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode[]} nodes
 */
function formattedClusterId(cfg, nodes) {
  for (const node of nodes) {
    const meta = path.join(kafkaPaths(cfg, node).dataDir, 'meta.properties');
    const id = fs.existsSync(meta)
      ? /^cluster\.id=(.+)$/m.exec(fs.readFileSync(meta, 'utf8'))?.[1]
      : undefined;
    if (id) return id.trim();
  }
  return null;
}

/**
 * Java 17+ and the broker jars.
 * @param {ResolvedConfig} cfg
 * @param {(msg: string) => void} log
 */
async function javaWithJars(cfg, log) {
  const { java, version } = await checkJava(cfg.env);
  log(`using Java ${version} (${java})`);
  await ensureKafkaJars(cfg, log);
  return java;
}

/** The JVM options naming the jars and the log configuration. @param {ReturnType<typeof kafkaPaths>} p */
const classpathArguments = (p) => [
  `-Dlog4j2.configurationFile=${p.log4jFile}`,
  '-cp',
  `${p.libsDir}${path.sep}*`,
];

/**
 * Format a node's storage (kafka-storage format) for the cluster `clusterId`.
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} node
 * @param {string} java
 * @param {string} clusterId
 * @param {import('./kafka-security.mjs').KafkaCredentials | null} credentials sasl_ssl: the SCRAM users to add
 * @param {(msg: string) => void} log
 */
async function formatStorage(cfg, node, java, clusterId, credentials, log) {
  const p = kafkaPaths(cfg, node);
  log(`formatting storage ${p.dataDir} (cluster id ${clusterId})…`);
  const t0 = Date.now();
  const res = await run(
    java,
    [
      ...classpathArguments(p),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      p.configFile,
      '--ignore-formatted',
      ...(credentials ? scramFormatArguments(credentials) : []),
    ],
    { env: cfg.env, logFile: p.logFile },
  );
  if (res.code !== 0) {
    throw new InfraError(
      `kafka-storage format failed (exit ${res.code}):\n${indent(res.output.trim().split('\n').slice(-20).join('\n'))}`,
    );
  }
  log(`storage formatted in ${formatDuration(Date.now() - t0)}`);
}

/** @typedef {{ pid: number, startedAt: number, exitCode: () => number | null }} SpawnedNode */

/**
 * Start a node's JVM, detached, and record its pid and state.
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} node
 * @param {string} java
 * @param {(msg: string) => void} log
 * @returns {Promise<SpawnedNode>}
 */
async function spawnNode(cfg, node, java, log) {
  const p = kafkaPaths(cfg, node);
  log(
    `starting broker on ${brokersOf({ kafkaPort: node.port })} (controller ${node.controllerPort}, log ${p.logFile})…`,
  );
  const startedAt = Date.now();
  const child = await spawnDetached(
    java,
    [
      ...KAFKA_JVM_OPTS,
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      ...classpathArguments(p),
      'kafka.Kafka',
      p.configFile,
    ],
    { logFile: p.logFile, cwd: p.homeDir, env: cfg.env },
  );
  const pid = /** @type {number} */ (child.pid);
  writePidFile(p.pidFile, pid);
  writeJson(p.stateFile, {
    pid,
    ports: { kafkaPort: node.port, kafkaControllerPort: node.controllerPort },
    startedAt: new Date().toISOString(),
    java,
    config: p.configFile,
    security: cfg.kafkaSecurity,
  });
  /** @type {number | null} */
  let exitCode = null;
  child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? 128 : -1);
  });
  return { pid, startedAt, exitCode: () => exitCode };
}

/**
 * Wait until a node just started answers a metadata request; stop it if it does not.
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} node
 * @param {SpawnedNode} broker
 * @param {import('../../../libs/kafka-client/src/kafka-client.js').KafkaConnection} connection
 * @param {(msg: string) => void} log
 * @returns {Promise<number>} the ms it took
 */
async function untilStarted(cfg, node, broker, connection, log) {
  const p = kafkaPaths(cfg, node);
  const brokers = brokersOf({ kafkaPort: node.port });
  try {
    await waitFor(() => kafkaAnswers(brokers, 3000, connection), {
      timeoutMs: READY_TIMEOUT_MS,
      intervalMs: 300,
      what: `the broker on ${brokers} to accept a metadata request`,
      abort: () => {
        const code = broker.exitCode();
        return code !== null ? `the broker exited (code ${code}) during startup` : null;
      },
    });
  } catch (err) {
    await stopProcess(broker.pid, { signals: ['SIGTERM', 'SIGKILL'], timeoutMs: 10_000 });
    removeFile(p.pidFile);
    removeFile(p.stateFile);
    throw new InfraError(
      `${/** @type {Error} */ (err).message}. Last lines of ${p.logFile}:\n${indent(tailFile(p.logFile, 20))}`,
    );
  }
  const readyMs = Date.now() - broker.startedAt;
  log(`ready in ${formatDuration(readyMs)} (pid ${broker.pid})`);
  return readyMs;
}

/**
 * Wait until a node found running answers a metadata request.
 * @param {ResolvedConfig} cfg
 * @param {KafkaNode} node
 * @param {number} pid
 * @param {import('../../../libs/kafka-client/src/kafka-client.js').KafkaConnection} connection
 */
async function untilRunningAnswers(cfg, node, pid, connection) {
  const p = kafkaPaths(cfg, node);
  await waitFor(() => kafkaAnswers(brokersOf({ kafkaPort: node.port }), 3000, connection), {
    timeoutMs: 60_000,
    what: `the running broker (pid ${pid}) to answer`,
    abort: () =>
      findOurs(cfg, node.name, needles(cfg, node))
        ? null
        : `the broker (pid ${pid}) exited; see ${p.logFile}`,
  }).catch((err) => {
    throw new InfraError(
      `${err.message}. Try \`node infra/scripts/infra.mjs down --only kafka\` and \`up\` again; log: ${p.logFile}`,
    );
  });
}

/**
 * Stop the broker started for this --home, or every node of the cluster, or the one `--kafka-node`
 * names (SIGTERM = controlled shutdown, SIGKILL after the timeout).
 * @param {ResolvedConfig} cfg
 * @returns {Promise<boolean>} true if a broker was stopped
 */
export async function downKafka(cfg) {
  const nodes = kafkaNodes(cfg).filter((node) => cfg.kafkaNode === null || node.id === cfg.kafkaNode);
  const stopped = await Promise.all(
    nodes.map((node) =>
      stopServer(cfg, { fileName: node.name, needles: needles(cfg, node), log: prefixed(cfg, node.name) }),
    ),
  );
  return stopped.some(Boolean);
}
