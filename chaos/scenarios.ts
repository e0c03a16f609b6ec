import { setTimeout as sleep } from 'node:timers/promises';
import { Topics } from '@vouch/contracts';
import {
  DedicatedKafkaBroker,
  readTopic,
  testInfrastructure,
  testKafka,
  waitFor,
  type ServiceName,
} from '@vouch/testing';
import { AcceptanceDelay } from './support/acceptance-delay';
import { DedicatedPostgres } from './support/dedicated-postgres';
import { RelayTrap } from './support/relay-trap';
import {
  FULL_LOAD,
  SERVICES,
  firstEmailAfter,
  firstSuccessAfter,
  runScenario,
  type FaultOutcome,
  type LoadShape,
  type ScenarioResult,
  type UnderLoad,
} from './support/harness';
import { sigkill, sigkillListener } from './support/sigkill';

export type Log = (line: string) => void;

/** A scenario as the runner and the test call it: `shape` sets its load, `short` its fault's size. */
export type Scenario = (options: { shape?: LoadShape; short?: boolean; log: Log }) => Promise<ScenarioResult>;

/** What a restart is measured by: the killed service's first 2xx write, or notifications' first email. */
async function recoveryOf(run: UnderLoad, name: ServiceName, since: number): Promise<number> {
  return name === 'notifications'
    ? firstEmailAfter(run.sink, since)
    : firstSuccessAfter(run.load, since, name);
}

/** 1. `kill -9` each service in turn under load, and restart it. */
export const killEachService: Scenario = ({ shape = FULL_LOAD, short = false, log }) =>
  runScenario(
    {
      id: 'kill-each-service',
      title: '`kill -9` each service in turn under load, restart it',
      expectation: 'lost 0, duplicated 0',
      shape,
      fault: async (run) => {
        const victims: ServiceName[] = short ? ['connections', 'notifications'] : SERVICES;
        const recoveriesMs: number[] = [];
        for (const name of victims) {
          log(`kill -9 ${name}`);
          const killedAt = Date.now();
          await sigkill(run.platform.service(name));
          await sleep(1_000);
          await run.platform.restart(name);
          recoveriesMs.push(await recoveryOf(run, name, killedAt));
          log(`${name} back, recovered ${recoveriesMs.at(-1)} ms after the kill`);
          await sleep(2_000);
        }
        const recoveries = victims.map(
          (name, index) => `${name} ${(recoveriesMs[index] / 1000).toFixed(1)} s`,
        );
        return {
          kills: victims.length,
          recoveriesMs,
          notes: [
            `back to work after the kill (first 2xx, or email for notifications): ${recoveries.join(', ')}`,
          ],
          failures: [],
        };
      },
    },
    log,
  );

/**
 * 2. The relay killed between publishing and marking. The producer is killed once to free its
 * relay's leadership; the trap takes it, so the restarted producer's events wait unpublished; the
 * trap locks them and lets the relay lead, which publishes them and waits to mark them; the producer
 * is killed right then. After the restart its relay publishes them again: the topic shows each
 * twice, and the consumers' inboxes must apply them once.
 */
export const killRelayMidStream: Scenario = ({ shape = FULL_LOAD, short = false, log }) =>
  runScenario(
    {
      id: 'kill-relay-mid-stream',
      title: 'the relay killed between publishing and marking (SIGKILL of the producer mid-stream)',
      expectation: 'lost 0, duplicated 0: events published twice are applied once (inbox)',
      shape,
      fault: async (run) => {
        const producers: Array<'connections' | 'recommendations'> = short
          ? ['connections']
          : ['connections', 'recommendations'];
        const recoveriesMs: number[] = [];
        let trapped = 0;
        for (const name of producers) {
          const trap = await RelayTrap.open(run.platform.databaseUrl(name));
          try {
            log(`kill -9 ${name}, keeping its relay from leading after the restart`);
            await sigkill(run.platform.service(name));
            await trap.takeLeadership();
            const restartedAt = Date.now();
            await run.platform.restart(name);
            await firstSuccessAfter(run.load, restartedAt, name);
            // A few seconds of writes to publish in one batch.
            await sleep(2_000);
            trapped += await trap.lockUnpublishedAndLetGo();
            const marking = await trap.waitUntilMarkingWaits();
            log(`kill -9 ${name} between publishing and marking`);
            const killedAt = Date.now();
            await sigkill(run.platform.service(name));
            await trap.abandonMarking(marking);
            await run.platform.restart(name);
            recoveriesMs.push(await recoveryOf(run, name, killedAt));
            await sleep(1_000);
          } finally {
            await trap.close();
          }
        }
        const republished = (
          await Promise.all(producers.map((name) => republishedEvents(run, PRODUCER_TOPICS[name])))
        ).reduce((sum, count) => sum + count, 0);
        return {
          kills: producers.length * 2,
          recoveriesMs,
          notes: [
            `${republished} events seen twice on the topics: published, then the relay was killed before ` +
              `marking them (${trapped} of them held there by the trap); each was applied once`,
          ],
          failures: republished === 0 ? ['no relay was caught between publishing and marking'] : [],
        };
      },
    },
    log,
  );

