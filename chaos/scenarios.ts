import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { toKafkaRecord, topicDefinition, Topics, type CloudEvent, type TopicName } from '@vouch/contracts';
import { DeadLetterStore, ParkedEventStore, type StoredDeadLetter } from '@vouch/messaging';
import { defaultDatabaseTimeouts, sessionTimeouts, type DatabaseTimeouts } from '@vouch/persistence';
import { ConfigResourceTypes } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  DedicatedKafkaBroker,
  readTopic,
  testInfrastructure,
  testKafka,
  waitFor,
  withClient,
  SERVICE_NAMES,
  type ServiceName,
} from '@vouch/testing';
import { DedicatedPostgres } from './support/dedicated-postgres';
import { RelayTrap } from './support/relay-trap';
import { SmtpProxy } from './support/smtp-proxy';
import {
  FULL_LOAD,
  firstEmailAfter,
  firstSuccessAfter,
  runScenario,
  type FaultOutcome,
  type LoadShape,
  type ScenarioResult,
  type UnderLoad,
} from './support/harness';
import type { Reconciliation } from '@vouch/testing';
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
      expectation:
        'lost 0, duplicated 0 (the kill of notifications, if it lands inside an SMTP hand-over, could ' +
        'add one flagged duplicate per sending lane, as in kill-sender-after-acceptance)',
      shape,
      environment: { notifications: { SENDER_CONCURRENCY: String(SENDER_LANES) } },
      allowedDuplicates: () => SENDER_LANES,
      fault: async (run) => {
        const victims: readonly ServiceName[] = short ? ['connections', 'notifications'] : SERVICE_NAMES;
        const recoveriesMs: number[] = [];
        let senderKilledAt: number | undefined;
        for (const name of victims) {
          log(`kill -9 ${name}`);
          const killedAt = Date.now();
          if (name === 'notifications') senderKilledAt = killedAt;
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
          senderKilledAt,
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
  const name = `${run.platform.topicPrefix}${topic}`;
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
  let proxy: SmtpProxy | undefined;
  return runScenario(
    {
      id: 'kill-sender-after-acceptance',
      title: 'the notifications sender killed between SMTP acceptance and the ledger update',
      expectation: 'lost 0; duplicates ≤ kills, each flagged (the same Message-ID accepted twice)',
      shape,
      environment: { notifications: { SENDER_CONCURRENCY: '1' } },
      smtpUrl: async (sink) => {
        proxy = await SmtpProxy.start(sink.url, { holdMs: 2_000 });
        return proxy.url;
      },
      allowedDuplicates: (outcome) => outcome.kills,
      fault: async (run) => {
        if (!proxy) throw new Error('the SMTP proxy was not started');
        const kills = short ? 1 : 3;
        const recoveriesMs: number[] = [];
        let senderKilledAt = 0;
        for (let kill = 0; kill < kills; kill += 1) {
          const armedAt = Date.now();
          proxy.holdAcceptances();
          await waitFor(
            'a message accepted while its acceptance is held back',
            async () => run.sink.received.some((message) => message.receivedAt >= armedAt),
            Boolean,
            { timeoutMs: 60_000, intervalMs: 10 },
          );
          log('kill -9 notifications between SMTP acceptance and the ledger update');
          const killedAt = Date.now();
          senderKilledAt = killedAt;
          await sigkill(run.platform.service('notifications'));
          proxy.releaseAcceptances();
          await run.platform.restart('notifications');
          recoveriesMs.push(await firstEmailAfter(run.sink, killedAt));
          await sleep(2_000);
        }
        return { kills, recoveriesMs, notes: [], failures: [], senderKilledAt };
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
        environment: Object.fromEntries(SERVICE_NAMES.map((name) => [name, { KAFKA_BROKERS: brokers }])),
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
    SERVICE_NAMES.map((name) =>
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
  return SERVICE_NAMES.filter((_, index) => !ready[index]);
}

function difference<T extends Record<string, number>>(after: T, before: T): T {
  return Object.fromEntries(
    Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]),
  ) as T;
}

/**
 * 6. SMTP trouble: the server unreachable for a minute (connections cut, then refused), then back
 * but answering 421 to every fifth message; one recipient refused with 550 throughout. Retries are
 * at test pace (1 s doubling to 5 s) and SENDER_MAX_ATTEMPTS is raised so that they outlast the
 * outage, as the production default (8 attempts from 30 s doubling, about an hour) does.
 */
export const smtpFaults: Scenario = ({ shape = FULL_LOAD, short = false, log }) => {
  let proxy: SmtpProxy | undefined;
  const outageMs = short ? 15_000 : 60_000;
  return runScenario(
    {
      id: 'smtp-faults',
      title: 'SMTP down for a minute, then answering 421 to a fifth of messages; 550 for one recipient',
      expectation:
        "every email delivered except the refused recipient's, each of which fails on its one 550 and is " +
        'not retried; lost 0, duplicated 0',
      shape,
      environment: { notifications: { SENDER_MAX_ATTEMPTS: '40' } },
      smtpUrl: async (sink) => {
        proxy = await SmtpProxy.start(sink.url);
        return proxy.url;
      },
      fault: async (run) => {
        if (!proxy) throw new Error('the SMTP proxy was not started');
        const refused = run.load.colleague(0).email;
        run.sink.faults.refusedRecipients.add(refused);
        log(`550 for ${refused} from now on; SMTP down for ${outageMs / 1000} s`);
        await proxy.goDown();
        await sleep(outageMs);
        await proxy.comeUp();
        const upAt = Date.now();
        run.sink.faults.temporaryRefusalEvery = 5;
        log('SMTP back, answering 421 to every fifth message');
        const recoveryMs = await firstEmailAfter(run.sink, upAt);
        // Load on a server that refuses a fifth of what it is sent, then the drain under the same.
        await sleep(short ? 5_000 : 20_000);
        return {
          kills: 0,
          recoveriesMs: [recoveryMs],
          notes: [
            `SMTP unreachable for ${outageMs / 1000} s; first email ${recoveryMs} ms after it came back`,
          ],
          failures: [],
        };
      },
      verify: (reconciliation, run) => {
        const refusals = run.sink.refusals;
        const temporary = refusals.filter((refusal) => refusal.code === 421).length;
        const permanent = refusals.filter((refusal) => refusal.code === 550).length;
        const notFailed = reconciliation.refused.filter((refusal) => refusal.status !== 'failed');
        return {
          notes: [
            `the server answered 421 ${temporary} times (each retried and delivered), 550 ${permanent} times`,
            `${reconciliation.refused.length} emails due to the refused recipient: ` +
              `${reconciliation.refused.length - notFailed.length} failed, tried ` +
              `${reconciliation.refused.map((refusal) => refusal.attempts).join(', ')} times in all ` +
              "(the attempts before the 550 are the outage's)",
          ],
          failures: [
            ...(temporary === 0 ? ['the server never answered 421'] : []),
            ...(reconciliation.refused.length === 0 ? ['no email was due to the refused recipient'] : []),
            ...(notFailed.length > 0 ? [`${notFailed.length} refused emails did not end failed`] : []),
            // One 550 per refused email: a permanent refusal is never tried again.
            ...(permanent !== reconciliation.refused.length
              ? [`${permanent} refusals (550) for ${reconciliation.refused.length} refused emails: retried`]
              : []),
          ],
        };
      },
    },
    log,
  ).finally(() => proxy?.close());
};

/**
 * 7. notifications scaled out to two, then three instances in one consumer group (the topics have
 * six partitions so that each instance gets some), then one killed -9 and not replaced.
 */
export const scaleOutNotifications: Scenario = ({ shape = FULL_LOAD, short = false, log }) =>
  runScenario(
    {
      id: 'scale-out-notifications',
      title: 'two, then three notifications instances in one consumer group, one killed -9',
      expectation:
        'lost 0, duplicated 0, order per aggregate kept (a kill inside an SMTP hand-over could add one ' +
        'flagged duplicate per sending lane, as in kill-sender-after-acceptance)',
      shape,
      environment: {
        ...Object.fromEntries(SERVICE_NAMES.map((name) => [name, { KAFKA_TOPIC_PARTITIONS: '6' }])),
        notifications: { KAFKA_TOPIC_PARTITIONS: '6', SENDER_CONCURRENCY: String(SENDER_LANES) },
      },
      allowedDuplicates: (outcome) => outcome.kills * SENDER_LANES,
      fault: async (run) => {
        const pause = short ? 3_000 : 8_000;
        log('a second notifications instance');
        await run.platform.scaleOut('notifications');
        await sleep(pause);
        log('a third notifications instance');
        const third = await run.platform.scaleOut('notifications');
        await sleep(pause);
        log('kill -9 one of the three');
        const killedAt = Date.now();
        await sigkill(third);
        // The dead member's partitions wait until the group notices it is gone: what was committed
        // to them just after the kill is the slowest to arrive.
        await sleep(5_000);
        const recoveryMs = await slowestEmailFor(run, killedAt, Date.now());
        return {
          kills: 1,
          recoveriesMs: [recoveryMs],
          senderKilledAt: killedAt,
          notes: [
            `1 → 2 → 3 instances, ${pause / 1000} s apart, then one killed; the slowest email for the ` +
              `events committed in the 5 s after the kill arrived ${(recoveryMs / 1000).toFixed(1)} s after its event`,
          ],
          failures: [],
        };
      },
    },
    log,
  );

/** Waits for the emails due for events committed between `from` and `to`: the slowest's delay in ms. */
async function slowestEmailFor(run: UnderLoad, from: number, to: number): Promise<number> {
  const within = (committedAt: number) => committedAt >= from && committedAt <= to;
  const state = await waitFor(
    'the emails due for what was committed after the kill',
    run.reconcile,
    (candidate) => candidate.lost.every((loss) => !within(loss.event.committedAt)),
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const arrivals = new Map<string, number>();
  for (const message of run.sink.received)
    if (message.eventId && !arrivals.has(message.eventId)) arrivals.set(message.eventId, message.receivedAt);
  const delays = state.dueEvents
    .filter((event) => within(event.committedAt))
    .map((event) => (arrivals.get(event.eventId) ?? Number.NaN) - event.committedAt);
  return Math.max(0, ...delays);
}

/** notifications' sending lanes per instance (SENDER_CONCURRENCY): at most one message in flight each. */
const SENDER_LANES = 4;

/** The topics consumed by another service, each with the type of event its consumers handle most. */
const POISONED_TOPICS = [
  { topic: Topics.employees, type: 'EmployeeRegistered' },
  { topic: Topics.connections, type: 'ConnectionRequested' },
  { topic: Topics.recommendations, type: 'RecommendationGiven' },
] as const;

/**
 * 8. Poison messages: on every partition of each consumed topic, a message that is no CloudEvent
 * (every consumer group must park it), and on each topic one CloudEvent of a handled type whose
 * data breaks its schema (the groups that handle the type park it; the others skip it). Each must
 * land in its groups' dead-letter topics while the partitions go on flowing under the load.
 */
export const poisonMessages: Scenario = ({ shape = FULL_LOAD, log }) => {
  let poisonedAt = 0;
  const poison = new Map<string, { garbage: string[]; invalid: string }>();
  return runScenario(
    {
      id: 'poison-messages',
      title: 'a poison message in each topic',
      expectation:
        'dead-lettered by every consumer group concerned, nothing else dead-lettered, the partitions keep flowing: lost 0, duplicated 0',
      shape,
      fault: async (run) => {
        const { kafkaBrokers: brokers } = testInfrastructure();
        const kafka = testKafka(brokers);
        const admin = kafka.admin();
        const producer = kafka.producer();
        await Promise.all([admin.connect(), producer.connect()]);
        try {
          for (const { topic, type } of POISONED_TOPICS) {
            const name = `${run.platform.topicPrefix}${topic}`;
            const [metadata] = (await admin.fetchTopicMetadata({ topics: [name] })).topics;
            const garbage = metadata.partitions.map(() => `poison-${randomUUID()}`);
            const invalid = randomUUID();
            poison.set(topic, { garbage, invalid });
            await producer.send({
              topic: name,
              acks: -1,
              messages: [
                ...metadata.partitions.map(({ partitionId }, index) => ({
                  partition: partitionId,
                  key: garbage[index],
                  value: '{"this is": not a CloudEvent',
                })),
                { ...toKafkaRecord(schemaBreaking(type, invalid)) },
              ],
            });
          }
        } finally {
          await Promise.all([producer.disconnect(), admin.disconnect()]);
        }
        poisonedAt = Date.now();
        log(`poison published to ${POISONED_TOPICS.length} topics`);
        const parked = await waitFor(
          'every poison message dead-lettered',
          () => deadLettersOf(run.platform.topicPrefix),
          (letters) => missingPoison(letters, poison).length === 0,
          { timeoutMs: 60_000, intervalMs: 1_000 },
        ).catch(() => deadLettersOf(run.platform.topicPrefix));
        const missing = missingPoison(parked, poison);
        const known = new Set([...poison.values()].flatMap(({ garbage, invalid }) => [...garbage, invalid]));
        const unexpected = [...parked.values()].flat().filter((letter) => !known.has(letter.key ?? ''));
        return {
          kills: 0,
          recoveriesMs: [],
          notes: [...parked].map(
            ([topic, letters]) =>
              `${topic.slice(run.platform.topicPrefix.length)}: ${letters.length} parked (` +
              `${[...new Set(letters.map((letter) => letter.reason))].join(', ')})`,
          ),
          failures: [
            ...missing.map((what) => `not dead-lettered: ${what}`),
            ...(unexpected.length > 0
              ? [`${unexpected.length} messages dead-lettered that were no poison`]
              : []),
          ],
        };
      },
      verify: (reconciliation) => {
        const dueAfter = countDueAfter(reconciliation, poisonedAt);
        return {
          notes: [
            `${dueAfter.due} emails due for events committed after the poison, ${dueAfter.received} received`,
          ],
          failures:
            dueAfter.due === 0 ? ['no event was committed after the poison: nothing showed the flow'] : [],
        };
      },
    },
    log,
  );
};

/** A CloudEvent of `type` whose data matches no schema of it. */
function schemaBreaking(type: string, id: string): CloudEvent {
  return {
    id,
    source: '/vouch/chaos',
    type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: id,
    datacontenttype: 'application/json',
    schemaversion: 1,
    correlationid: id,
    data: { poison: true },
  };
}

/** The dead letters under a topic prefix, by dead-letter topic. */
async function deadLettersOf(topicPrefix: string): Promise<Map<string, StoredDeadLetter[]>> {
  const store = new DeadLetterStore(testKafka(testInfrastructure().kafkaBrokers));
  const topics = await store.list({ topicPrefix });
  return new Map(
    await Promise.all(
      topics.map(
        async ({ topic, messages }) =>
          [topic, messages > 0 ? await store.show(topic, { limit: 1_000 }) : []] as const,
      ),
    ),
  );
}

/**
 * What is not where it belongs: each garbage message in every dead-letter topic of its topic (one
 * per consumer group), the schema-breaking one in at least one of them.
 */
function missingPoison(
  letters: ReadonlyMap<string, StoredDeadLetter[]>,
  poison: ReadonlyMap<string, { garbage: string[]; invalid: string }>,
): string[] {
  return [...poison].flatMap(([topic, { garbage, invalid }]) => {
    const queues = [...letters].filter(([name]) => name.includes(`${topic}.dlq.`));
    if (queues.length === 0) return [`${topic} has no dead-letter topic: no consumer group?`];
    const keysIn = (parked: StoredDeadLetter[]) => new Set(parked.map((letter) => letter.key));
    return [
      ...queues.flatMap(([name, parked]) =>
        garbage.filter((key) => !keysIn(parked).has(key)).map((key) => `${key} in ${name}`),
      ),
      ...(queues.some(([, parked]) => keysIn(parked).has(invalid))
        ? []
        : [`the schema-breaking ${topic} event`]),
    ];
  });
}

function countDueAfter(reconciliation: Reconciliation, since: number): { due: number; received: number } {
  const due = reconciliation.dueEvents.filter((event) => event.committedAt >= since).length;
  const lost = reconciliation.lost.filter((loss) => loss.event.committedAt >= since).length;
  return { due, received: due - lost };
}

/**
 * F14. A transaction left idle on the outbox under load: it locks the unpublished events
 * (`SELECT … FOR UPDATE`) the relay is about to mark published, and sits. A stuck connection with
 * the services' own limits (`idle_in_transaction_session_timeout`, 30 s) is ended by the server; an
 * operator's superuser psql has no limit, and only the relay's lock_timeout (10 s) frees the relay,
 * which then gives up its marking and its leadership and publishes again.
 */
export const idleTransactionOnOutbox: Scenario = ({ shape = FULL_LOAD, short = false, log }) => {
  const operatorIdleMs = short ? 30_000 : 10 * 60_000;
  let idleFrom = 0;
  let idleTo = 0;
  return runScenario(
    {
      id: 'idle-transaction-on-outbox',
      title: 'a transaction left idle holding outbox rows the relay must mark (FOR UPDATE)',
      expectation:
        'lost 0, duplicated 0; events keep flowing while the rows stay locked (the longest stall of emails ' +
        'reported); a stuck service session is ended by its idle limit; the relay publishes everything once the ' +
        "operator's session ends",
      shape,
      fault: async (run) => {
        const failures: string[] = [];
        idleFrom = Date.now();
        // A service connection that got stuck: the service's own limits.
        log("a stuck session with the services' limits locks unpublished connections events");
        const stuck = await IdleLocker.open(run, 'connections', defaultDatabaseTimeouts);
        // An operator's forgotten psql: no limits at all.
        log(`an operator's session locks unpublished recommendations events for ${operatorIdleMs / 1000} s`);
        const operators = [await IdleLocker.open(run, 'recommendations')];
        try {
          const stuckEnded = await waitFor(
            'the stuck session to be ended by its idle limit',
            async () => stuck.ended,
            Boolean,
            {
              timeoutMs: 45_000,
              intervalMs: 200,
            },
          ).then(
            () => Date.now(),
            () => undefined,
          );
          if (stuckEnded === undefined)
            failures.push("the idle session with the services' limits was not ended");
          else
            log(
              `the stuck session was ended ${((stuckEnded - stuck.lockedAt) / 1000).toFixed(1)} s after it locked (${stuck.endedBy})`,
            );
          if (!short) {
            log("an operator's session locks unpublished connections events too");
            operators.push(await IdleLocker.open(run, 'connections'));
          }
          await sleep(Math.max(0, operators[0].lockedAt + operatorIdleMs - Date.now()));
          const stillLocked = await Promise.all(operators.map((operator) => operator.stillLocks()));
          if (stillLocked.some((locks) => !locks))
            failures.push("an operator's session lost its locks before it ended");
          idleTo = Date.now();
          log('the operator rolls back');
          await Promise.all(operators.map((operator) => operator.close()));
          const releasedAt = Date.now();
          const drained = await waitFor(
            'the outboxes to be published once the locks are gone',
            () => unpublishedEvents(run),
            (count) => count === 0,
            { timeoutMs: 60_000, intervalMs: 100 },
          ).then(
            () => Date.now() - releasedAt,
            () => undefined,
          );
          if (drained === undefined)
            failures.push('the outboxes kept unpublished events after the locks were gone');
          const stall = longestStall(run, idleFrom, idleTo);
          if (stall.longestMs > MAX_EMAIL_STALL_MS)
            failures.push(
              `no email for ${(stall.longestMs / 1000).toFixed(0)} s while the rows were locked (at most ` +
                `${MAX_EMAIL_STALL_MS / 1000} s expected): the events did not keep flowing`,
            );
          return {
            kills: 0,
            recoveriesMs: drained === undefined ? [] : [drained],
            notes: [
              `the stuck session (services' limits) locked ${stuck.locked} connections events and was ended ` +
                (stuckEnded === undefined
                  ? 'never'
                  : `${((stuckEnded - stuck.lockedAt) / 1000).toFixed(1)} s later (${stuck.endedBy})`),
              `the operator's sessions (no limits) locked ${operators.map((operator) => `${operator.locked} ${operator.service} events`).join(' and ')} ` +
                `for ${(operatorIdleMs / 1000).toFixed(0)} s; every outbox published ${drained ?? '?'} ms after the rollback`,
              `while locked (${((idleTo - idleFrom) / 1000).toFixed(0)} s): ${stall.emails} emails, the longest stall ` +
                `between two emails ${(stall.longestMs / 1000).toFixed(1)} s`,
            ],
            failures,
          };
        } finally {
          await Promise.all([stuck, ...operators].map((locker) => locker.close()));
        }
      },
      verify: async (reconciliation, run) => {
        const republished = (
          await Promise.all(
            (['connections', 'recommendations'] as const).map((name) =>
              republishedEvents(run, PRODUCER_TOPICS[name]),
            ),
          )
        ).reduce((sum, count) => sum + count, 0);
        const lockedDue =
          countDueAfter(reconciliation, idleFrom).due - countDueAfter(reconciliation, idleTo).due;
        return {
          notes: [
            `${lockedDue} emails due for events committed while the rows were locked; ${republished} messages ` +
              'published again after a marking gave up (applied once)',
          ],
          failures: lockedDue === 0 ? ['no event was committed while the rows were locked'] : [],
        };
      },
    },
    log,
  );
};

/**
 * The longest time without an email that still counts as flowing while outbox rows are locked: a
 * marking that gives up at lock_timeout (10 s), the relay's backoff after it (up to 10 s) and a new
 * leadership, with the load's steady stream of emails on either side.
 */
const MAX_EMAIL_STALL_MS = 30_000;

/** A session that locks a service's unpublished outbox events in a transaction and sits idle. */
class IdleLocker {
  private closed = false;

  private constructor(
    private readonly client: Client,
    /** Why the server ended the session, once it did. */
    private readonly end: { by?: string },
    readonly service: string,
    readonly locked: number,
    readonly lockedAt: number,
  ) {}

  /** With `limits`, the session has a service's limits (startup parameters); without, none (superuser psql). */
  static async open(
    run: UnderLoad,
    service: 'connections' | 'recommendations',
    limits?: DatabaseTimeouts,
  ): Promise<IdleLocker> {
    const client = new Client({
      connectionString: run.platform.databaseUrl(service),
      application_name: 'chaos-idle-transaction',
      ...(limits ? sessionTimeouts(limits) : {}),
    });
    const end: { by?: string } = {};
    client.on('error', (error) => {
      end.by ??= error.message;
    });
    await client.connect();
    // The relay publishes an event within milliseconds of its commit: catch one before it does.
    const locked = await waitFor(
      'an unpublished outbox event to lock',
      async () => {
        await client.query('BEGIN');
        const { rowCount } = await client.query(
          'SELECT position FROM outbox WHERE published_at IS NULL AND parked_at IS NULL FOR UPDATE',
        );
        if (!rowCount) await client.query('ROLLBACK');
        return rowCount ?? 0;
      },
      (count) => count > 0,
      { timeoutMs: 120_000, intervalMs: 1 },
    );
    return new IdleLocker(client, end, service, locked, Date.now());
  }

  get ended(): boolean {
    return this.end.by !== undefined;
  }

  get endedBy(): string {
    return this.end.by ?? '';
  }

  /** Whether the session still holds row locks on the outbox (asked in the session itself). */
  async stillLocks(): Promise<boolean> {
    if (this.ended) return false;
    const { rows } = await this.client.query<{ locks: string }>(
      `SELECT count(*) AS locks FROM pg_locks WHERE pid = pg_backend_pid() AND relation = 'outbox'::regclass`,
    );
    return Number(rows[0]?.locks ?? 0) > 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.ended) await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

/** Unpublished events (parked ones aside) in the connections and recommendations outboxes. */
async function unpublishedEvents(run: UnderLoad): Promise<number> {
  const counts = await Promise.all(
    (['connections', 'recommendations'] as const).map(async (name) => {
      const client = new Client({ connectionString: run.platform.databaseUrl(name) });
      await client.connect();
      try {
        const { rows } = await client.query<{ count: string }>(
          'SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL',
        );
        return Number(rows[0]?.count ?? 0);
      } finally {
        await client.end();
      }
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Emails accepted between `from` and `to`, and the longest time without one in between. */
function longestStall(run: UnderLoad, from: number, to: number): { emails: number; longestMs: number } {
  const arrivals = run.sink.received
    .map((message) => message.receivedAt)
    .filter((at) => at >= from && at <= to)
    .sort((a, b) => a - b);
  const points = [from, ...arrivals, to];
  const gaps = points.slice(1).map((at, index) => at - points[index]);
  return { emails: arrivals.length, longestMs: Math.max(0, ...gaps) };
}

/** The routes that take `Idempotency-Key`, each sent the same key ×5 at once by idempotentRetries. */
const IDEMPOTENT_ROUTES = ['connection-requests', 'recommendation-requests', 'recommendations'] as const;
type IdempotentRoute = (typeof IDEMPOTENT_ROUTES)[number];

/** What a route creates: its service, the table of its rows and the event written with each. */
const IDEMPOTENT_CREATES: Record<
  IdempotentRoute,
  { service: 'connections' | 'recommendations'; table: string; eventType: string }
> = {
  'connection-requests': { service: 'connections', table: 'connection', eventType: 'ConnectionRequested' },
  'recommendation-requests': {
    service: 'recommendations',
    table: 'recommendation_request',
    eventType: 'RecommendationRequested',
  },
  recommendations: { service: 'recommendations', table: 'recommendation', eventType: 'RecommendationGiven' },
};

/**
 * F16. Retries with an `Idempotency-Key` under load: on each of the three routes that take
 * one, the same request with the same key sent five times at once (a client retrying on a timeout,
 * twice over); those answered 409 `Request in progress` try again until they are answered. Each
 * key must create one row, one event and one email, and every answer name that row. (A retry after
 * a `kill -9` of the service mid-request is not part of it: where the kill lands, before or after
 * the commit, is luck, so it would not say which case it tested.)
 */
export const idempotentRetries: Scenario = ({ shape = FULL_LOAD, log }) => {
  const created = new Map<IdempotentRoute, string>();
  return runScenario(
    {
      id: 'idempotent-retries',
      title: 'the same Idempotency-Key ×5 at once on each route that takes one',
      expectation:
        'one row, one event and one email per key; every answer names that row (replayed); lost 0, duplicated 0',
      shape,
      fault: async (run) => {
        const { platform } = run;
        const [asker, asked] = await Promise.all([
          platform.register('Idempotent Asker'),
          platform.register('Idempotent Asked'),
        ]);
        await knownTo(run, 'connections', [asker.id, asked.id]);
        const answers = new Map<IdempotentRoute, SameKeyAnswers>();
        log('POST /v1/connection-requests with one Idempotency-Key ×5 at once');
        answers.set(
          'connection-requests',
          await sameKeyFiveTimes(run, 'connections', '/v1/connection-requests', asker, {
            toEmployeeId: asked.id,
          }),
        );
        const connectionId = answers.get('connection-requests')?.id;
        if (connectionId)
          await platform.expectCall(
            200,
            'connections',
            'POST',
            `/v1/connection-requests/${connectionId}/accept`,
            {
              token: asked.token,
            },
          );
        await connectedIn(run, asker.id, asked.id);
        // A 4xx is kept for its key too: the first try must find both people known.
        await knownTo(run, 'recommendations', [asker.id, asked.id]);
        log(
          'POST /v1/recommendation-requests and /v1/recommendations with one Idempotency-Key ×5 at once each',
        );
        answers.set(
          'recommendation-requests',
          await sameKeyFiveTimes(run, 'recommendations', '/v1/recommendation-requests', asker, {
            recipientId: asked.id,
            relationship: 'coworker',
            message: 'Would you write a few words about our project?',
          }),
        );
        answers.set(
          'recommendations',
          await sameKeyFiveTimes(run, 'recommendations', '/v1/recommendations', asked, {
            subjectId: asker.id,
            relationship: 'coworker',
            text: 'Asked the right questions early, and the project was better for every one of them.',
          }),
        );
        const failures: string[] = [];
        for (const [route, answer] of answers) {
          if (answer.id) created.set(route, answer.id);
          if (!answer.id || answer.ids.size !== 1 || answer.statuses.some((status) => status !== 201))
            failures.push(
              `${route}: the five answers were ${answer.statuses.join(', ')} naming ${[...answer.ids].join(', ') || 'nothing'}`,
            );
        }
        return {
          kills: 0,
          recoveriesMs: [],
          notes: [...answers].map(
            ([route, answer]) =>
              `POST /v1/${route} ×5 with one key: ${answer.statuses.join(', ')} (${answer.replayed} replayed, ` +
              `${answer.inProgress} answered 409 in progress first and tried again)`,
          ),
          failures,
        };
      },
      verify: async (_reconciliation, run) => {
        const notes: string[] = [];
        const failures: string[] = [];
        for (const route of IDEMPOTENT_ROUTES) {
          const id = created.get(route);
          if (!id) continue;
          const counted = await createdFor(run, route, id);
          notes.push(`${route} ${id}: ${counted.rows} row, ${counted.events} event, ${counted.emails} email`);
          if (counted.rows !== 1 || counted.events !== 1 || counted.emails !== 1)
            failures.push(
              `${route}: ${counted.rows} rows, ${counted.events} events, ${counted.emails} emails for one key`,
            );
        }
        return { notes, failures };
      },
    },
    log,
  );
};

interface SameKeyAnswers {
  statuses: number[];
  /** The ids the final answers named. */
  ids: Set<string>;
  id?: string;
  replayed: number;
  inProgress: number;
}

/**
 * The same request with one new key five times at once; each answered 409 `Request in progress`
 * tries again a moment later, as a client would, until it gets another answer.
 */
async function sameKeyFiveTimes(
  run: UnderLoad,
  service: 'connections' | 'recommendations',
  path: string,
  as: { token: string },
  body: Record<string, unknown>,
): Promise<SameKeyAnswers> {
  const key = randomUUID();
  let inProgress = 0;
  const once = async (): Promise<{ status: number; id?: string; replayed: boolean }> => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(`${run.platform.baseUrl(service)}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${as.token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: string; title?: string };
      if (response.status !== 409 || answer.title !== 'Request in progress' || attempt >= 50)
        return {
          status: response.status,
          id: answer.id,
          replayed: response.headers.get('idempotent-replayed') === 'true',
        };
      inProgress += 1;
      await sleep(100);
    }
  };
  const answers = await Promise.all(Array.from({ length: 5 }, once));
  const ids = new Set(answers.flatMap((answer) => (answer.id ? [answer.id] : [])));
  return {
    statuses: answers.map((answer) => answer.status),
    ids,
    id: ids.size === 1 ? [...ids][0] : undefined,
    replayed: answers.filter((answer) => answer.replayed).length,
    inProgress,
  };
}

/** Runs `query` (read-only) on a service's database. */
async function readFrom<T extends Record<string, unknown>>(
  run: UnderLoad,
  service: ServiceName,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: run.platform.databaseUrl(service) });
  await client.connect();
  try {
    return (await client.query<T>(query, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until `service` has heard of the employees (its replica of identity's). */
async function knownTo(
  run: UnderLoad,
  service: 'connections' | 'recommendations',
  ids: string[],
): Promise<void> {
  await waitFor(
    `${service} to hear of the employees`,
    async () =>
      readFrom<{ count: string }>(run, service, 'SELECT count(*) FROM employee WHERE id = ANY($1::uuid[])', [
        ids,
      ]),
    (rows) => Number(rows[0]?.count) === ids.length,
    { timeoutMs: 60_000, intervalMs: 200 },
  );
}

/** Waits until recommendations has heard that the two are connected. */
async function connectedIn(run: UnderLoad, one: string, other: string): Promise<void> {
  await waitFor(
    'recommendations to hear of the connection',
    async () =>
      readFrom(
        run,
        'recommendations',
        `SELECT 1 FROM connection WHERE first_id = LEAST($1::uuid, $2::uuid) AND second_id = GREATEST($1::uuid, $2::uuid)
            AND removed_at IS NULL`,
        [one, other],
      ),
    (rows) => rows.length > 0,
    { timeoutMs: 60_000, intervalMs: 200 },
  );
}

/** The rows, events (of the type the route writes) and emails there are for what one key created. */
async function createdFor(
  run: UnderLoad,
  route: IdempotentRoute,
  id: string,
): Promise<{ rows: number; events: number; emails: number }> {
  const { service, table, eventType } = IDEMPOTENT_CREATES[route];
  // The row the answers named, and any other the same request could have made (same people).
  const [row] = await readFrom<Record<string, string>>(run, service, `SELECT * FROM ${table} WHERE id = $1`, [
    id,
  ]);
  const people: Record<IdempotentRoute, [string, string]> = {
    'connection-requests': ['requester_id', 'addressee_id'],
    'recommendation-requests': ['requester_id', 'recipient_id'],
    recommendations: ['author_id', 'subject_id'],
  };
  const [from, to] = people[route];
  const rows = row
    ? await readFrom<{ count: string }>(
        run,
        service,
        `SELECT count(*) FROM ${table} WHERE ${from} = $1 AND ${to} = $2`,
        [row[from], row[to]],
      )
    : [{ count: '0' }];
  const events = await readFrom<{ event_id: string }>(
    run,
    service,
    'SELECT event_id FROM outbox WHERE event_type = $1 AND payload LIKE $2',
    [eventType, `%${id}%`],
  );
  const eventIds = new Set(events.map((event) => event.event_id));
  const emails = run.sink.received.filter(
    (message) => message.eventId && eventIds.has(message.eventId),
  ).length;
  return { rows: Number(rows[0]?.count ?? 0), events: events.length, emails };
}

/** Attempts at an event Kafka refuses for good before outboxPoison's relay parks it. */
const POISON_ATTEMPTS = 3;
/** The recommendations topic's max.message.bytes while outboxPoison's operator has it lowered. */
const POISON_TOPIC_MAX_BYTES = 6_000;
/** A long recommendation in Japanese: 2 900 characters of three bytes each in UTF-8, about 8.7 kB. */
const LONG_TEXT = 'いつも期待以上の仕事をしてくれる、頼れる同僚です。'.repeat(116);

/**
 * An event Kafka refuses for good in the outbox, under load: an operator lowered the recommendations topic's
 * max.message.bytes (to 6 000 bytes), then a colleague writes a long recommendation in Japanese
 * (about 8.7 kB). The relay tries it OUTBOX_MAX_PUBLISH_ATTEMPTS times (3 here), parks it and
 * publishes everything else; /metrics counts it and `npm run dlq -- outbox list` lists it (the
 * same store). Then the operator's fix: the topic's limit back, the event released (as `npm run dlq
 * -- outbox release` does): it is published and emailed like any other.
 */
export const outboxPoison: Scenario = ({ shape = FULL_LOAD, short = false, log }) => {
  let poisonedAt = 0;
  return runScenario(
    {
      id: 'outbox-poison',
      title: "an event larger than its topic's max.message.bytes in the outbox",
      expectation:
        `parked alone after OUTBOX_MAX_PUBLISH_ATTEMPTS (${POISON_ATTEMPTS}), messaging_outbox_parked 1, listed by ` +
        '`dlq outbox list`; every other event flows; once the topic takes it and it is released, emailed: lost 0, duplicated 0',
      shape,
      environment: { recommendations: { OUTBOX_MAX_PUBLISH_ATTEMPTS: String(POISON_ATTEMPTS) } },
      fault: async (run) => {
        const { platform } = run;
        const [author, subject] = await Promise.all([
          platform.register('Verbose Author'),
          platform.register('Verbose Subject'),
        ]);
        await platform.connect(author, subject);
        await connectedIn(run, author.id, subject.id);
        await knownTo(run, 'recommendations', [author.id, subject.id]);
        const topic = { prefix: platform.topicPrefix, name: Topics.recommendations };
        log(`max.message.bytes of ${topic.name} lowered to ${POISON_TOPIC_MAX_BYTES}; a long recommendation`);
        await configureTopic(topic, { 'max.message.bytes': String(POISON_TOPIC_MAX_BYTES) });
        // The brokers apply a topic's new configuration a moment later.
        await sleep(3_000);
        poisonedAt = Date.now();
        const { id } = await platform.expectCall<{ id: string }>(
          201,
          'recommendations',
          'POST',
          '/v1/recommendations',
          {
            token: author.token,
            body: { subjectId: subject.id, relationship: 'coworker', text: LONG_TEXT },
          },
        );
        const outbox = new DataSource({ type: 'postgres', url: platform.databaseUrl('recommendations') });
        await outbox.initialize();
        try {
          const store = new ParkedEventStore(outbox);
          const parked = await waitFor(
            'the long recommendation to be parked',
            () => store.list(),
            (events) => events.length > 0,
            {
              timeoutMs: 60_000,
              intervalMs: 200,
            },
          );
          const parkedMs = Date.now() - poisonedAt;
          log(
            `parked ${parkedMs} ms after it was written: ${JSON.stringify(parked.map(({ position, attempts, bytes }) => ({ position, attempts, bytes })))}`,
          );
          const metric = await waitFor(
            'messaging_outbox_parked to count it',
            () => parkedMetric(run),
            (value) => value === 1,
            {
              timeoutMs: 15_000,
              intervalMs: 500,
            },
          ).catch(() => parkedMetric(run));
          // The load goes on with the event parked: nothing else may stop or be parked.
          await sleep(short ? 5_000 : 20_000);
          const listed = await store.list();
          const [poison] = listed;
          log('the topic takes it again; the operator releases it');
          await configureTopic(topic, {});
          await sleep(3_000);
          const released = await store.release({ position: poison.position });
          const releasedAt = Date.now();
          const emailedMs = await waitFor(
            'the released event to be emailed',
            async () => run.sink.received.find((message) => message.eventId === poison.eventId),
            (message) => message !== undefined,
            { timeoutMs: 60_000, intervalMs: 100 },
          ).then(
            (message) => (message?.receivedAt ?? Number.NaN) - releasedAt,
            () => undefined,
          );
          return {
            kills: 0,
            recoveriesMs: emailedMs === undefined ? [] : [emailedMs],
            notes: [
              `${poison.eventType} ${poison.eventId} (${poison.bytes} bytes, topic limit ${POISON_TOPIC_MAX_BYTES}) parked ` +
                `${(parkedMs / 1000).toFixed(1)} s after it was written, after ${poison.attempts} attempts (${poison.error ?? 'no error'})`,
              `messaging_outbox_parked ${metric} on recommendations' /metrics; \`dlq outbox list\` listed ${listed.length} ` +
                `(${listed.map((event) => `position ${event.position}`).join(', ')}) after ${short ? 5 : 20} s more of load`,
              `released (${released.length}) once the topic took it again: emailed ${emailedMs ?? '?'} ms later`,
            ],
            failures: [
              ...(poison.key === id ? [] : ["the parked event is not the long recommendation's"]),
              ...(listed.length !== 1 ? [`${listed.length} events parked, not 1`] : []),
              ...(poison.attempts !== POISON_ATTEMPTS ? [`parked after ${poison.attempts} attempts`] : []),
              ...(metric !== 1 ? [`messaging_outbox_parked was ${metric}, not 1`] : []),
              ...(emailedMs === undefined ? ['the released event was not emailed'] : []),
            ],
          };
        } finally {
          await outbox.destroy();
        }
      },
      verify: (reconciliation) => {
        const after = countDueAfter(reconciliation, poisonedAt);
        return {
          notes: [
            `${after.due} emails due for events committed after the poison (it included), ${after.received} received`,
          ],
          failures:
            after.due <= 1 ? ['no other event was committed after the poison: nothing showed the flow'] : [],
        };
      },
    },
    log,
  );
};

/** Sets a platform topic's configuration to its contract's, with `overrides` (an operator's change). */
async function configureTopic(
  topic: { prefix: string; name: TopicName },
  overrides: Record<string, string>,
): Promise<void> {
  const admin = testKafka(testInfrastructure().kafkaBrokers).admin();
  await admin.connect();
  try {
    const config = { ...(topicDefinition(topic.name)?.config ?? {}), ...overrides };
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: `${topic.prefix}${topic.name}`,
          configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

/** messaging_outbox_parked as recommendations' /metrics shows it. */
async function parkedMetric(run: UnderLoad): Promise<number> {
  const text = await fetch(`${run.platform.baseUrl('recommendations')}/metrics`).then((response) =>
    response.text(),
  );
  const value = /^messaging_outbox_parked(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1];
  return value === undefined ? Number.NaN : Number(value);
}

/**
 * 9. PostgreSQL (a dedicated server: never the shared one) crashed under load: `kill -9` of the
 * postmaster, no shutdown at all, started again a few seconds later, when it runs crash recovery
 * from its WAL.
 */
export const killPostgres: Scenario = async ({ shape = FULL_LOAD, log }) => {
  const postgres = await DedicatedPostgres.start();
  // The platform's databases are created on the server DATABASE_URL names (libs/testing).
  const sharedServer = process.env.DATABASE_URL;
  process.env.DATABASE_URL = postgres.url;
  try {
    return await runScenario(
      {
        id: 'kill-postgres',
        title: 'PostgreSQL killed -9 (the postmaster) and started again: crash recovery',
        expectation:
          'writes refused cleanly while it is down (5xx problem+json, never a 2xx for work not committed), ' +
          'every write answered 2xx committed after the recovery; lost 0, duplicated 0 but for sends whose ' +
          'ledger update the crash cut off, each flagged',
        shape,
        fault: async (run) => crashPostgres(run, postgres, log),
        // A send whose ledger update the crash cut off is sent again: SMTP has no idempotency.
        allowedDuplicates: () => Number.POSITIVE_INFINITY,
      },
      log,
    );
  } finally {
    process.env.DATABASE_URL = sharedServer;
    await postgres.destroy();
  }
};

async function crashPostgres(run: UnderLoad, postgres: DedicatedPostgres, log: Log): Promise<FaultOutcome> {
  log('kill -9 the dedicated PostgreSQL postmaster');
  const before = { ...run.load.answers };
  const crash = await postgres.crash();
  log(
    `postmaster ${crash.postmaster} killed; ${crash.children - crash.killedAfterGrace} of its ` +
      `${crash.children} processes exited on their own, ${crash.killedAfterGrace} killed after 5 s`,
  );
  await sleep(5_000);
  const during = difference(run.load.answers, before);
  log(`starting PostgreSQL again (answers while it was down: ${JSON.stringify(during)})`);
  const startedAt = Date.now();
  await postgres.up();
  const upAt = Date.now();
  const recoveryMs = await firstSuccessAfter(run.load, upAt);
  const firstEmailMs = await firstEmailAfter(run.sink, upAt);
  const unready = await servicesNotReady(run);
  const serverLog = await postgres.log();
  const recovered = serverLog.includes('automatic recovery in progress');
  return {
    kills: 1,
    recoveriesMs: [recoveryMs],
    notes: [
      `postmaster killed -9: ${crash.children - crash.killedAfterGrace} of its ${crash.children} backends and ` +
        `auxiliary processes exited on their own within 5 s, ${crash.killedAfterGrace} had to be killed`,
      `while PostgreSQL was down: ${during.refused} writes refused with 5xx problem+json, ` +
        `${during.unclean} other 5xx, ${during.unreachable} unanswered, ${during.succeeded} 2xx`,
      `crash recovery ${recovered ? 'ran' : 'did NOT run'} (server log); the server answered ` +
        `${((upAt - startedAt) / 1000).toFixed(1)} s after it was started; first 2xx ${recoveryMs} ms and ` +
        `first email ${firstEmailMs} ms after that`,
    ],
    failures: [
      ...(during.refused === 0 ? ['no request was refused while PostgreSQL was down'] : []),
      ...(recovered ? [] : ['PostgreSQL did not run crash recovery: was it killed?']),
      ...unready.map((name) => `${name} is not ready again after the restart`),
    ],
  };
}

/** F10's outage, and the test-pace retries that outlast it (1 s doubling, with jitter, to 20 s). */
const LONG_SMTP_OUTAGE_MS = 5 * 60_000;
const LONG_OUTAGE_RETRY = { initialDelayMs: 1_000, maxDelayMs: 20_000, maxAttempts: 60 };

/**
 * 10. The SMTP server unreachable for five minutes, then back. The proxy accepts and cuts every
 * connection meanwhile, so that the sender's attempts can be counted; its CPU time is read from
 * its /metrics. At least 30 attempts fit in the outage at the shortest delays (half the ceiling),
 * so SENDER_MAX_ATTEMPTS is 60: the retries outlast it, as production's 8 from 30 s doubling do.
 */
export const smtpDownFiveMinutes: Scenario = ({ shape = FULL_LOAD, log }) => {
  let proxy: SmtpProxy | undefined;
  let upAt = 0;
  let backlog = { connections: 0, pending: 0 };
  return runScenario(
    {
      id: 'smtp-down-5-minutes',
      title: 'SMTP unreachable for 5 minutes, then back',
      expectation:
        'the sender backs off (connection attempts within what its backoff allows, little CPU), the backlog ' +
        'drains once the server is back; lost 0, duplicated 0, no delivery failed',
      shape,
      environment: {
        notifications: {
          SENDER_MAX_ATTEMPTS: String(LONG_OUTAGE_RETRY.maxAttempts),
          SENDER_RETRY_INITIAL_DELAY_MS: String(LONG_OUTAGE_RETRY.initialDelayMs),
          SENDER_RETRY_MAX_DELAY_MS: String(LONG_OUTAGE_RETRY.maxDelayMs),
        },
      },
      smtpUrl: async (sink) => {
        proxy = await SmtpProxy.start(sink.url);
        return proxy.url;
      },
      fault: async (run) => {
        if (!proxy) throw new Error('the SMTP proxy was not started');
        const metricsUrl = `${run.platform.service('notifications').baseUrl}/metrics`;
        const cpuBefore = await cpuSeconds(metricsUrl);
        log(`SMTP down for ${LONG_SMTP_OUTAGE_MS / 60_000} minutes (connections accepted, counted and cut)`);
        await proxy.goDown({ counting: true });
        const downAt = Date.now();
        await sleep(LONG_SMTP_OUTAGE_MS);
        const attempts = proxy.attemptsWhileDown;
        const cpu = (await cpuSeconds(metricsUrl)) - cpuBefore;
        await proxy.comeUp();
        upAt = Date.now();
        const outageS = (upAt - downAt) / 1000;
        const pending = await waitingDeliveries(run.platform.databaseUrl('notifications'));
        log(`SMTP back: ${attempts} connection attempts, ${cpu.toFixed(1)} s CPU; ${pending} emails waiting`);
        backlog = { connections: attempts, pending };
        const recoveryMs = await firstEmailAfter(run.sink, upAt);
        return {
          kills: 0,
          recoveriesMs: [recoveryMs],
          notes: [
            `SMTP unreachable for ${outageS.toFixed(0)} s: the sender opened ${attempts} connections ` +
              `(${(attempts / outageS).toFixed(1)}/s) for the ${pending} emails waiting at the end; ` +
              `notifications used ${cpu.toFixed(1)} s of CPU meanwhile (${((100 * cpu) / outageS).toFixed(1)} % ` +
              `of a core, the load's consuming and planning included)`,
            `first email ${recoveryMs} ms after the server came back`,
          ],
          failures: [
            ...(cpu / outageS > 0.5 ? ['notifications used more than half a core during the outage'] : []),
            ...(attempts === 0 ? ['the sender never tried to connect during the outage'] : []),
          ],
        };
      },
      verify: async (reconciliation, run) => {
        const arrivals = new Map<string, number>();
        for (const message of run.sink.received)
          if (message.eventId && !arrivals.has(message.eventId))
            arrivals.set(message.eventId, message.receivedAt);
        const held = reconciliation.dueEvents
          .filter((event) => event.committedAt < upAt)
          .map((event) => arrivals.get(event.eventId))
          .filter((arrival): arrival is number => arrival !== undefined && arrival >= upAt);
        const drainMs = Math.max(0, ...held) - upAt;
        const ledger = await ledgerAttempts(run.platform.databaseUrl('notifications'));
        // Every attempt but the one that sent failed: in the outage (SMTP accepted all after it).
        const failedAttempts = ledger.attempts - ledger.sent;
        const allowed = backlog.pending * attemptsWithin(LONG_SMTP_OUTAGE_MS);
        return {
          notes: [
            `catch-up: the ${held.length} emails held back by the outage arrived within ` +
              `${(drainMs / 1000).toFixed(1)} s of the server's return (${((held.length * 1000) / drainMs).toFixed(1)} ` +
              `emails/s), paced by their retries coming due (at most ${LONG_OUTAGE_RETRY.maxDelayMs / 1000} s apart)`,
            `delivery ledger: ${ledger.failed} failed, at most ${ledger.maxAttempts} attempts for one email ` +
              `(SENDER_MAX_ATTEMPTS ${LONG_OUTAGE_RETRY.maxAttempts}); ${failedAttempts} attempts failed in the ` +
              `outage, where the backoff allows at most ${allowed} for its ${backlog.pending} emails; ` +
              `${(backlog.connections / Math.max(1, failedAttempts)).toFixed(1)} connections per failed attempt`,
          ],
          failures: [
            ...(failedAttempts > allowed
              ? [`${failedAttempts} attempts in the outage: more than the backoff allows`]
              : []),
            ...(held.length === 0 ? ['no email was held back by the outage'] : []),
            ...(ledger.failed > 0 ? [`${ledger.failed} deliveries failed for good`] : []),
          ],
        };
      },
    },
    log,
  ).finally(() => proxy?.close());
};

/** The most attempts one delivery can make within `ms` at the shortest delays its backoff draws. */
function attemptsWithin(ms: number): number {
  const { initialDelayMs, maxDelayMs } = LONG_OUTAGE_RETRY;
  let attempts = 1;
  for (let elapsed = 0; ; attempts += 1) {
    elapsed += Math.min(maxDelayMs, initialDelayMs * 2 ** (attempts - 1)) / 2;
    if (elapsed > ms) return attempts;
  }
}

/** A service's CPU time so far (user and system), from its Prometheus process metrics. */
async function cpuSeconds(metricsUrl: string): Promise<number> {
  const metrics = await (await fetch(metricsUrl)).text();
  const line = metrics.split('\n').find((candidate) => candidate.startsWith('process_cpu_seconds_total '));
  if (!line) throw new Error(`no process_cpu_seconds_total at ${metricsUrl}`);
  return Number(line.split(' ')[1]);
}

async function waitingDeliveries(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM delivery WHERE status = 'pending'`,
    );
    return Number(rows[0].count);
  });
}

interface LedgerAttempts {
  failed: number;
  sent: number;
  /** Attempts of every delivery, the one that sent included. */
  attempts: number;
  maxAttempts: number;
}

async function ledgerAttempts(databaseUrl: string): Promise<LedgerAttempts> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{
      failed: string;
      sent: string;
      attempts: string;
      max: number | null;
    }>(
      `SELECT count(*) FILTER (WHERE status = 'failed') AS failed, count(*) FILTER (WHERE status = 'sent') AS sent,
              coalesce(sum(attempts), 0) AS attempts, max(attempts) AS max
         FROM delivery`,
    );
    const [row] = rows;
    return {
      failed: Number(row.failed),
      sent: Number(row.sent),
      attempts: Number(row.attempts),
      maxAttempts: row.max ?? 0,
    };
  });
}

/** Every scenario, by the id it reports under, in the order the full run takes them. */
export const SCENARIOS: Record<string, Scenario> = {
  'kill-each-service': killEachService,
  'kill-relay-mid-stream': killRelayMidStream,
  'kill-sender-after-acceptance': killSenderAfterAcceptance,
  'restart-broker': restartBroker,
  'restart-postgres': restartPostgres,
  'smtp-faults': smtpFaults,
  'scale-out-notifications': scaleOutNotifications,
  'poison-messages': poisonMessages,
  'idle-transaction-on-outbox': idleTransactionOnOutbox,
  'idempotent-retries': idempotentRetries,
  'outbox-poison': outboxPoison,
  'kill-postgres': killPostgres,
  'smtp-down-5-minutes': smtpDownFiveMinutes,
};
