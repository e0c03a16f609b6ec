import { setTimeout as sleep } from 'node:timers/promises';
import { Topics } from '@vouch/contracts';
import { defaultEventConsumerSettings } from '@vouch/messaging';
import { DedicatedKafkaBroker, freePort, waitFor, SERVICE_NAMES, type ServiceName } from '@vouch/testing';
import {
  FULL_LOAD,
  firstEmailAfter,
  runScenario,
  type FaultOutcome,
  type UnderLoad,
} from '../support/harness';
import { KafkaProxy } from '../support/kafka-proxy';
import { type Log, type Scenario, difference, readFrom, republishedEvents, servicesNotReady } from './common';

/** kafkajs' requestTimeout, which createKafka (libs/messaging kafka-settings.ts) leaves at its default. */
const KAFKAJS_REQUEST_TIMEOUT_MS = 30_000;
/** The relay's producer's retries (outbox-relay.ts, connectedProducer); kafkajs jitters each delay by ±20 %. */
const RELAY_PRODUCER_RETRY = { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000, jitter: 0.2 };

/**
 * How long the relay's producer tries a batch before its send fails: kafkajs has no
 * delivery.timeout.ms; each attempt waits a request timeout for an answer a partition never
 * brings, and the retries wait 200, 400 and 800 ms (at most 20 % more) between them.
 */
export const PRODUCER_DELIVERY_TIMEOUT_MS =
  (RELAY_PRODUCER_RETRY.retries + 1) * KAFKAJS_REQUEST_TIMEOUT_MS +
  Array.from({ length: RELAY_PRODUCER_RETRY.retries }, (_, retry) =>
    Math.min(
      RELAY_PRODUCER_RETRY.initialRetryTime * 2 ** retry * (1 + RELAY_PRODUCER_RETRY.jitter),
      RELAY_PRODUCER_RETRY.maxRetryTime,
    ),
  ).reduce((sum, delay) => sum + delay, 0);

/**
 * Twice the longest of the clients' timeouts, the producer's delivery timeout (the consumers'
 * session is 6 s): the relays give up a send and start over on new connections while it lasts.
 */
const PARTITION_MS =
  2 * Math.max(PRODUCER_DELIVERY_TIMEOUT_MS, defaultEventConsumerSettings.sessionTimeoutMs);

/** When readiness is asked during the partition: its Kafka probe's cache and every session long expired. */
const READINESS_ASKED_AFTER_MS = 30_000;

/**
 * A connection a second through the proxy, all clients of the four services together: each of
 * them waits for a request timeout on a connection that does not answer, so even one a second
 * would be a client retrying without waiting.
 */
const MAX_CONNECTIONS_PER_SECOND = 1;

/** How long after the heal every outbox may take to publish what the partition held back. */
const DRAIN_TIMEOUT_MS = 180_000;

/**
 * F9. A network partition between the services and Kafka, longer than the producer's delivery
 * timeout, then healed: through a proxy the test controls in front of a dedicated broker that
 * advertises the proxy's port, so that every client connection goes through it.
 */
export const kafkaPartition: Scenario = async ({ shape = FULL_LOAD, log }) => {
  const brokerPort = await freePort();
  const proxy = await KafkaProxy.start(brokerPort);
  const broker = await DedicatedKafkaBroker.start({ port: brokerPort, advertisedPort: proxy.port });
  const brokers = broker.brokers.join(',');
  try {
    return await runScenario(
      {
        id: 'kafka-partition',
        title: `the services cut off from Kafka for ${seconds(PARTITION_MS)} (a network partition), then healed`,
        expectation:
          'writes keep answering 2xx (outbox) and readiness answers 503; no hot loop of ' +
          `connections (at most ${MAX_CONNECTIONS_PER_SECOND}/s); after the heal every outbox drains; ` +
          'lost 0, duplicated 0; recovery = every outbox drained after the heal',
        shape,
        environment: Object.fromEntries(SERVICE_NAMES.map((name) => [name, { KAFKA_BROKERS: brokers }])),
        fault: async (run) => partitionFromKafka(run, proxy, log),
        verify: async (_reconciliation, run) => {
          const topics = [Topics.employees, Topics.connections, Topics.recommendations];
          const republished = await Promise.all(
            topics.map((topic) => republishedEvents(run, topic, broker.brokers)),
          );
          return {
            notes: [
              `messages on the topics more than once (a send given up but written, published again), ` +
                `each applied once by the inboxes: ${topics.map((topic, i) => `${topic} ${republished[i]}`).join(', ')}`,
            ],
            failures: [],
          };
        },
      },
      log,
    );
  } finally {
    await broker.destroy();
    await proxy.close();
  }
};

