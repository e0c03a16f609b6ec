import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Partitioners } from 'kafkajs';
import { createEvent, deadLetterTopic, toKafkaRecord } from '@vouch/contracts';
import { DeadLetterHeaders } from '../src';
import {
  createTestDatabase,
  readTopic,
  testInfrastructure,
  testKafka,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { probeData, ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, recordProbes, summarizeEffects } from './fixtures/probe-app';

describe('messages that cannot be processed', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication;
  let topicPrefix: string;

  beforeEach(async () => {
    database = await createTestDatabase('dead_letters');
    topicPrefix = uniqueTopicPrefix('dlq');
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
      consumer: { maxAttempts: 3, prerequisiteWaitMs: 6_000 },
    });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  const header = (value: Buffer | string | (Buffer | string)[] | undefined) => value?.toString();

  it('dead-letters malformed messages with their error, and processes the messages behind them', async () => {
    const aggregateId = randomUUID();
    const valid = (sequence: number) =>
      toKafkaRecord(
        createEvent(ProbeRecordedV1, {
          source: '/vouch/test',
          subject: aggregateId,
          data: probeData({ aggregateId, sequence }),
        }),
      );
    const wrongData = valid(2);
    wrongData.value = JSON.stringify({ aggregateId: 'not-a-uuid', sequence: -1 });
    const producer = testKafka(kafkaBrokers).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // All on one key, so all on one partition, behind each other.
    await producer.send({
      topic: `${topicPrefix}${ProbeRecordedV1.topic}`,
      messages: [
        { ...valid(0) },
        { key: aggregateId, value: '{"this is": not json', headers: valid(1).headers },
        { key: aggregateId, value: 'plain text with no CloudEvents headers at all' },
        wrongData,
        { ...valid(3) },
      ],
    });
    await producer.disconnect();

    const letters = await readTopic(
      kafkaBrokers,
      `${topicPrefix}${deadLetterTopic(ProbeRecordedV1.topic, 'probe')}`,
      3,
    );
    expect(letters.map((letter) => header(letter.headers?.[DeadLetterHeaders.reason]))).toEqual([
      'invalid-envelope',
      'invalid-envelope',
      'invalid-data',
    ]);
    expect(header(letters[0].headers?.[DeadLetterHeaders.error])).toMatch(/not JSON/);
    expect(header(letters[1].headers?.[DeadLetterHeaders.error])).toMatch(/ce_id: Invalid input/);
    expect(header(letters[2].headers?.[DeadLetterHeaders.error])).toMatch(/aggregateId/);
    expect(letters[1].value?.toString()).toBe('plain text with no CloudEvents headers at all');
    expect(header(letters[0].headers?.[DeadLetterHeaders.originalTopic])).toBe(ProbeRecordedV1.topic);

    const effects = await waitFor(
      'the valid messages applied',
      () => summarizeEffects(app.get(DataSource)),
      (s) => s.total >= 2,
    );
    expect(effects).toEqual({ total: 2, distinctEvents: 2, outOfOrderAggregates: 0 });
  });

  it('waits out a database that cannot be reached, however many attempts that takes, and dead-letters nothing', async () => {
    const aggregateId = randomUUID();
    // Five refusals, where three failed attempts would dead-letter any other failure.
    await recordProbes(app, [
      { aggregateId, sequence: 0, databaseOutages: 5 },
      { aggregateId, sequence: 1 },
    ]);

    const effects = await waitFor(
      'both probes applied',
      () => summarizeEffects(app.get(DataSource)),
      (s) => s.total >= 2,
    );
    expect(effects).toEqual({ total: 2, distinctEvents: 2, outOfOrderAggregates: 0 });
    const admin = testKafka(kafkaBrokers).admin();
    await admin.connect();
    const deadLetters = await admin
      .fetchTopicOffsets(`${topicPrefix}${deadLetterTopic(ProbeRecordedV1.topic, 'probe')}`)
      .finally(() => admin.disconnect());
    expect(deadLetters.map((partition) => partition.high)).toEqual(deadLetters.map(() => '0'));
  });

  /** Sends probes to chosen partitions of the probe topic (it has 3), as other topics' events would come. */
  async function sendToPartitions(
    probes: Array<{ partition: number; probe: Parameters<typeof probeData>[0] }>,
  ) {
    const producer = testKafka(kafkaBrokers).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({
        topic: `${topicPrefix}${ProbeRecordedV1.topic}`,
        messages: probes.map(({ partition, probe }) => ({
          ...toKafkaRecord(
            createEvent(ProbeRecordedV1, {
              source: '/vouch/test',
              subject: probe.aggregateId,
              data: probeData(probe),
            }),
          ),
          partition,
        })),
      });
    } finally {
      await producer.disconnect();
    }
  }

  const appliedSequences = async (aggregateId: string) =>
    (
      await app
        .get(DataSource)
        .query<Array<{ sequence: number }>>(
          `SELECT sequence FROM probe_effect WHERE aggregate_id = $1 ORDER BY sequence`,
          [aggregateId],
        )
    ).map((row) => row.sequence);

  it('holds an event that awaits another partition past its attempts, while that partition goes on, then applies it in order', async () => {
    const [waiting, awaited] = [randomUUID(), randomUUID()];
    await sendToPartitions([
      { partition: 0, probe: { aggregateId: waiting, sequence: 0, awaits: awaited } },
      { partition: 0, probe: { aggregateId: waiting, sequence: 1 } },
    ]);
    // Three attempts take well under a second; the awaited event comes later, on another partition.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await sendToPartitions([{ partition: 1, probe: { aggregateId: awaited, sequence: 0 } }]);

    await waitFor(
      'the waiting probes applied',
      () => appliedSequences(waiting),
      (sequences) => sequences.length >= 2,
    );
    expect(await appliedSequences(waiting)).toEqual([0, 1]);
    expect(await appliedSequences(awaited)).toEqual([0]);
  });

  it('dead-letters an event whose awaited event never comes after prerequisiteWaitMs, and goes on behind it', async () => {
    const [waiting, never] = [randomUUID(), randomUUID()];
    await sendToPartitions([
      { partition: 2, probe: { aggregateId: waiting, sequence: 0, awaits: never } },
      { partition: 2, probe: { aggregateId: waiting, sequence: 1 } },
    ]);

    const [letter] = await readTopic(
      kafkaBrokers,
      `${topicPrefix}${deadLetterTopic(ProbeRecordedV1.topic, 'probe')}`,
      1,
    );
    expect(header(letter?.headers?.[DeadLetterHeaders.reason])).toBe('retries-exhausted');
    expect(header(letter?.headers?.[DeadLetterHeaders.error])).toMatch(/probe .* is not applied yet/);
    await waitFor(
      'the probe behind it applied',
      () => appliedSequences(waiting),
      (sequences) => sequences.length >= 1,
    );
    expect(await appliedSequences(waiting)).toEqual([1]);
  });

  it('dead-letters a permanent failure at once and exhausted retries after the last attempt, without their effects', async () => {
    const aggregateId = randomUUID();
    await recordProbes(app, [
      { aggregateId, sequence: 0, permanentFailure: true },
      { aggregateId, sequence: 1, failTimes: 99 },
      { aggregateId, sequence: 2 },
    ]);

    const letters = await readTopic(
      kafkaBrokers,
      `${topicPrefix}${deadLetterTopic(ProbeRecordedV1.topic, 'probe')}`,
      2,
    );
    expect(
      letters.map((letter) => [
        header(letter.headers?.[DeadLetterHeaders.reason]),
        header(letter.headers?.[DeadLetterHeaders.attempts]),
      ]),
    ).toEqual([
      ['permanent-error', '1'],
      ['retries-exhausted', '3'],
    ]);
    expect(header(letters[0].headers?.[DeadLetterHeaders.error])).toMatch(
      /PermanentEventError: this probe can never be applied/,
    );

    await waitFor(
      'the last probe applied',
      () => summarizeEffects(app.get(DataSource)),
      (s) => s.total >= 1,
    );
    const applied: Array<{ sequence: number }> = await app
      .get(DataSource)
      .query(`SELECT sequence FROM probe_effect`);
    expect(applied).toEqual([{ sequence: 2 }]);
  });
});

describe('the dead-letter topics a consumer creates', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication;
  let topicPrefix: string;

  beforeAll(async () => {
    database = await createTestDatabase('dead_letter_retention');
    topicPrefix = uniqueTopicPrefix('dlq_retention');
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
      deadLetterRetentionDays: 3,
    });
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('keep a message DEAD_LETTER_RETENTION_DAYS, then delete it', async () => {
    const topic = `${topicPrefix}${deadLetterTopic(ProbeRecordedV1.topic, 'probe')}`;
    const admin = testKafka(kafkaBrokers).admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          { type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms', 'cleanup.policy'] },
        ],
      });
      const config = Object.fromEntries(
        (resources[0]?.configEntries ?? []).map((entry) => [entry.configName, entry.configValue]),
      );
      expect(config).toEqual({ 'retention.ms': String(3 * 86_400_000), 'cleanup.policy': 'delete' });
    } finally {
      await admin.disconnect();
    }
  });
});
