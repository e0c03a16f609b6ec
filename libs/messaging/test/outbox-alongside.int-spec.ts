import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { Outbox, type StateChange } from '../src';
import { createProbeApp, summarizeEffects } from './fixtures/probe-app';
import { probeData, ProbeRecordedV1 } from './fixtures/probe-events';

describe('an event added alongside a state change, in one statement', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('outbox_alongside');
  });

  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('is added only when the change touched a row, and is published like any other', async () => {
    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix: uniqueTopicPrefix('outbox_alongside'),
      consumes: true,
    });
    const dataSource = app.get(DataSource);
    const outbox = app.get(Outbox);
    await dataSource.query(`CREATE TABLE probe_switch (id uuid PRIMARY KEY, switched_on boolean NOT NULL)`);
    const switchId = randomUUID();
    await dataSource.query(`INSERT INTO probe_switch VALUES ($1, false)`, [switchId]);
    const switchOn: StateChange = {
      sql: `UPDATE probe_switch SET switched_on = true WHERE id = $1 AND NOT switched_on RETURNING id`,
      params: [switchId],
    };
    // No transaction around them: each is one autocommitted statement.
    const addSwitchedOn = () =>
      outbox.addAlongside(dataSource.manager, switchOn, ProbeRecordedV1, {
        subject: switchId,
        data: probeData({ aggregateId: switchId, sequence: 0 }),
      });

    const first = await addSwitchedOn();
    const second = await addSwitchedOn();

    expect(first?.type).toBe(ProbeRecordedV1.type);
    expect(second).toBeNull();
    expect(await dataSource.query(`SELECT switched_on FROM probe_switch`)).toEqual([{ switched_on: true }]);
    const effects = await waitFor(
      'the event to be consumed',
      () => summarizeEffects(dataSource),
      (summary) => summary.total >= 1,
    );
    // Give a second event, had there been one, the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await summarizeEffects(dataSource)).toEqual({ ...effects, total: 1, distinctEvents: 1 });
    const [consumed] = (await dataSource.query(`SELECT event_id FROM probe_effect`)) as Array<{
      event_id: string;
    }>;
    expect(consumed?.event_id).toBe(first?.id);
  });
});