async function partitionFromKafka(run: UnderLoad, proxy: KafkaProxy, log: Log): Promise<FaultOutcome> {
  log(
    `partition: nothing passes between the services and Kafka for ${seconds(PARTITION_MS)} ` +
      `(the producer's delivery timeout ${seconds(PRODUCER_DELIVERY_TIMEOUT_MS)})`,
  );
  const before = { ...run.load.answers };
  const partitionedAt = Date.now();
  proxy.partition();
  await sleep(READINESS_ASKED_AFTER_MS);
  const readiness = await readinessOf(run);
  log(`readiness while partitioned: ${readiness.map(describeReadiness).join('; ')}`);
  await sleep(partitionedAt + PARTITION_MS - Date.now());
  const during = difference(run.load.answers, before);
  const committedWhilePartitioned = run.load.acknowledged.filter((write) => write.at >= partitionedAt).length;
  const backlog = await unpublishedEvents(run, new Date());
  proxy.heal();
  const healedAt = Date.now();
  const connections = connectionRate(proxy, partitionedAt, healedAt);
  log(
    `healed (writes while partitioned: ${JSON.stringify(during)}; outboxes held ${sum(backlog)} events; ` +
      `${connections.total} connections through the proxy)`,
  );
  const [firstEmailMs, drainedMs] = await Promise.all([
    firstEmailAfter(run.sink, healedAt).catch(() => undefined),
    outboxesDrained(run, new Date(healedAt)).then(
      () => Date.now() - healedAt,
      () => undefined,
    ),
  ]);
  const unready = await servicesNotReady(run);
  // The relay's and the consumer's own words (warnings, which the platform's LOG_LEVEL keeps).
  const whilePartitioned = SERVICE_NAMES.map((name) => ({
    name,
    relayGaveUpAt: logLinesBetween(
      run,
      name,
      partitionedAt,
      healedAt,
      /^Kafka refused \d+ events, retrying/,
    )[0]?.time,
    consumerRestarts: logLinesBetween(run, name, partitionedAt, healedAt, /^consumer crashed, restarting/)
      .length,
  }));
  const ready = readiness.filter((answer) => answer.status === 200).map((answer) => answer.name);
  return {
    kills: 0,
    recoveriesMs: [firstEmailMs, drainedMs].filter((ms): ms is number => ms !== undefined),
    notes: [
      `partition of ${seconds(PARTITION_MS)}: twice the relay's producer's delivery timeout of ` +
        `${seconds(PRODUCER_DELIVERY_TIMEOUT_MS)} (${RELAY_PRODUCER_RETRY.retries + 1} attempts × kafkajs' ` +
        `${seconds(KAFKAJS_REQUEST_TIMEOUT_MS)} request timeout, and their backoff); the consumers' session is ` +
        `${seconds(defaultEventConsumerSettings.sessionTimeoutMs)}`,
      `while partitioned: ${during.succeeded} writes answered 2xx, ${during.refused + during.unclean} 5xx, ` +
        `${during.rejected} 4xx (a step another service had not heard of yet); the outboxes held ` +
        `${SERVICE_NAMES.map((name, i) => `${name} ${backlog[i]}`).join(', ')} events at the heal`,
      `readiness ${seconds(READINESS_ASKED_AFTER_MS)} into the partition: ${readiness.map(describeReadiness).join('; ')}`,
      `${connections.total} connections opened through the proxy while partitioned (the readiness probes' ` +
        `${readiness.length} among them): ${connections.perSecond.toFixed(2)}/s on average, at most ` +
        `${connections.peakPerSecond} in one second`,
      `the relays gave up their first send after: ${whilePartitioned
        .map(({ name, relayGaveUpAt }) =>
          relayGaveUpAt === undefined ? `${name} never` : `${name} ${seconds(relayGaveUpAt - partitionedAt)}`,
        )
        .join(', ')}; consumers restarted by kafkajs while partitioned: ` +
        whilePartitioned.map(({ name, consumerRestarts }) => `${name} ${consumerRestarts}`).join(', '),
      `after the heal: first email ${firstEmailMs === undefined ? 'never' : seconds(firstEmailMs)}, every ` +
        `outbox drained of what the partition held in ${drainedMs === undefined ? 'never' : seconds(drainedMs)}`,
    ],
    failures: [
      ...(committedWhilePartitioned === 0 ? ['no write succeeded while partitioned'] : []),
      ...(during.refused + during.unclean > 0 ? ['writes failed with 5xx while partitioned'] : []),
      ...ready.map((name) => `${name} answered ready while partitioned`),
      ...(connections.perSecond > MAX_CONNECTIONS_PER_SECOND
        ? [`${connections.perSecond.toFixed(1)} connections/s to Kafka while partitioned: a hot loop`]
        : []),
      ...(firstEmailMs === undefined ? ['no email within 120 s of the heal'] : []),
      ...(drainedMs === undefined
        ? [`the outboxes still held events from the partition ${seconds(DRAIN_TIMEOUT_MS)} after the heal`]
        : []),
      ...unready.map((name) => `${name} is not ready again after the heal`),
    ],
  };
}

