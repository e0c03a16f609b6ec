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
import { KafkaEventConsumer, type EventConsumerSettings } from '../src';
import { ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, interleavedProbes, recordProbes, summarizeEffects } from './fixtures/probe-app';
import { uncommittedMessages } from './fixtures/uncommitted-messages';

/** The requests a consumer sends the broker besides its work: offset commits and fetches, each a round trip. */
describe('the requests a consumer sends the broker', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication | undefined;
  let topicPrefix: string;

  beforeEach(async () => {
    database = await createTestDatabase('consumer_requests');
    topicPrefix = uniqueTopicPrefix('consumer_requests');
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

  interface StartedConsumer {
    dataSource: DataSource;
    commits: () => number;
    fetches: () => number;
  }

  async function startConsumer(consumer: Partial<EventConsumerSettings>): Promise<StartedConsumer> {
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
      consumer,
    });
    const kafkaConsumer = app.get(KafkaEventConsumer).unwrap<Consumer>();
    let commits = 0;
    let fetches = 0;
    kafkaConsumer.on(kafkaConsumer.events.COMMIT_OFFSETS, () => {
      commits += 1;
    });
    // kafkajs 2 reports every fetch, without what it returned (numberOfBatches is always 0).
    kafkaConsumer.on(kafkaConsumer.events.FETCH, () => {
      fetches += 1;
    });
    return { dataSource: app.get(DataSource), commits: () => commits, fetches: () => fetches };
  }

  /**
   * Writes `count` events one at a time, 50 ms apart, and waits until each was applied once and in
   * order; how long that took (longer on a busy machine).
   */
  async function applyATrickle(dataSource: DataSource, count: number): Promise<number> {
    const started = Date.now();
    for (const probe of interleavedProbes(count, 3)) {
      await recordProbes(app as INestApplication, [probe], 1);
      await sleep(50);
    }
    await waitFor(
      'every probe applied',
      () => summarizeEffects(dataSource),
      (effects) => effects.total === count,
    );
    expect(await summarizeEffects(dataSource)).toEqual({
      total: count,
      distinctEvents: count,
      outOfOrderAggregates: 0,
    });
    return Date.now() - started;
  }

  it('commits once an interval under a trickle of small batches, and a quiet partition’s last offsets too', async () => {
    // Long enough that even a slow run (a busy CI machine) spans few intervals; fetches of a byte,
    // so that kafkajs fetches the events in batches of one or two, and its autoCommit would commit
    // after each (about 60 requests over 3 s).
    const { dataSource, commits } = await startConsumer({
      commitIntervalMs: 5_000,
      fetchMinBytes: 1,
      fetchMaxWaitMs: 1_000,
    });
    await applyATrickle(dataSource, 60);
    // Nothing arrives any more: the timer commits what the last batches resolved.
    await waitFor('everything committed', uncommitted, (lag) => lag === 0, { timeoutMs: 15_000 });

    expect(commits()).toBeLessThan(10);
  });

  it('commits what it processed when it stops, before the interval is up', async () => {
    // An interval the test never reaches: only the commit on stopping can move the offsets.
    const { dataSource } = await startConsumer({ commitIntervalMs: 60_000 });
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

  it('answers a trickle with a fetch per event when a fetch waits for a byte', async () => {
    const { dataSource, fetches } = await startConsumer({ fetchMinBytes: 1, fetchMaxWaitMs: 1_000 });
    await applyATrickle(dataSource, 40);

    expect(fetches()).toBeGreaterThan(20);
  });

  it('gathers a trickle into a fetch per wait when a fetch waits for more bytes', async () => {
    // A fetch held up to 400 ms for 1 MB it never gets: one fetch per 400 ms, whatever arrived meanwhile.
    const { dataSource, fetches } = await startConsumer({ fetchMinBytes: 1_048_576, fetchMaxWaitMs: 400 });
    const elapsedMs = await applyATrickle(dataSource, 40);

    expect(fetches()).toBeLessThanOrEqual(Math.ceil(elapsedMs / 400) + 2);
    expect(fetches()).toBeLessThan(20);
  });
});
