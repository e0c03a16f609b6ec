import type { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  testKafka,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { ParkedEventStore } from '@vouch/operator-tools';
import { OutboxStore } from '../src';
import { ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, recordProbes, summarizeEffects } from './fixtures/probe-app';

const repoRoot = path.resolve(__dirname, '../../..');

/** The topic takes records of at most this size: a probe fits, one carrying a long lock name does not. */
const MAX_MESSAGE_BYTES = 4_096;
const MAX_PUBLISH_ATTEMPTS = 3;

/** Runs `npm run dlq -- outbox <args>` against the test's database, as an operator would. */
function runDlqCli(args: string[], databaseUrl: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'dlq', '--', 'outbox', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function setMaxMessageBytes(brokers: string[], topic: string, bytes: number, create = false) {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    const configEntries = [{ name: 'max.message.bytes', value: String(bytes) }];
    if (create)
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions: 3, configEntries }],
      });
    else
      await admin.alterConfigs({
        validateOnly: false,
        // kafkajs' ConfigResourceTypes.TOPIC
        resources: [{ type: 2, name: topic, configEntries }],
      });
  } finally {
    await admin.disconnect();
  }
}

describe('an outbox event Kafka refuses for good', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication;
  let topic: string;

  beforeEach(async () => {
    database = await createTestDatabase('outbox_parking');
    const topicPrefix = uniqueTopicPrefix('parking');
    topic = `${topicPrefix}${ProbeRecordedV1.topic}`;
    await setMaxMessageBytes(kafkaBrokers, topic, MAX_MESSAGE_BYTES, true);
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
      relay: {
        maxPublishAttempts: MAX_PUBLISH_ATTEMPTS,
        backoff: { initialDelayMs: 50, maxDelayMs: 200 },
      },
      // The relay's refusals are expected here; its error for the parked event is not a test failure.
      logLevels: [],
    });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  it(`is parked after ${MAX_PUBLISH_ATTEMPTS} attempts with the later events of its key, while other keys flow, until released`, async () => {
    const dataSource = app.get(DataSource);
    const outboxStore = app.get(OutboxStore);
    const parkedKey = randomUUID();
    const otherKeys = Array.from({ length: 5 }, () => randomUUID());

    // The oversized event, then a later one of its key and twenty of other keys.
    await recordProbes(app, [
      { aggregateId: parkedKey, sequence: 0, locks: ['x'.repeat(2 * MAX_MESSAGE_BYTES)] },
    ]);
    await recordProbes(app, [
      { aggregateId: parkedKey, sequence: 1 },
      ...Array.from({ length: 20 }, (_, index) => ({
        aggregateId: otherKeys[index % 5],
        sequence: Math.floor(index / 5),
      })),
    ]);

    const backlog = await waitFor(
      'the oversized event and its follower to be parked',
      () => outboxStore.backlog(),
      (current) => current.parked === 2 && current.unpublished === 0,
      { timeoutMs: 60_000 },
    );
    expect(backlog).toMatchObject({ unpublished: 0, parked: 2, oldestUnpublishedAgeSeconds: 0 });
    await waitFor(
      'the events of the other keys',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 20,
    );

    // An event of the parked key written after the parking waits with it.
    await recordProbes(app, [{ aggregateId: parkedKey, sequence: 2 }]);
    await waitFor(
      'the later event of the parked key to be parked',
      () => outboxStore.backlog(),
      (current) => current.parked === 3,
    );

    const parked = await new ParkedEventStore(dataSource).list();
    expect(parked).toEqual([
      expect.objectContaining({
        key: parkedKey,
        topic: ProbeRecordedV1.topic,
        attempts: MAX_PUBLISH_ATTEMPTS,
        error: expect.stringMatching(/^MESSAGE_TOO_LARGE: /),
        bytes: expect.any(Number),
      }),
      expect.objectContaining({
        key: parkedKey,
        attempts: 0,
        error: `waits for the parked event at position ${parked[0]?.position}, of the same key`,
      }),
      expect.objectContaining({ key: parkedKey, attempts: 0 }),
    ]);
    expect(parked[0]?.bytes).toBeGreaterThan(MAX_MESSAGE_BYTES);
    const applied: Array<{ aggregate_id: string }> = await dataSource.query(
      `SELECT aggregate_id FROM probe_effect WHERE aggregate_id = $1`,
      [parkedKey],
    );
    expect(applied).toEqual([]);
    expect(await summarizeEffects(dataSource)).toEqual({
      total: 20,
      distinctEvents: 20,
      outOfOrderAggregates: 0,
    });

    const listed = await runDlqCli(['list'], database.url);
    expect(listed).toMatchObject({ code: 0, stderr: expect.not.stringContaining('dlq:') });
    expect(listed.stdout).toContain(`position ${parked[0]?.position}`);
    expect(listed.stdout).toContain('MESSAGE_TOO_LARGE');

    // The operator raises the topic's limit and releases the event: it and its followers go, in order.
    await setMaxMessageBytes(kafkaBrokers, topic, 1_048_588);
    const released = await runDlqCli(['release', parked[0]?.position ?? ''], database.url);
    expect(released).toMatchObject({ code: 0, stderr: expect.not.stringContaining('dlq:') });
    expect(released.stdout).toContain('released 3 parked event(s)');
    const effects = await waitFor(
      'every event',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 23,
      {
        timeoutMs: 60_000,
      },
    );
    expect(effects).toEqual({ total: 23, distinctEvents: 23, outOfOrderAggregates: 0 });
    expect(await outboxStore.backlog()).toMatchObject({ unpublished: 0, parked: 0 });
  });

  it('names no parked event it cannot find, and exits with 2', async () => {
    const result = await runDlqCli(['release', '123456789'], database.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no parked event at position 123456789');
  });
});
