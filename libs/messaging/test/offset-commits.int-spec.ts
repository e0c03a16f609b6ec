import type { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { KafkaEventConsumer } from '../src';
import { ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, interleavedProbes, recordProbes, summarizeEffects } from './fixtures/probe-app';
import { uncommittedMessages } from './fixtures/uncommitted-messages';

describe('the offsets a consumer commits', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication | undefined;
  let topicPrefix: string;

  beforeEach(async () => {
    database = await createTestDatabase('offset_commits');
    topicPrefix = uniqueTopicPrefix('offset_commits');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.drop();
  });

  /** Messages on the probes' topic past what the probe group committed. */
  function uncommitted(): Promise<number> {
    return uncommittedMessages(kafkaBrokers, `${topicPrefix}probe`, `${topicPrefix}${ProbeRecordedV1.topic}`);
  }

  async function startConsumer(
    commitIntervalMs: number,
  ): Promise<{ dataSource: DataSource; commits: () => number }> {
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
      consumer: { commitIntervalMs },
    });
    const kafkaConsumer = app.get(KafkaEventConsumer).unwrap<Consumer>();
    let commits = 0;
    kafkaConsumer.on(kafkaConsumer.events.COMMIT_OFFSETS, () => {
      commits += 1;
    });
    return { dataSource: app.get(DataSource), commits: () => commits };
  }

  it('commits once an interval under a trickle of small batches, and a quiet partition’s last offsets too', async () => {
    // Long enough that even a slow run (a busy CI machine) spans few intervals.
    const { dataSource, commits } = await startConsumer(5_000);
    // One event at a time, 50 ms apart: kafkajs fetches them in batches of one or two, and its
    // autoCommit would commit after each (about 60 requests over 3 s).
    const probes = interleavedProbes(60, 3);
    for (const probe of probes) {
      await recordProbes(app as INestApplication, [probe], 1);
      await sleep(50);
    }
    await waitFor(
      'every probe applied',
      () => summarizeEffects(dataSource),
      (effects) => effects.total === 60,
    );
    // Nothing arrives any more: the timer commits what the last batches resolved.
    await waitFor('everything committed', uncommitted, (lag) => lag === 0, { timeoutMs: 15_000 });

    expect(commits()).toBeLessThan(10);
    expect(await summarizeEffects(dataSource)).toEqual({
      total: 60,
      distinctEvents: 60,
      outOfOrderAggregates: 0,
    });
  });

  it('commits what it processed when it stops, before the interval is up', async () => {
    // An interval the test never reaches: only the commit on stopping can move the offsets.
    const { dataSource } = await startConsumer(60_000);
    await recordProbes(app as INestApplication, interleavedProbes(30, 3));
    await waitFor(
      'every probe applied',
      () => summarizeEffects(dataSource),
      (effects) => effects.total === 30,
    );
    await app?.close();
    app = undefined;

    expect(await uncommitted()).toBe(0);
  });
});
