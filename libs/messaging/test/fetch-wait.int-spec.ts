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
import { createProbeApp, interleavedProbes, recordProbes, summarizeEffects } from './fixtures/probe-app';

describe('the fetches a consumer makes', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication | undefined;
  let topicPrefix: string;

  beforeEach(async () => {
    database = await createTestDatabase('fetch_wait');
    topicPrefix = uniqueTopicPrefix('fetch_wait');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.drop();
  });

  /**
   * Applies 40 events written one at a time, 50 ms apart: the fetches the consumer made meanwhile,
   * and how long that took (longer on a busy machine).
   */
  async function fetchesForATrickle(
    consumer: Partial<EventConsumerSettings>,
  ): Promise<{ fetches: number; elapsedMs: number }> {
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
      consumer,
    });
    const dataSource = app.get(DataSource);
    const kafkaConsumer = app.get(KafkaEventConsumer).unwrap<Consumer>();
    let fetches = 0;
    // kafkajs 2 reports every fetch, without what it returned (numberOfBatches is always 0).
    kafkaConsumer.on(kafkaConsumer.events.FETCH, () => {
      fetches += 1;
    });
    const started = Date.now();
    for (const probe of interleavedProbes(40, 2)) {
      await recordProbes(app, [probe], 1);
      await sleep(50);
    }
    await waitFor(
      'every probe applied',
      () => summarizeEffects(dataSource),
      (effects) => effects.total === 40,
    );
    expect(await summarizeEffects(dataSource)).toEqual({
      total: 40,
      distinctEvents: 40,
      outOfOrderAggregates: 0,
    });
    return { fetches, elapsedMs: Date.now() - started };
  }

  it('answers a trickle with a fetch per event when a fetch waits for a byte', async () => {
    const { fetches } = await fetchesForATrickle({ fetchMinBytes: 1, fetchMaxWaitMs: 1_000 });
    expect(fetches).toBeGreaterThan(20);
  });

  it('gathers a trickle into a fetch per wait when a fetch waits for more bytes', async () => {
    // A fetch held up to 400 ms for 1 MB it never gets: one fetch per 400 ms, whatever arrived meanwhile.
    const { fetches, elapsedMs } = await fetchesForATrickle({
      fetchMinBytes: 1_048_576,
      fetchMaxWaitMs: 400,
    });
    expect(fetches).toBeLessThanOrEqual(Math.ceil(elapsedMs / 400) + 2);
    expect(fetches).toBeLessThan(20);
  });
});
