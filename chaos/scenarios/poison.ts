import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { toKafkaRecord, topicDefinition, Topics, type CloudEvent, type TopicName } from '@vouch/contracts';
import { DeadLetterStore, ParkedEventStore, type StoredDeadLetter } from '@vouch/operator-tools';
import { ConfigResourceTypes } from 'kafkajs';
import { DataSource } from 'typeorm';
import { testInfrastructure, testKafka, waitFor } from '@vouch/testing';
import { FULL_LOAD, runScenario, type UnderLoad } from '../support/harness';
import { type Scenario, countDueAfter, knownTo, connectedIn } from './common';

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
