// @ts-check
/**
 * Apache Kafka 4.x, single node KRaft (broker+controller), run as a plain `java` process.
 *
 * - jars: fetched once by the Maven Wrapper from infra/kafka/pom.xml into <repo>/.local/kafka/libs
 *   (shared by every --home); refetched when the pom changes (sha256 recorded in a marker file)
 * - config: infra/kafka/server.properties.template rendered into <home>/kafka/server.properties
 * - data: <home>/kafka/data (formatted once with kafka.tools.StorageTool)
 * - log: <home>/logs/kafka.log, pid: <home>/run/kafka.pid
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { prefixed } from './config.mjs';
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

/** @param {ResolvedConfig} cfg */
export function kafkaPaths(cfg) {
  const infraDir = path.join(cfg.repoRoot, 'infra', 'kafka');
  const cacheDir = path.join(cfg.repoRoot, '.local', 'kafka');
  const homeDir = path.join(cfg.home, 'kafka');
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
    ...runFiles(cfg, 'kafka'),
  };
}

/** Substrings of the broker's command line that identify "our" broker for this --home. */
const needles = (/** @type {ResolvedConfig} */ cfg) => ['kafka.Kafka', kafkaPaths(cfg).configFile];

/** @param {{ kafkaPort: number }} ports */
const brokersOf = (ports) => `127.0.0.1:${ports.kafkaPort}`;

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
 * Render server.properties and log4j2.properties for this --home and these ports.
 * @param {ResolvedConfig} cfg
 * @param {import('./kafka-security.mjs').KafkaCredentials | null} [credentials] sasl_ssl: the users
 */
export function writeKafkaConfig(cfg, credentials = null) {
  const p = kafkaPaths(cfg);
  mkdirp(p.dataDir);
  const values = /** @type {Record<string, string>} */ ({
    kafkaPort: String(cfg.ports.kafkaPort),
    controllerPort: String(cfg.ports.kafkaControllerPort),
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
  fs.writeFileSync(
    p.configFile,
    `# GENERATED by infra/scripts/infra.mjs from infra/kafka/server.properties.template; edits are overwritten.\n${rendered}`,
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
 * @returns {Promise<ServerStatus>}
 */
export function inspectKafka(cfg) {
  return inspectServer(cfg, {
    name: 'kafka',
    fileName: 'kafka',
    needles: needles(cfg),
    portKey: 'kafkaPort',
    ports: { kafkaPort: cfg.ports.kafkaPort, kafkaControllerPort: cfg.ports.kafkaControllerPort },
    url: (ports) => brokersOf(/** @type {{ kafkaPort: number }} */ (ports)),
  });
}

/**
 * The security mode a --home's storage was formatted with: its users exist only from formatting.
 * @param {ResolvedConfig} cfg
 */
const securityMarker = (cfg) => path.join(kafkaPaths(cfg).homeDir, 'security-mode');

/**
 * Ensure a broker answers on the configured port; start one if needed.
 * @param {ResolvedConfig} cfg
 * @returns {Promise<{ started: boolean, brokers: string, readyMs?: number, status: ServerStatus, security?: { caFile: string, credentialsFile: string } }>}
 */
export async function upKafka(cfg) {
  const log = prefixed(cfg, 'kafka');
  const p = kafkaPaths(cfg);
  const status = await inspectKafka(cfg);
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
    await waitFor(() => kafkaAnswers(brokers, 3000, connection), {
      timeoutMs: 60_000,
      what: `the running broker (pid ${status.pid}) to answer`,
      abort: () =>
        findOurs(cfg, 'kafka', needles(cfg))
          ? null
          : `the broker (pid ${status.pid}) exited; see ${p.logFile}`,
    }).catch((err) => {
      throw new InfraError(
        `${err.message}. Try \`node infra/scripts/infra.mjs down --only kafka\` and \`up\` again; log: ${p.logFile}`,
      );
    });
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

  const { java, version } = await checkJava(cfg.env);
  log(`using Java ${version} (${java})`);
  await ensureKafkaJars(cfg, log);
  const credentials = secure ? await ensureKafkaSecurityFiles(cfg, log) : null;
  const connection = credentials ? adminConnection(credentials) : {};
  writeKafkaConfig(cfg, credentials);
  const classpath = `${p.libsDir}${path.sep}*`;
  const log4j = `-Dlog4j2.configurationFile=${p.log4jFile}`;

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
    const clusterId = randomClusterId();
    log(`formatting storage ${p.dataDir} (cluster id ${clusterId})…`);
    const t0 = Date.now();
    const res = await run(
      java,
      [
        log4j,
        '-cp',
        classpath,
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
    fs.writeFileSync(securityMarker(cfg), `${cfg.kafkaSecurity}\n`);
    log(`storage formatted in ${formatDuration(Date.now() - t0)}`);
  }

  log(`starting broker on ${brokers} (controller ${cfg.ports.kafkaControllerPort}, log ${p.logFile})…`);
  const t0 = Date.now();
  const child = await spawnDetached(
    java,
    [
      ...KAFKA_JVM_OPTS,
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.awt.headless=true',
      log4j,
      '-cp',
      classpath,
      'kafka.Kafka',
      p.configFile,
    ],
    { logFile: p.logFile, cwd: p.homeDir, env: cfg.env },
  );
  const pid = /** @type {number} */ (child.pid);
  writePidFile(p.pidFile, pid);
  writeJson(p.stateFile, {
    pid,
    ports: { kafkaPort: cfg.ports.kafkaPort, kafkaControllerPort: cfg.ports.kafkaControllerPort },
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
  try {
    await waitFor(() => kafkaAnswers(brokers, 3000, connection), {
      timeoutMs: READY_TIMEOUT_MS,
      intervalMs: 300,
      what: `the broker on ${brokers} to accept a metadata request`,
      abort: () => (exitCode !== null ? `the broker exited (code ${exitCode}) during startup` : null),
    });
  } catch (err) {
    await stopProcess(pid, { signals: ['SIGTERM', 'SIGKILL'], timeoutMs: 10_000 });
    removeFile(p.pidFile);
    removeFile(p.stateFile);
    throw new InfraError(
      `${/** @type {Error} */ (err).message}. Last lines of ${p.logFile}:\n${indent(tailFile(p.logFile, 20))}`,
    );
  }
  const readyMs = Date.now() - t0;
  log(`ready in ${formatDuration(readyMs)} (pid ${pid})`);
  return {
    started: true,
    brokers,
    readyMs,
    status: await inspectKafka(cfg),
    ...(credentials ? { security: await secured(credentials) } : {}),
  };
}

/**
 * Stop the broker started for this --home (SIGTERM = controlled shutdown, SIGKILL after the timeout).
 * @param {ResolvedConfig} cfg
 * @returns {Promise<boolean>} true if a broker was stopped
 */
export function downKafka(cfg) {
  return stopServer(cfg, { fileName: 'kafka', needles: needles(cfg), log: prefixed(cfg, 'kafka') });
}