const PRODUCER_TOPICS = { connections: Topics.connections, recommendations: Topics.recommendations };

/** Messages on a topic whose event id appeared before: the relay's republishing after a kill. */
async function republishedEvents(run: UnderLoad, topic: string): Promise<number> {
  const name = `${run.topicPrefix}${topic}`;
  const { kafkaBrokers: brokers } = testInfrastructure();
  const admin = testKafka(brokers).admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(name).finally(() => admin.disconnect());
  const total = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  const messages = await readTopic(brokers, name, total);
  const ids = new Set(messages.map((message) => String(message.headers?.ce_id ?? '')));
  return messages.length - ids.size;
}

/**
 * 3. The sender killed between SMTP acceptance and the ledger update: a proxy holds back the
 * server's "250" for the end of a message's data, and notifications is killed once the sink has the
 * message. One sending lane, so exactly one message is in that window at each kill.
 */
export const killSenderAfterAcceptance: Scenario = ({ shape = FULL_LOAD, short = false, log }) => {
  let proxy: AcceptanceDelay | undefined;
  return runScenario(
    {
      id: 'kill-sender-after-acceptance',
      title: 'the notifications sender killed between SMTP acceptance and the ledger update',
      expectation: 'lost 0; duplicates ≤ kills, each flagged (the same Message-ID accepted twice)',
      shape,
      environment: { notifications: { SENDER_CONCURRENCY: '1' } },
      smtpUrl: async (sink) => {
        proxy = await AcceptanceDelay.start(sink.url, 2_000);
        return proxy.url;
      },
      allowedDuplicates: (outcome) => outcome.kills,
      fault: async (run) => {
        if (!proxy) throw new Error('the acceptance delay was not started');
        const kills = short ? 1 : 3;
        const recoveriesMs: number[] = [];
        for (let kill = 0; kill < kills; kill += 1) {
          const armedAt = Date.now();
          proxy.arm();
          await waitFor(
            'a message accepted while its acceptance is held back',
            async () => run.sink.received.some((message) => message.receivedAt >= armedAt),
            Boolean,
            { timeoutMs: 60_000, intervalMs: 10 },
          );
          log('kill -9 notifications between SMTP acceptance and the ledger update');
          const killedAt = Date.now();
          await sigkill(run.platform.service('notifications'));
          proxy.disarm();
          await run.platform.restart('notifications');
          recoveriesMs.push(await firstEmailAfter(run.sink, killedAt));
          await sleep(2_000);
        }
        return { kills, recoveriesMs, notes: [], failures: [] };
      },
    },
    log,
  ).finally(() => proxy?.close());
};

/** 4. The Kafka broker (a dedicated one: never the shared broker) killed -9 and restarted under load. */
export const restartBroker: Scenario = async ({ shape = FULL_LOAD, log }) => {
  const broker = await DedicatedKafkaBroker.start();
  const brokers = broker.brokers.join(',');
  try {
    return await runScenario(
      {
        id: 'restart-broker',
        title: 'the Kafka broker killed and restarted',
        expectation:
          'writes keep answering 2xx (outbox); lost 0, duplicated 0; recovery = first email after the restart',
        shape,
        environment: Object.fromEntries(SERVICES.map((name) => [name, { KAFKA_BROKERS: brokers }])),
        fault: async (run) => withoutBroker(run, broker, log),
      },
      log,
    );
  } finally {
    await broker.destroy();
  }
};