interface Readiness {
  name: ServiceName;
  /** 0: no answer within the probe's own timeout. */
  status: number;
  detail: string;
}

/** What each service's /health/ready answers, as an orchestrator's probe would see it. */
async function readinessOf(run: UnderLoad): Promise<Readiness[]> {
  return Promise.all(
    SERVICE_NAMES.map(async (name) => {
      try {
        const response = await fetch(`${run.platform.service(name).baseUrl}/health/ready`, {
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await response.json().catch(() => ({}))) as { detail?: string };
        return { name, status: response.status, detail: body.detail ?? '' };
      } catch (error) {
        return { name, status: 0, detail: (error as Error).message };
      }
    }),
  );
}

function describeReadiness({ name, status, detail }: Readiness): string {
  return `${name} ${status || 'no answer'}${detail ? ` "${detail}"` : ''}`;
}

/** Clients' connections through the proxy in [from, to): in all, per second, and in the busiest second. */
function connectionRate(proxy: KafkaProxy, from: number, to: number) {
  const opened = proxy.connectionsAt.filter((at) => at >= from && at < to);
  const bySecond = new Map<number, number>();
  for (const at of opened) {
    const second = Math.floor((at - from) / 1000);
    bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
  }
  return {
    total: opened.length,
    perSecond: opened.length / ((to - from) / 1000),
    peakPerSecond: Math.max(0, ...bySecond.values()),
  };
}

const UNPUBLISHED_BEFORE =
  'SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL AND created_at < $1';

/** Per service (SERVICE_NAMES' order), its outbox's events written before `before` and not published. */
async function unpublishedEvents(run: UnderLoad, before: Date): Promise<number[]> {
  return Promise.all(
    SERVICE_NAMES.map(async (name) => {
      const [row] = await readFrom<{ count: string }>(run, name, UNPUBLISHED_BEFORE, [before]);
      return Number(row?.count ?? 0);
    }),
  );
}

/** Resolves once every outbox published the events written before `before`. */
async function outboxesDrained(run: UnderLoad, before: Date): Promise<void> {
  await waitFor(
    'every outbox to publish what the partition held back',
    () => unpublishedEvents(run, before),
    (counts) => sum(counts) === 0,
    { timeoutMs: DRAIN_TIMEOUT_MS, intervalMs: 250 },
  );
}

interface LogLine {
  time: number;
  msg: string;
}

/** The service's structured log lines (pino: `time` in ms, `msg`), from the tail it kept. */
function logLines(run: UnderLoad, name: ServiceName): LogLine[] {
  return run.platform
    .service(name)
    .log()
    .split('\n')
    .flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as Partial<LogLine>;
        return typeof parsed.time === 'number' && typeof parsed.msg === 'string'
          ? [{ time: parsed.time, msg: parsed.msg }]
          : [];
      } catch {
        return [];
      }
    });
}

function logLinesBetween(run: UnderLoad, name: ServiceName, from: number, to: number, pattern: RegExp) {
  return logLines(run, name).filter((line) => line.time >= from && line.time < to && pattern.test(line.msg));
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
