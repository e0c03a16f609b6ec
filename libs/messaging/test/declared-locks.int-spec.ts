import type { INestApplication } from '@nestjs/common';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, recordProbes, summarizeEffects } from './fixtures/probe-app';
import { handlerRuns } from './fixtures/probe-handlers';

const PARTITIONS = 3;

/** Aggregate ids whose events land on different partitions (the relay keys events by aggregate). */
function aggregatesOnDifferentPartitions(count: number): string[] {
  const partitionOf = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [0],
    isr: [0],
  }));
  const byPartition = new Map<number, string>();
  while (byPartition.size < count) {
    const id = randomUUID();
    const partition = partitionOf({
      topic: ProbeRecordedV1.topic,
      partitionMetadata,
      message: { key: id, value: null },
    });
    if (!byPartition.has(partition)) byPartition.set(partition, id);
  }
  return [...byPartition.values()];
}

describe('locks declared by the handlers of events that share a transaction', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('declared_locks');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.drop();
  });

  it('takes them first and in one order, so two partitions locking crosswise wait once and never roll back', async () => {
    const probe = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix: uniqueTopicPrefix('locks'),
      consumes: true,
      consumer: { partitionsConsumedConcurrently: PARTITIONS },
    });
    app = probe;
    const [left, right] = aggregatesOnDifferentPartitions(2);
    // Each partition's run locks a then b, the other's b then a, each working a while in between:
    // taken as they come, the two would wait for each other and one would roll back and run again.
    const ids = await recordProbes(
      probe,
      [
        { aggregateId: left, sequence: 0, locks: ['a'], workMs: 300 },
        { aggregateId: right, sequence: 0, locks: ['b'], workMs: 300 },
        { aggregateId: left, sequence: 1, locks: ['b'] },
        { aggregateId: right, sequence: 1, locks: ['a'] },
      ],
      4,
    );

    await waitFor(
      'four effects',
      () => summarizeEffects(probe.get(DataSource)),
      (effects) => effects.total >= 4,
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a run to be redone

    expect(await summarizeEffects(probe.get(DataSource))).toEqual({
      total: 4,
      distinctEvents: 4,
      outOfOrderAggregates: 0,
    });
    expect(ids.map((id) => handlerRuns.get(id))).toEqual([1, 1, 1, 1]);
  });
});
