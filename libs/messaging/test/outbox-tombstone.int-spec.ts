import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  readTopic,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { UnitOfWork } from '../src';
import { createProbeApp, recordProbes, summarizeEffects } from './fixtures/probe-app';
import { ProbeRecordedV1 } from './fixtures/probe-events';

describe('a tombstone written through the outbox', () => {
  const { kafkaBrokers } = testInfrastructure();
  const topicPrefix = uniqueTopicPrefix('outbox_tombstone');
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('outbox_tombstone');
  });

  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('is published as a null value in its key order, and the events around it are consumed', async () => {
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
    });
    const aggregateId = randomUUID();
    await recordProbes(app, [{ aggregateId, sequence: 0 }]);
    const unitOfWork = app.get(UnitOfWork);
    await unitOfWork.run(() => unitOfWork.tombstone(ProbeRecordedV1.topic, aggregateId));
    await recordProbes(app, [{ aggregateId, sequence: 1 }]);

    const messages = await readTopic(kafkaBrokers, `${topicPrefix}${ProbeRecordedV1.topic}`, 3);
    expect(messages.map((message) => [message.key?.toString(), message.value === null])).toEqual([
      [aggregateId, false],
      [aggregateId, true],
      [aggregateId, false],
    ]);
    const dataSource = app.get(DataSource);
    const effects = await waitFor(
      'both probes to be consumed',
      () => summarizeEffects(dataSource),
      (summary) => summary.total >= 2,
    );
    expect(effects).toEqual({ total: 2, distinctEvents: 2, outOfOrderAggregates: 0 });
    expect(
      await dataSource.query(`SELECT count(*)::int AS unpublished FROM outbox WHERE published_at IS NULL`),
    ).toEqual([{ unpublished: 0 }]);
  });
});
