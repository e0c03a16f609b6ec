// @ts-check
/**
 * Hands real Kafka, PostgreSQL and SMTP to the integration tests, choosing per server, in order:
 * 1. what the environment names (KAFKA_BROKERS, DATABASE_URL, SMTP_URL + MAILDEV_URL);
 * 2. testcontainers, when a container runtime answers;
 * 3. the repo's own local processes (infra/scripts/infra.mjs).
 * It never falls back to "skip": if nothing can be started, the run fails and says why.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** @typedef {{ kafkaBrokers: string, databaseUrl: string, smtpUrl: string, maildevUrl: string }} Endpoints */
/** @typedef {{ endpoints: Endpoints, stop: () => Promise<void>, provider: string }} Provided */

/** @param {(line: string) => void} log @returns {Promise<Provided>} */
export async function provideInfrastructure(log) {
  const fromEnv = {
    kafkaBrokers: process.env.KAFKA_BROKERS,
    databaseUrl: process.env.DATABASE_URL,
    smtpUrl: process.env.SMTP_URL && process.env.MAILDEV_URL ? process.env.SMTP_URL : undefined,
    maildevUrl: process.env.SMTP_URL && process.env.MAILDEV_URL ? process.env.MAILDEV_URL : undefined,
  };
  const missing = [
    ...(fromEnv.kafkaBrokers ? [] : ['kafka']),
    ...(fromEnv.databaseUrl ? [] : ['postgres']),
    ...(fromEnv.smtpUrl ? [] : ['smtp']),
  ];
  if (missing.length === 0) {
    log('using Kafka, PostgreSQL and SMTP named by the environment');
    return { endpoints: /** @type {Endpoints} */ (fromEnv), stop: async () => {}, provider: 'environment' };
  }
  const provided = (await containerRuntimeAnswers())
    ? await startContainers(missing, log)
    : await startLocalProcesses(missing, log);
  return {
    endpoints: /** @type {Endpoints} */ ({
      kafkaBrokers: fromEnv.kafkaBrokers ?? provided.endpoints.kafkaBrokers,
      databaseUrl: fromEnv.databaseUrl ?? provided.endpoints.databaseUrl,
      smtpUrl: fromEnv.smtpUrl ?? provided.endpoints.smtpUrl,
      maildevUrl: fromEnv.maildevUrl ?? provided.endpoints.maildevUrl,
    }),
    stop: provided.stop,
    provider: provided.provider,
  };
}

async function containerRuntimeAnswers() {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** @param {string[]} servers @param {(line: string) => void} log @returns {Promise<{ endpoints: Partial<Endpoints>, stop: () => Promise<void>, provider: string }>} */
async function startContainers(servers, log) {
  const { GenericContainer, Wait } = await import('testcontainers');
  /** @type {Array<{ stop: () => Promise<unknown> }>} */
  const started = [];
  /** @type {Partial<Endpoints>} */
  const endpoints = {};
  if (servers.includes('kafka')) {
    log('starting Kafka in a container (KRaft)');
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const kafka = await new KafkaContainer('confluentinc/cp-kafka:7.9.1').withKraft().start();
    started.push(kafka);
    endpoints.kafkaBrokers = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  }
  if (servers.includes('postgres')) {
    log('starting PostgreSQL in a container');
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const postgres = await new PostgreSqlContainer('postgres:17')
      .withUsername('postgres')
      .withPassword('postgres')
      .start();
    started.push(postgres);
    endpoints.databaseUrl = postgres.getConnectionUri().replace(/\/[^/]*$/, '/postgres');
  }
  if (servers.includes('smtp')) {
    log('starting maildev in a container');
    const maildev = await new GenericContainer('maildev/maildev:2.2.1')
      .withExposedPorts(1025, 1080)
      .withWaitStrategy(Wait.forHttp('/healthz', 1080))
      .start();
    started.push(maildev);
    endpoints.smtpUrl = `smtp://${maildev.getHost()}:${maildev.getMappedPort(1025)}`;
    endpoints.maildevUrl = `http://${maildev.getHost()}:${maildev.getMappedPort(1080)}`;
  }
  return {
    endpoints,
    stop: async () => {
      await Promise.all(started.map((container) => container.stop()));
    },
    provider: 'testcontainers',
  };
}

/** @param {string[]} servers @param {(line: string) => void} log @returns {Promise<{ endpoints: Partial<Endpoints>, stop: () => Promise<void>, provider: string }>} */
async function startLocalProcesses(servers, log) {
  log(`no container runtime: starting ${servers.join(', ')} as local processes`);
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
