import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { createProbeApp, interleavedProbes, recordProbes, summarizeEffects } from './fixtures/probe-app';

describe('the messaging tables over time', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('retention');
  });

  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('forgets published events and processed inbox records once their retention has passed', async () => {
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix: uniqueTopicPrefix('retention'),
      consumes: true,
      relay: { retentionMs: 0, inboxRetentionMs: 4_000, purgeIntervalMs: 200 },
    });
    const dataSource = app.get(DataSource);
    const count = async (table: 'outbox' | 'inbox') =>
      Number(
        ((await dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0]?.n,
      );

    await recordProbes(app, interleavedProbes(40, 4));
    await waitFor(
      '40 effects',
      () => summarizeEffects(dataSource),
      (effects) => effects.total >= 40,
    );
    // Processed moments ago: the records still guard against a redelivery.
    expect(await count('inbox')).toBe(40);

    await waitFor(
      'the outbox to be emptied',
      () => count('outbox'),
      (rows) => rows === 0,
    );
    await waitFor(
      'the inbox records to expire',
      () => count('inbox'),
      (rows) => rows === 0,
      {
        timeoutMs: 20_000,
        intervalMs: 250,
      },
    );
    expect(await summarizeEffects(dataSource)).toMatchObject({ total: 40, distinctEvents: 40 });
  });
});
