// @ts-check
/**
 * Hands real Kafka, PostgreSQL and SMTP to the integration tests, choosing per server, in order:
 * 1. what the environment names (KAFKA_BROKERS, DATABASE_URL, SMTP_URL + MAILDEV_URL);
 * 2. else what VOUCH_TEST_INFRA chooses, and nothing else decides (a DOCKER_HOST left set, a Docker
 *    daemon that happens to answer: neither moves a run onto images it may not be able to pull):
 *    - `processes` (the default): the repo's own local processes (infra/scripts/infra.mjs);
 *    - `containers`: containers through testcontainers, from KAFKA_IMAGE, POSTGRES_IMAGE and
 *      MAILDEV_IMAGE as docker-compose.yml takes them (default: the official images), without Ryuk
 *      (pulled from a public registry): every container is labelled with the run and removed here,
 *      at the end of the run, when the setup fails half-way, and at the start of the next run if a
 *      run was killed before its teardown.
 * It never falls back to "skip" or to the other branch: if nothing can be started, the run fails
 * and says why.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** @typedef {{ kafkaBrokers: string, databaseUrl: string, smtpUrl: string, maildevUrl: string }} Endpoints */
/** @typedef {{ endpoints: Endpoints, stop: () => Promise<void>, provider: string }} Provided */
/** @typedef {'processes' | 'containers'} Infrastructure */
/** @typedef {'kafka' | 'postgres' | 'smtp'} Server */
/** @typedef {Record<string, string | undefined>} Environment */

export const INFRASTRUCTURE_SETTING = 'VOUCH_TEST_INFRA';
/** @type {readonly Infrastructure[]} */
export const INFRASTRUCTURES = ['processes', 'containers'];

/**
 * The images of the containers branch, chosen by the variables docker-compose.yml reads, with its
 * defaults (`${KAFKA_IMAGE:-apache/kafka:4.4.0}`: unset or empty, the official image).
 */
export const DEFAULT_IMAGES = Object.freeze({
  kafka: 'apache/kafka:4.4.0',
  postgres: 'postgres:17',
  maildev: 'maildev/maildev:2.2.1',
});

/** Every container this harness starts carries the id of its run… */
export const RUN_LABEL = 'vouch.test-run';
/** …and `<host name> <process id>` of the Jest process that started it. */
export const OWNER_LABEL = 'vouch.test-run.owner';

/**
 * Which infrastructure VOUCH_TEST_INFRA chooses: `processes` when it is unset or empty, and an
 * error for anything but `processes` or `containers`.
 * @param {Environment} env @returns {Infrastructure}
 */
export function chosenInfrastructure(env) {
  const value = (env[INFRASTRUCTURE_SETTING] ?? '').trim();
  if (value === '') return 'processes';
  const known = INFRASTRUCTURES.find((name) => name === value);
  if (known) return known;
  throw new Error(
    `${INFRASTRUCTURE_SETTING}=${JSON.stringify(value)} is not a test infrastructure: set it to ` +
      `${INFRASTRUCTURES.map((name) => `"${name}"`).join(' or ')} (unset: "processes", the repo's ` +
      'local Kafka, PostgreSQL and maildev processes; "containers": testcontainers, with the images ' +
      'KAFKA_IMAGE, POSTGRES_IMAGE and MAILDEV_IMAGE name)',
  );
}

/** @param {Environment} env */
export function containerImages(env) {
  return {
    kafka: env['KAFKA_IMAGE'] || DEFAULT_IMAGES.kafka,
    postgres: env['POSTGRES_IMAGE'] || DEFAULT_IMAGES.postgres,
    maildev: env['MAILDEV_IMAGE'] || DEFAULT_IMAGES.maildev,
  };
}

/**
 * What provideInfrastructure does under this environment, decided without starting anything.
 * @param {Environment} env
 */
export function infrastructurePlan(env) {
  const infrastructure = chosenInfrastructure(env);
  const smtpNamed = Boolean(env['SMTP_URL'] && env['MAILDEV_URL']);
  /** @type {Partial<Endpoints>} */
  const named = {
    kafkaBrokers: env['KAFKA_BROKERS'] || undefined,
    databaseUrl: env['DATABASE_URL'] || undefined,
    smtpUrl: smtpNamed ? env['SMTP_URL'] : undefined,
    maildevUrl: smtpNamed ? env['MAILDEV_URL'] : undefined,
  };
  /** @type {Server[]} */
  const missing = [
    ...(named.kafkaBrokers ? [] : /** @type {const} */ (['kafka'])),
    ...(named.databaseUrl ? [] : /** @type {const} */ (['postgres'])),
    ...(named.smtpUrl ? [] : /** @type {const} */ (['smtp'])),
  ];
  const provider =
    missing.length === 0
      ? 'environment'
      : infrastructure === 'containers'
        ? 'testcontainers'
        : 'local processes';
  return {
    infrastructure,
    provider,
    named,
    missing,
    images: infrastructure === 'containers' ? containerImages(env) : undefined,
  };
}

