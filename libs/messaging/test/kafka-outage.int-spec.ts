import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxStore } from '../src';
import {
  createTestDatabase,
  DedicatedKafkaBroker,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { createProbeApp, interleavedProbes, recordProbes, summarizeEffects } from './fixtures/probe-app';

describe('Kafka unreachable for a while', () => {
  let broker: DedicatedKafkaBroker;
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    // A broker of this test's own: stopping it must not disturb the other test files.
    broker = await DedicatedKafkaBroker.start();
    database = await createTestDatabase('kafka_outage');
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await broker?.destroy();
  });

  it('keeps accepting writes while Kafka is down, and delivers every event once it is back', async () => {
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: broker.brokers,
      topicPrefix: uniqueTopicPrefix('outage'),
      consumes: true,
      relay: { backoff: { initialDelayMs: 200, maxDelayMs: 1_000 } },
    });
    const dataSource = app.get(DataSource);
    await recordProbes(app, interleavedProbes(100, 10));
    await waitFor(
      'the first 100 effects',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 100,
    );

    await broker.down();
    await recordProbes(app, interleavedProbes(300, 10), 10); // 30 transactions, all committed with Kafka down
    const waiting = await app.get(OutboxStore).backlog();
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the relay keeps failing meanwhile

    await broker.up();
    const effects = await waitFor(
      'all 400 effects',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 400,
      {
        timeoutMs: 120_000,
      },
    );

    expect(waiting.unpublished).toBe(300);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await summarizeEffects(dataSource)).toEqual({
      total: 400,
      distinctEvents: 400,
      outOfOrderAggregates: 0,
    });
    expect(effects.outOfOrderAggregates).toBe(0);
  });
});
