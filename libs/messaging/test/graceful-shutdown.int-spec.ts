import type { INestApplication } from '@nestjs/common';
import type { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { startConsumerProcess } from './fixtures/consumer-process';
import { createProbeApp, interleavedProbes, recordProbes, summarizeEffects } from './fixtures/probe-app';

describe('a consumer stopped with SIGTERM mid-stream', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let writer: INestApplication | undefined;
  let consumer: ChildProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('sigterm');
  });

  afterAll(async () => {
    consumer?.kill('SIGKILL');
    await writer?.close();
    await database.drop();
  });

  it('finishes the event in flight, exits cleanly, and after a restart loses nothing and applies nothing twice', async () => {
    const topicPrefix = uniqueTopicPrefix('sigterm');
    const env = {
      PROBE_DATABASE_URL: database.url,
      PROBE_BROKERS: kafkaBrokers.join(','),
      PROBE_TOPIC_PREFIX: topicPrefix,
    };
    // This process only writes and relays; the consumer runs in the child.
    writer = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: false,
    });
    const dataSource = writer.get(DataSource);

    const first = await startConsumerProcess(env);
    consumer = first.child;
    await recordProbes(writer, interleavedProbes(1_000, 12, { workMs: 5 }));
    await waitFor(
      'the consumer to be mid-stream',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 150,
    );

    const { exited } = first;
    first.child.kill('SIGTERM');
    // Nest re-raises the signal once it has shut down, so the exit itself says SIGTERM either way;
    // the log says whether the consumer stopped cleanly before that.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(first.output()).toMatch(/consumer group probe stopped/);
    const appliedBeforeRestart = (await summarizeEffects(dataSource)).total;
    expect(appliedBeforeRestart).toBeLessThan(1_000);

    consumer = (await startConsumerProcess(env)).child;
    await waitFor(
      'all 1,000 effects',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 1_000,
      { timeoutMs: 120_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(await summarizeEffects(dataSource)).toEqual({
      total: 1_000,
      distinctEvents: 1_000,
      outOfOrderAggregates: 0,
    });
    const processes: Array<{ pid: number }> = await dataSource.query(`SELECT DISTINCT pid FROM probe_effect`);
    expect(processes).toHaveLength(2);
  });
});