async function withoutBroker(run: UnderLoad, broker: DedicatedKafkaBroker, log: Log): Promise<FaultOutcome> {
  log('kill -9 the dedicated Kafka broker');
  const before = { ...run.load.answers };
  const downAt = Date.now();
  await sigkillListener(broker.port);
  // Clears what infra.mjs knew of the process, so that up() starts it again on the same data.
  await broker.down();
  await sleep(10_000);
  const during = difference(run.load.answers, before);
  const committedWhileDown = run.load.acknowledged.filter((write) => write.at >= downAt).length;
  log(`starting the broker again (writes while it was down: ${JSON.stringify(during)})`);
  await broker.up();
  const upAt = Date.now();
  const recoveryMs = await firstEmailAfter(run.sink, upAt);
  return {
    kills: 1,
    recoveriesMs: [recoveryMs],
    notes: [
      `while the broker was down: ${during.succeeded} writes answered 2xx, ${during.refused + during.unclean} 5xx, ` +
        `${during.rejected} 4xx (a step another service had not heard of yet)`,
    ],
    failures: [
      ...(committedWhileDown === 0 ? ['no write succeeded while the broker was down'] : []),
      ...(during.refused + during.unclean > 0 ? ['writes failed with 5xx while the broker was down'] : []),
    ],
  };
}

/** 5. PostgreSQL (a dedicated server: never the shared one) restarted under load. */
export const restartPostgres: Scenario = async ({ shape = FULL_LOAD, log }) => {
  const postgres = await DedicatedPostgres.start();
  // The platform's databases are created on the server DATABASE_URL names (libs/testing).
  const sharedServer = process.env.DATABASE_URL;
  process.env.DATABASE_URL = postgres.url;
  try {
    return await runScenario(
      {
        id: 'restart-postgres',
        title: 'PostgreSQL restarted',
        expectation: 'requests fail cleanly (5xx problem+json, never a 2xx for lost work), then recover',
        shape,
        fault: async (run) => withoutPostgres(run, postgres, log),
        // A send whose ledger update the restart cut off is sent again: SMTP has no idempotency.
        allowedDuplicates: () => Number.POSITIVE_INFINITY,
      },
      log,
    );
  } finally {
    process.env.DATABASE_URL = sharedServer;
    await postgres.destroy();
  }
};

async function withoutPostgres(run: UnderLoad, postgres: DedicatedPostgres, log: Log): Promise<FaultOutcome> {
  log('stopping the dedicated PostgreSQL');
  const before = { ...run.load.answers };
  await postgres.down();
  await sleep(8_000);
  const during = difference(run.load.answers, before);
  log(`starting PostgreSQL again (answers while it was down: ${JSON.stringify(during)})`);
  await postgres.up();
  const upAt = Date.now();
  const recoveryMs = await firstSuccessAfter(run.load, upAt);
  const unready = await servicesNotReady(run);
  return {
    kills: 1,
    recoveriesMs: [recoveryMs],
    notes: [
      `while PostgreSQL was down: ${during.refused} writes refused with 5xx problem+json, ` +
        `${during.unclean} other 5xx, ${during.unreachable} unanswered, ${during.succeeded} 2xx`,
      `first email after the restart: ${await firstEmailAfter(run.sink, upAt)} ms`,
    ],
    failures: [
      ...(during.refused === 0 ? ['no request was refused while PostgreSQL was down'] : []),
      ...unready.map((name) => `${name} is not ready again after the restart`),
    ],
  };
}

async function servicesNotReady(run: UnderLoad): Promise<ServiceName[]> {
  const ready = await Promise.all(
    SERVICES.map((name) =>
      waitFor(
        `${name} to be ready`,
        () =>
          fetch(`${run.platform.service(name).baseUrl}/health/ready`).then(
            (response) => response.status,
            () => 0,
          ),
        (status) => status === 200,
        { timeoutMs: 60_000, intervalMs: 500 },
      ).then(
        () => true,
        () => false,
      ),
    ),
  );
  return SERVICES.filter((_, index) => !ready[index]);
}

function difference<T extends Record<string, number>>(after: T, before: T): T {
  return Object.fromEntries(
    Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]),
  ) as T;
}

/** Every scenario, by the id it reports under, in the order the full run takes them. */
export const SCENARIOS: Record<string, Scenario> = {
  'kill-each-service': killEachService,
  'kill-relay-mid-stream': killRelayMidStream,
  'kill-sender-after-acceptance': killSenderAfterAcceptance,
  'restart-broker': restartBroker,
  'restart-postgres': restartPostgres,
};