/** @param {(line: string) => void} log @returns {Promise<Provided>} */
export async function provideInfrastructure(log) {
  const plan = infrastructurePlan(process.env);
  if (plan.missing.length === 0) {
    log('using Kafka, PostgreSQL and SMTP named by the environment');
    return {
      endpoints: /** @type {Endpoints} */ (plan.named),
      stop: async () => {},
      provider: 'environment',
    };
  }
  if (plan.infrastructure === 'processes' && process.env['DOCKER_HOST']) {
    log(`DOCKER_HOST is set, but ${INFRASTRUCTURE_SETTING} is not "containers": local processes`);
  }
  const provided =
    plan.infrastructure === 'containers'
      ? await startContainers(plan.missing, containerImages(process.env), log)
      : await startLocalProcesses(plan.missing, log);
  return {
    endpoints: /** @type {Endpoints} */ ({
      kafkaBrokers: plan.named.kafkaBrokers ?? provided.endpoints.kafkaBrokers,
      databaseUrl: plan.named.databaseUrl ?? provided.endpoints.databaseUrl,
      smtpUrl: plan.named.smtpUrl ?? provided.endpoints.smtpUrl,
      maildevUrl: plan.named.maildevUrl ?? provided.endpoints.maildevUrl,
    }),
    stop: provided.stop,
    provider: provided.provider,
  };
}

/** The container port of the listener the tests connect to (advertised as the host's mapped port). */
export const KAFKA_HOST_PORT = 19092;

/**
 * apache/kafka's settings for one KRaft node (broker and controller), as docker-compose.yml gives
 * them, but for the listener the host connects to: advertised as `advertisedHost` (the host and
 * port the container runtime maps 19092 to), which is known only once the container exists.
 * @param {string} advertisedHost
 * @returns {Record<string, string>}
 */
export function kafkaEnvironment(advertisedHost) {
  return {
    KAFKA_NODE_ID: '1',
    KAFKA_PROCESS_ROLES: 'broker,controller',
    KAFKA_LISTENERS: `INTERNAL://:9092,HOST://:${KAFKA_HOST_PORT},CONTROLLER://:9093`,
    KAFKA_ADVERTISED_LISTENERS: `INTERNAL://localhost:9092,HOST://${advertisedHost}`,
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,HOST:PLAINTEXT',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'INTERNAL',
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
    CLUSTER_ID: 'dm91Y2gtbG9jYWwta2Fma2',
    KAFKA_LOG_DIRS: '/var/lib/kafka/data',
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    KAFKA_NUM_PARTITIONS: '3',
    KAFKA_DEFAULT_REPLICATION_FACTOR: '1',
    KAFKA_MIN_INSYNC_REPLICAS: '1',
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
  };
}

/** Where the container's command waits for KAFKA_ADVERTISED_LISTENERS before it starts Kafka. */
const ADVERTISED_LISTENERS_FILE = '/tmp/vouch-advertised-listeners';
const WAITING_FOR_LISTENERS = 'vouch: waiting for the advertised listeners';
/** apache/kafka's KafkaRaftServer says so once the broker and the controller serve. */
const KAFKA_STARTED = /Kafka Server started/;

/**
 * The containers a killed run left (its Jest process gone, so its teardown never ran): those this
 * host started, whose process no longer runs. Other hosts' and running processes' are left alone.
 * @param {Array<{ Id: string, Labels?: Record<string, string> }>} containers
 * @param {{ host: string, isRunning: (pid: number) => boolean }} here
 */
