import type { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { CloudEventHeaders, deadLetterTopic } from '@vouch/contracts';
import {
  createTestDatabase,
  readTopic,
  testInfrastructure,
  testKafka,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { DEAD_LETTER_REPLAYED_FROM_HEADER, DeadLetterStore } from '@vouch/operator-tools';
import { ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, recordProbes, summarizeEffects } from './fixtures/probe-app';
import { uncommittedMessages } from './fixtures/uncommitted-messages';

const repoRoot = path.resolve(__dirname, '../../..');

/** Runs `npm run dlq -- <args>` as an operator would. */
function runDlqCli(args: string[], kafkaBrokers: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'dlq', '--', ...args], {
      cwd: repoRoot,
      env: { ...process.env, KAFKA_BROKERS: kafkaBrokers.join(',') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the dead-letter tool', () => {
  const { kafkaBrokers } = testInfrastructure();
  const store = new DeadLetterStore(testKafka(kafkaBrokers));
  let database: TestDatabase;
  let app: INestApplication;
  let topicPrefix: string;
  let dlqTopic: string;
  let originalTopic: string;

  beforeEach(async () => {
    database = await createTestDatabase('dead_letter_tool');
    topicPrefix = uniqueTopicPrefix('dlqtool');
    dlqTopic = `${topicPrefix}${deadLetterTopic(ProbeRecordedV1.topic, 'probe')}`;
    originalTopic = `${topicPrefix}${ProbeRecordedV1.topic}`;
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
      consumer: { maxAttempts: 2 },
    });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  /** Until `restore`, the handler's writes fail as if its database were down: a transient failure. */
  async function breakTheProbeStore(): Promise<{ restore: () => Promise<void> }> {
    const dataSource = app.get(DataSource);
    await dataSource.query(`
      CREATE FUNCTION refuse_probe_effects() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN RAISE EXCEPTION 'the probe store is down'; END $$`);
    await dataSource.query(`
      CREATE TRIGGER probe_store_down BEFORE INSERT ON probe_effect
        FOR EACH ROW EXECUTE FUNCTION refuse_probe_effects()`);
    return { restore: () => dataSource.query(`DROP TRIGGER probe_store_down ON probe_effect`) };
  }

  /** Records probes while the handler fails, and waits until each of them is dead-lettered. */
  async function deadLetteredProbes(count: number): Promise<string[]> {
    const outage = await breakTheProbeStore();
    const ids = await recordProbes(
      app,
      Array.from({ length: count }, () => ({ aggregateId: randomUUID(), sequence: 0 })),
    );
    await waitFor(
      `${count} dead letters`,
      () => store.list({ topicPrefix }),
      (topics) => topics[0]?.messages === count,
    );
    await outage.restore();
    return ids;
  }

  it('lists the dead-letter topics with their counts and shows why each message failed and where from', async () => {
    const ids = await deadLetteredProbes(2);

    expect(await store.list({ topicPrefix })).toEqual([
      { topic: dlqTopic, partitions: 3, messages: 2, notReplayed: 2 },
    ]);

    const letters = await store.show(dlqTopic);
    expect(letters.map((letter) => letter.eventId).sort()).toEqual([...ids].sort());
    for (const letter of letters) {
      expect(letter).toMatchObject({
        topic: dlqTopic,
        eventType: ProbeRecordedV1.type,
        reason: 'retries-exhausted',
        attempts: 2,
        originalTopic: ProbeRecordedV1.topic,
        consumerGroup: 'probe',
        replayed: false,
      });
      expect(letter.error).toMatch(/the probe store is down/);
      expect(letter.originalOffset).toMatch(/^\d+$/);
      expect(Date.parse(letter.failedAt ?? '')).not.toBeNaN();
      expect(JSON.parse(letter.value ?? '')).toMatchObject({ aggregateId: letter.key, sequence: 0 });
    }
    const [first] = letters;
    expect(
      await store.show(dlqTopic, { partition: first.partition, offset: Number(first.offset), limit: 1 }),
    ).toEqual([first]);

    const listed = await runDlqCli(['list', '--topic-prefix', topicPrefix], kafkaBrokers);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(new RegExp(`^${dlqTopic.replace(/\./g, '\\.')} +2 +2$`, 'm'));

    const unknown = await runDlqCli(['show', `${topicPrefix}nothing.dlq.probe`], kafkaBrokers);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(`dlq: no topic ${topicPrefix}nothing.dlq.probe on the cluster\n`);
  });

  it('replays dead letters to their topic, where the mended consumer applies each once, and never replays them twice', async () => {
    const ids = await deadLetteredProbes(3);

    const dryRun = await store.replay(dlqTopic, { all: true }, { dryRun: true });
    expect(dryRun.replayed).toHaveLength(3);
    expect((await store.list({ topicPrefix }))[0].notReplayed).toBe(3);

    const replay = await store.replay(dlqTopic, { all: true });
    expect(replay.replayed.map(({ letter }) => letter.eventId).sort()).toEqual([...ids].sort());
    expect(replay.replayed.map(({ to }) => to)).toEqual([originalTopic, originalTopic, originalTopic]);
    const effects = await waitFor(
      'the replayed probes applied',
      () => summarizeEffects(app.get(DataSource)),
      (summary) => summary.total >= 3,
    );
    expect(effects).toEqual({ total: 3, distinctEvents: 3, outOfOrderAggregates: 0 });

    // What was replayed is recorded: the topic still holds the messages, but nothing is left to replay.
    expect(await store.list({ topicPrefix })).toEqual([
      { topic: dlqTopic, partitions: 3, messages: 3, notReplayed: 0 },
    ]);
    expect((await store.replay(dlqTopic, { all: true })).replayed).toEqual([]);

    // Replaying one again on purpose reaches the consumer, whose inbox knows the event.
    const [again] = replay.replayed.map(({ letter }) => letter);
    const single = await store.replay(dlqTopic, { partition: again.partition, offset: Number(again.offset) });
    expect(single.replayed.map(({ letter }) => [letter.eventId, letter.replayed])).toEqual([
      [again.eventId, true],
    ]);
    await waitFor(
      'the probe consumer to read everything replayed',
      () => probeConsumerLag(),
      (lag) => lag === 0,
    );
    expect(await summarizeEffects(app.get(DataSource))).toEqual({
      total: 3,
      distinctEvents: 3,
      outOfOrderAggregates: 0,
    });

    // On the original topic: 3 originals, then 4 replays as they were, without the dead-letter headers.
    const onTopic = await readTopic(kafkaBrokers, originalTopic, 7);
    const replayed = onTopic.filter((message) => message.headers?.[DEAD_LETTER_REPLAYED_FROM_HEADER]);
    expect(replayed).toHaveLength(4);
    for (const message of replayed) {
      expect(Object.keys(message.headers ?? {}).filter((name) => name.startsWith('dlq-'))).toEqual([
        DEAD_LETTER_REPLAYED_FROM_HEADER,
      ]);
      expect(ids).toContain(message.headers?.[CloudEventHeaders.id]?.toString());
      expect(message.headers?.[DEAD_LETTER_REPLAYED_FROM_HEADER]?.toString()).toMatch(
        new RegExp(`^${dlqTopic.replace(/\./g, '\\.')}:\\d:\\d$`),
      );
    }
  });

  /** Messages on the original topic the probe consumer group has not committed yet. */
  function probeConsumerLag(): Promise<number> {
    return uncommittedMessages(kafkaBrokers, `${topicPrefix}probe`, originalTopic);
  }
});
