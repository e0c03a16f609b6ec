import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { toKafkaRecord, Topics, type CloudEvent } from '@vouch/contracts';
import { DeadLetterStore, type StoredDeadLetter } from '@vouch/messaging';
import {
  DedicatedKafkaBroker,
  readTopic,
  testInfrastructure,
  testKafka,
  waitFor,
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
};
