import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { createEvent, toKafkaRecord } from '@vouch/contracts';
import { Outbox, OutboxRelay, OUTBOX_CHANNEL } from '../src';
import { probeData, ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, recordProbes } from './fixtures/probe-app';

/** Far longer than any wait below: what arrives in time was read on its NOTIFY, not by a scan. */
const NO_SCAN_IN_THIS_TEST_MS = 10 * 60_000;

const probe = (aggregateId = randomUUID()) => ({
  subject: aggregateId,
  data: probeData({ aggregateId, sequence: 0 }),
});

/** An event in the outbox as a writer of an earlier version left it: with an empty NOTIFY, or none. */
async function writeAsEarlierVersion(
  dataSource: DataSource,
  { notify }: { notify: boolean },
): Promise<string> {
  const event = createEvent(ProbeRecordedV1, { ...probe(), source: 'probe' });
  const record = toKafkaRecord(event);
  await dataSource.query(
    `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
    [event.id, event.type, ProbeRecordedV1.topic, record.key, JSON.stringify(record.headers), record.value],
  );
  if (notify) await dataSource.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
  return event.id;
}

async function consumed(dataSource: DataSource, eventId: string): Promise<void> {
  await waitFor(
    `event ${eventId} to be consumed`,
    () => dataSource.query(`SELECT 1 FROM probe_effect WHERE event_id = $1`, [eventId]),
    (rows: unknown[]) => rows.length > 0,
    { timeoutMs: 20_000 },
  );
}

describe('the outbox relay between its scans of the outbox', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('relay_notify');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.drop();
  });

  async function startWithScansApart(
    pollIntervalMs: number,
    lingerMs = 0,
  ): Promise<{ started: INestApplication; dataSource: DataSource }> {
    const started = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix: uniqueTopicPrefix('relay_notify'),
      consumes: true,
      relay: { pollIntervalMs, lingerMs },
    });
    app = started;
    const relay = started.get(OutboxRelay);
    await waitFor('the relay to lead', async () => relay.isLeader(), Boolean);
    const dataSource = started.get(DataSource);
    // Through once: the relay listens, its first scan is behind it and the consumer has joined.
    const [warmUp] = await recordProbes(started, [{ aggregateId: randomUUID(), sequence: 0 }]);
    await consumed(dataSource, warmUp);
    return { started, dataSource };
  }

  it('publishes an event committed after a later-written one was published, on its own NOTIFY', async () => {
    const { started, dataSource } = await startWithScansApart(NO_SCAN_IN_THIS_TEST_MS);
    const outbox = started.get(Outbox);
    const slow = dataSource.createQueryRunner();
    await slow.connect();
    try {
      await slow.startTransaction();
      const written = await outbox.add(slow.manager, ProbeRecordedV1, probe());
      const [after] = await recordProbes(started, [{ aggregateId: randomUUID(), sequence: 0 }]);
      await consumed(dataSource, after);
      await slow.commitTransaction();

      const positions: Array<{ event_id: string }> = await dataSource.query(
        `SELECT event_id FROM outbox WHERE event_id = ANY($1) ORDER BY position`,
        [[written.id, after]],
      );
      // The case a relay reading on from the last position it published would miss for good.
      expect(positions.map((row) => row.event_id)).toEqual([written.id, after]);
      await consumed(dataSource, written.id);
    } finally {
      await slow.release();
    }
  });

  it('scans for the event of a writer that notified without its position, as earlier versions did', async () => {
    const { dataSource } = await startWithScansApart(NO_SCAN_IN_THIS_TEST_MS);

    const eventId = await writeAsEarlierVersion(dataSource, { notify: true });

    await consumed(dataSource, eventId);
  });

  it('finds at its next scan an event whose NOTIFY it never received', async () => {
    const { dataSource } = await startWithScansApart(1_000);

    const eventId = await writeAsEarlierVersion(dataSource, { notify: false });

    await consumed(dataSource, eventId);
  });

  /** Writes 8 events 50 ms apart, each in its own transaction; the batches the relay marked them published in. */
  async function batchesForATrickle(lingerMs: number): Promise<number> {
    const { started, dataSource } = await startWithScansApart(NO_SCAN_IN_THIS_TEST_MS, lingerMs);
    const written: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      written.push(...(await recordProbes(started, [{ aggregateId: randomUUID(), sequence: 0 }])));
      await sleep(50);
    }
    for (const eventId of written) await consumed(dataSource, eventId);
    // A batch is marked in one statement: its events share their published_at.
    const [{ batches }]: Array<{ batches: number }> = await dataSource.query(
      `SELECT count(DISTINCT published_at)::int AS batches FROM outbox WHERE event_id = ANY($1)`,
      [written],
    );
    return batches;
  }

  it('publishes a trickle of events as they come when it does not linger', async () => {
    expect(await batchesForATrickle(0)).toBeGreaterThan(4);
  });

  it('publishes the events committed within its linger in one batch', async () => {
    // The first NOTIFY starts a 1 s linger; the 8 events are committed within about 400 ms.
    expect(await batchesForATrickle(1_000)).toBe(1);
  });
});
