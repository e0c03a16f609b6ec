import type { INestApplication } from '@nestjs/common';
import { OutboxRelay } from '../src';
import {
  createTestDatabase,
  readTopic,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, interleavedProbes, recordProbes } from './fixtures/probe-app';

describe('the outbox relay of a service with several instances', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  const instances: INestApplication[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('relay_leader');
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await database.drop();
  });

  it('publishes from one leader at a time, and another instance takes over when the leader stops', async () => {
    const topicPrefix = uniqueTopicPrefix('leader');
    const config = {
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: false,
      relay: { leaderRetryMs: 200 },
    };
    const first = await createProbeApp(config);
    instances.push(first);
    await waitFor('the first instance to lead', async () => first.get(OutboxRelay).isLeader(), Boolean);
    const second = await createProbeApp(config);
    instances.push(second);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect([first.get(OutboxRelay).isLeader(), second.get(OutboxRelay).isLeader()]).toEqual([true, false]);

    await recordProbes(first, interleavedProbes(50, 5));
    await first.close();
    instances.shift();
    await waitFor('the second instance to lead', async () => second.get(OutboxRelay).isLeader(), Boolean);
    await recordProbes(second, interleavedProbes(50, 5));

    const published = await readTopic(kafkaBrokers, `${topicPrefix}${ProbeRecordedV1.topic}`, 100);
    expect(new Set(published.map((message) => message.headers?.ce_id?.toString())).size).toBe(100);
  });
});