export function leftoverContainers(containers, here) {
  return containers.filter((container) => {
    const labels = container.Labels ?? {};
    if (!labels[RUN_LABEL]) return false;
    const match = /^(.*) (\d+)$/.exec(labels[OWNER_LABEL] ?? '');
    if (!match) return false;
    return match[1] === here.host && !here.isRunning(Number(match[2]));
  });
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * @param {import('testcontainers').ContainerRuntimeClient} client
 * @param {Array<{ Id: string }>} containers
 */
async function removeContainers(client, containers) {
  const results = await Promise.allSettled(
    containers.map((container) =>
      client.container.dockerode.getContainer(container.Id).remove({ force: true, v: true }),
    ),
  );
  const failed = results.flatMap((result) =>
    result.status === 'rejected' && /** @type {{ statusCode?: number }} */ (result.reason).statusCode !== 404
      ? [String(result.reason)]
      : [],
  );
  if (failed.length > 0) throw new Error(`could not remove test containers: ${failed.join('; ')}`);
}

/**
 * @param {import('testcontainers').ContainerRuntimeClient} client
 * @param {string} [label] `name` or `name=value`
 */
async function labelledContainers(client, label = RUN_LABEL) {
  return client.container.dockerode.listContainers({ all: true, filters: { label: [label] } });
}

/** @param {import('testcontainers').StartedTestContainer} container */
function hostOf(container) {
  // The runtime's "localhost" may resolve to ::1 first, where a port published on 0.0.0.0 is not.
  const host = container.getHost();
  return host === 'localhost' ? '127.0.0.1' : host;
}

/**
 * @param {Server[]} servers
 * @param {{ kafka: string, postgres: string, maildev: string }} images
 * @param {(line: string) => void} log
 * @returns {Promise<{ endpoints: Partial<Endpoints>, stop: () => Promise<void>, provider: string }>}
 */
async function startContainers(servers, images, log) {
  // Before testcontainers reads it: Ryuk comes from a public registry; this harness removes its own.
  process.env['TESTCONTAINERS_RYUK_DISABLED'] = 'true';
  const { BoundPorts, GenericContainer, Wait, getContainerRuntimeClient, waitForContainer } =
    await import('testcontainers');
  /** @type {import('testcontainers').ContainerRuntimeClient} */
  let client;
  try {
    client = await getContainerRuntimeClient();
  } catch (error) {
    throw new Error(
      `${INFRASTRUCTURE_SETTING}=containers, but no container runtime answers ` +
        `(${process.env['DOCKER_HOST'] ? `DOCKER_HOST=${process.env['DOCKER_HOST']}` : 'DOCKER_HOST unset'}): ` +
        'start Docker, or podman\'s socket (`eval "$(node infra/containers/containers.mjs start)"`), or ' +
        `unset ${INFRASTRUCTURE_SETTING} for local processes. ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const leftovers = leftoverContainers(await labelledContainers(client), { host: hostname(), isRunning });
  if (leftovers.length > 0) {
    log(`removing ${leftovers.length} container(s) a killed test run left`);
    await removeContainers(client, leftovers);
  }

  const runId = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  const labels = { [RUN_LABEL]: runId, [OWNER_LABEL]: `${hostname()} ${process.pid}` };
  // Removed in one call each, forced (the runtime kills them first): a Jest process that dies
  // during its teardown (a test left a client running) leaves less behind than with a stop, then a
  // removal; what it does leave, the next run removes (leftoverContainers).
  const stop = () =>
    labelledContainers(client, `${RUN_LABEL}=${runId}`).then((ours) => removeContainers(client, ours));
  /**
   * @template {import('testcontainers').StartedTestContainer} T
   * @param {string} what @param {string} image @param {() => Promise<T>} start
   */
  const startOne = async (what, image, start) => {
    const began = Date.now();
    log(`starting ${what} in a container (${image})`);
    try {
      const container = await start();
      log(`${what} ready in ${((Date.now() - began) / 1000).toFixed(1)} s`);
      return container;
    } catch (error) {
      throw new Error(
        `${what} did not start from ${image} (${INFRASTRUCTURE_SETTING}=containers; KAFKA_IMAGE, ` +
          `POSTGRES_IMAGE and MAILDEV_IMAGE choose the images): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  /** @type {Partial<Endpoints>} */
  const endpoints = {};
  /** @type {Record<Server, () => Promise<void>>} */
  const starters = {
    kafka: async () => {
      const kafka = await startOne('Kafka', images.kafka, async () => {
        // KRaft, one node, configured as docker-compose.yml does. The listener the host uses must be
        // advertised with the port the runtime maps, known once the container runs: its command
        // waits for that, then runs the image's own /etc/kafka/docker/run (Kafka as PID 1).
        const { KAFKA_ADVERTISED_LISTENERS: _later, ...environment } = kafkaEnvironment('');
        const container = await new GenericContainer(images.kafka)
          .withLabels(labels)
          .withEnvironment(environment)
          // 9092 too, the port the image EXPOSEs: podman lists it among the port bindings (unbound,
          // unlike Docker), and testcontainers waits until every listed port is bound.
          .withExposedPorts(KAFKA_HOST_PORT, 9092)
          .withCommand([
            'sh',
            '-c',
            `echo '${WAITING_FOR_LISTENERS}'; ` +
              `while [ ! -s ${ADVERTISED_LISTENERS_FILE} ]; do sleep 0.1; done; ` +
              `KAFKA_ADVERTISED_LISTENERS="$(cat ${ADVERTISED_LISTENERS_FILE})"; ` +
              'export KAFKA_ADVERTISED_LISTENERS; exec /etc/kafka/docker/run',
          ])
          .withWaitStrategy(Wait.forLogMessage(WAITING_FOR_LISTENERS))
          .withStartupTimeout(60_000)
          .start();
        // From here on, a failure leaves it to the removal by label.
        const { KAFKA_ADVERTISED_LISTENERS: advertised = '' } = kafkaEnvironment(
          `${hostOf(container)}:${container.getMappedPort(KAFKA_HOST_PORT)}`,
        );
        // Written whole, then renamed: the waiting loop never reads half a line.
        const file = ADVERTISED_LISTENERS_FILE;
        const written = await container.exec([
          'sh',
          '-c',
          `printf '%s' "$1" > ${file}.new && mv ${file}.new ${file}`,
          'sh',
          advertised,
        ]);
        if (written.exitCode !== 0) throw new Error(`could not hand Kafka its listeners: ${written.output}`);
        // A log line, not a health check: podman without systemd runs no HEALTHCHECK.
        await waitForContainer(
          client,
          client.container.getById(container.getId()),
          Wait.forLogMessage(KAFKA_STARTED).withStartupTimeout(120_000),
          new BoundPorts(),
        );
        return container;
      });
      endpoints.kafkaBrokers = `${hostOf(kafka)}:${kafka.getMappedPort(KAFKA_HOST_PORT)}`;
    },
    postgres: async () => {
      const postgres = await startOne('PostgreSQL', images.postgres, () =>
        new GenericContainer(images.postgres)
          .withLabels(labels)
          .withEnvironment({
            POSTGRES_USER: 'postgres',
            POSTGRES_PASSWORD: 'postgres',
            POSTGRES_DB: 'postgres',
          })
          .withExposedPorts(5432)
          // docker-compose.yml's health check as a command: -h 127.0.0.1, as only the real server
          // listens on TCP, not the entrypoint's temporary one that runs the init scripts.
          .withWaitStrategy(
            Wait.forSuccessfulCommand('pg_isready -U postgres -d postgres -h 127.0.0.1 -p 5432'),
          )
          .withStartupTimeout(120_000)
          .start(),
      );
      endpoints.databaseUrl = `postgres://postgres:postgres@${hostOf(postgres)}:${postgres.getMappedPort(5432)}/postgres`;
    },
    smtp: async () => {
      const maildev = await startOne('maildev', images.maildev, () =>
        new GenericContainer(images.maildev)
          .withLabels(labels)
          .withEnvironment({ MAILDEV_SMTP_PORT: '1025', MAILDEV_WEB_PORT: '1080' })
          .withExposedPorts(1025, 1080)
          .withWaitStrategy(Wait.forHttp('/healthz', 1080))
          .withStartupTimeout(60_000)
          .start(),
      );
      endpoints.smtpUrl = `smtp://${hostOf(maildev)}:${maildev.getMappedPort(1025)}`;
      endpoints.maildevUrl = `http://${hostOf(maildev)}:${maildev.getMappedPort(1080)}`;
    },
  };
  // All at once: each waits for its own server only.
  const results = await Promise.allSettled(servers.map((server) => starters[server]()));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    // Jest runs no global teardown after a failed global setup: remove them now.
    await stop().catch((cleanup) => log(`cleaning up after the failure: ${String(cleanup)}`));
    throw failure.reason;
  }
  return { endpoints, stop, provider: 'testcontainers' };
}

/** @param {Server[]} servers @param {(line: string) => void} log @returns {Promise<{ endpoints: Partial<Endpoints>, stop: () => Promise<void>, provider: string }>} */
async function startLocalProcesses(servers, log) {
  log(`${servers.join(', ')}: local processes (infra/scripts/infra.mjs; reused when running)`);
  const infra = await import(path.join(repoRoot, 'infra/scripts/infra.mjs'));
  // Servers the environment names only in part (SMTP_URL without MAILDEV_URL) are started whole here.
  const env = { ...process.env };
  if (servers.includes('smtp')) delete env.SMTP_URL;
  if (servers.includes('postgres')) delete env.DATABASE_URL;
  const result = await infra.up({ only: servers, env });
  const startedHere = result.started;
  return {
    endpoints: result,
    stop: async () => {
      // Servers that were already running before the tests (an `npm start` session) stay up.
      if (startedHere.length > 0) await infra.down({ only: startedHere });
    },
    provider: 'local processes',
  };
}
