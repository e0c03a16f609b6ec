import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxStore } from '../src';
import {
  createTestDatabase,
  testInfrastructure,
  testKafka,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { deadLetterTopic } from '@vouch/contracts';
import { ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, interleavedProbes, recordProbes, summarizeEffects } from './fixtures/probe-app';

/** Sum of the high watermarks of a topic: how many messages were ever published to it. */
async function messagesOn(brokers: string[], topic: string): Promise<number> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** The relay's store, except that it "dies" between publishing and marking the first batches. */
class CrashBeforeMarkingStore extends OutboxStore {
  crashes = 0;

  constructor(
    dataSource: DataSource,
    private readonly crashesWanted: number,
  ) {
    super(dataSource);
  }

  override async markPublished(positions: readonly string[]): Promise<string[]> {
    if (this.crashes < this.crashesWanted) {
      this.crashes += 1;
      throw new Error('simulated crash after Kafka acknowledged the batch, before it was marked');
    }
    return super.markPublished(positions);
  }
}

describe('events from the outbox to a handler', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeEach(async () => {
    database = await createTestDatabase('exactly_once');
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await database.drop();
  });

  it('delivers 1,000 events to the handler exactly once each, in order per aggregate', async () => {
    const topicPrefix = uniqueTopicPrefix('once');
    const probe = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
    });
    app = probe;
    const dataSource = probe.get(DataSource);

    await recordProbes(probe, interleavedProbes(1_000, 20));

    const effects = await waitFor(
      '1,000 effects',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 1_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // room for a wrongful duplicate to show
    expect(await summarizeEffects(dataSource)).toEqual({
      total: 1_000,
      distinctEvents: 1_000,
      outOfOrderAggregates: 0,
    });
    expect(effects.outOfOrderAggregates).toBe(0);
    expect(await messagesOn(kafkaBrokers, `${topicPrefix}${ProbeRecordedV1.topic}`)).toBe(1_000);
  });

  it('skips the duplicates a relay republishes after dying between publishing and marking', async () => {
    const topicPrefix = uniqueTopicPrefix('relay_crash');
    let store: CrashBeforeMarkingStore | undefined;
    const probe = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
      relay: { batchSize: 100, backoff: { initialDelayMs: 20, maxDelayMs: 50 } },
      outboxStore: (dataSource) => (store = new CrashBeforeMarkingStore(dataSource, 3)),
    });
    app = probe;
    const dataSource = probe.get(DataSource);
    const outboxStore = probe.get(OutboxStore);

    await recordProbes(probe, interleavedProbes(1_000, 20), 250);

    await waitFor(
      '1,000 effects',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 1_000,
    );
    await waitFor(
      'an empty outbox',
      () => outboxStore.backlog(),
      (b) => b.unpublished === 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(store?.crashes).toBe(3);
    const published = await messagesOn(kafkaBrokers, `${topicPrefix}${ProbeRecordedV1.topic}`);
    expect(published).toBeGreaterThan(1_000); // the crashed batches went out more than once…
    expect(await summarizeEffects(dataSource)).toEqual({
      total: 1_000,
      distinctEvents: 1_000,
      outOfOrderAggregates: 0,
    }); // …and were applied once
  });

  it('applies once the effect of a handler that fails twice transiently, then succeeds', async () => {
    const topicPrefix = uniqueTopicPrefix('transient');
    const probe = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: true,
    });
    app = probe;
    const dataSource = probe.get(DataSource);
    const [failing, after] = interleavedProbes(2, 1);

    const [eventId] = await recordProbes(probe, [{ ...failing, failTimes: 2 }, after]);

    await waitFor(
      'both effects',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 2,
    );
    const rows: Array<{ event_id: string; attempt: number }> = await dataSource.query(
      `SELECT event_id, attempt FROM probe_effect ORDER BY id`,
    );
    expect(rows).toEqual([
      { event_id: eventId, attempt: 3 },
      { event_id: expect.any(String), attempt: 1 },
    ]);
  });

  it('applies a backlog in shared transactions, and alone the events that fail in them', async () => {
    const topicPrefix = uniqueTopicPrefix('backlog');
    const settings = { databaseUrl: database.url, brokers: kafkaBrokers, topicPrefix };
    // Written and published while nobody consumes, so that the consumer meets them as one backlog.
    const writer = await createProbeApp({ ...settings, consumes: false });
    const probes: Parameters<typeof recordProbes>[1] = interleavedProbes(300, 10);
    probes[150] = { ...probes[150], permanentFailure: true };
    probes[200] = { ...probes[200], failTimes: 1 };
    const ids = await recordProbes(writer, probes);
    await waitFor(
      'the backlog published',
      () => writer.get(OutboxStore).backlog(),
      (backlog) => backlog.unpublished === 0,
    );
    await writer.close();

    const consumer = await createProbeApp({ ...settings, consumes: true });
    app = consumer;
    const dataSource = consumer.get(DataSource);
    await waitFor(
      '299 effects',
      () => summarizeEffects(dataSource),
      (summary) => summary.total >= 299,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(await summarizeEffects(dataSource)).toEqual({
      total: 299,
      distinctEvents: 299,
      outOfOrderAggregates: 0,
    });
    const failedOnce: Array<{ attempt: number }> = await dataSource.query(
      `SELECT attempt FROM probe_effect WHERE event_id = $1`,
      [ids[200]],
    );
    // Its first attempt was the shared one, rolled back; alone, it failed once more, then succeeded.
    expect(failedOnce).toEqual([{ attempt: 2 }]);
    expect(
      await messagesOn(kafkaBrokers, `${topicPrefix}${deadLetterTopic(ProbeRecordedV1.topic, 'probe')}`),
    ).toBe(1);
    // An inbox record is stamped with its transaction's start: events applied together share one.
    const [{ transactions }]: Array<{ transactions: number }> = await dataSource.query(
      `SELECT count(DISTINCT processed_at)::int AS transactions FROM inbox WHERE event_id = ANY($1)`,
      [ids],
    );
    // 300 events on 3 partitions make at most 8 runs of 50; each failure adds two transactions (the
    // events before it again, then it alone) when it splits its run. One by one would take 299.
    expect(transactions).toBeLessThanOrEqual(12);
  });
});
