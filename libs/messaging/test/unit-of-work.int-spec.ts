import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { defineEvent, RecordedEvents, type RecordedEvent, type RecordsEvents } from '@vouch/contracts';
import { serviceDataSourceOptions, withAmbientTransaction } from '@vouch/persistence';
import { createTestDatabase, type TestDatabase } from '@vouch/testing';
import {
  CreateMessagingTables1764028800000,
  NoUnitOfWorkError,
  Outbox,
  OutboxEventVersions1796890000000,
  OutboxParking1797500000000,
  UnitOfWork,
} from '../src';
import { probeData, ProbeRecordedV1 } from './fixtures/probe-events';

/** An aggregate as small as can be: each step it takes records one event. */
class Probe implements RecordsEvents {
  private readonly events = new RecordedEvents();

  constructor(readonly id = randomUUID()) {}

  step(sequence: number): this {
    this.events.record(ProbeRecordedV1, {
      subject: this.id,
      data: probeData({ aggregateId: this.id, sequence }),
    });
    return this;
  }

  /** A step announced in two versions of its event, as while consumers move from one to the next. */
  stepInVersions(sequence: number): this {
    const v1 = probeData({ aggregateId: this.id, sequence });
    this.events.recordInVersions(
      [
        [ProbeRecordedV1, v1],
        [ProbeRecordedV2, { ...v1, note: 'v2' }],
      ],
      { subject: this.id },
    );
    return this;
  }

  pullEvents(): RecordedEvent[] {
    return this.events.pull();
  }
}

const ProbeRecordedV2 = defineEvent({
  ...ProbeRecordedV1,
  version: 2,
  topic: 'vouch.test.probes.v2',
  schema: ProbeRecordedV1.schema.extend({ note: z.string() }),
});

describe('a unit of work', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;

  /** What a repository does: the aggregate's row, then its events, in the unit of work's transaction. */
  const save = (probe: Probe) =>
    unitOfWork.save(probe, (manager) => manager.query(`INSERT INTO probe_item (id) VALUES ($1)`, [probe.id]));

  const rowsOf = async (probe: Probe) => {
    const items: unknown[] = await dataSource.query(`SELECT id FROM probe_item WHERE id = $1`, [probe.id]);
    const events: Array<{ payload: string }> = await dataSource.query(
      `SELECT payload FROM outbox WHERE message_key = $1 ORDER BY position`,
      [probe.id],
    );
    return {
      items: items.length,
      // Kafka's binary mode: the payload is the event's data.
      sequences: events.map((event) => (JSON.parse(event.payload) as { sequence: number }).sequence),
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase('unit_of_work');
    dataSource = new DataSource(
      serviceDataSourceOptions({
        url: database.url,
        applicationName: 'unit-of-work-test',
        entities: [],
        migrations: [
          CreateMessagingTables1764028800000,
          OutboxEventVersions1796890000000,
          OutboxParking1797500000000,
        ],
        poolSize: 3,
      }),
    );
    await dataSource.initialize();
    await dataSource.query(
      `CREATE TABLE probe_item (id uuid PRIMARY KEY, switched_on boolean NOT NULL DEFAULT false)`,
    );
    unitOfWork = new UnitOfWork(dataSource, new Outbox('/vouch/probe'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('commits an aggregate with the events it recorded, in their order', async () => {
    const probe = new Probe().step(0).step(1);

    await unitOfWork.run(() => save(probe));

    expect(await rowsOf(probe)).toEqual({ items: 1, sequences: [0, 1] });
    expect(probe.pullEvents()).toEqual([]);
  });

  it('writes nothing, neither rows nor events, when the work throws', async () => {
    const probe = new Probe().step(0);

    await expect(
      unitOfWork.run(async () => {
        await save(probe);
        throw new Error('refused after the write');
      }),
    ).rejects.toThrow('refused after the write');

    expect(await rowsOf(probe)).toEqual({ items: 0, sequences: [] });
  });

  it('joins the transaction already open for the work, which decides the commit', async () => {
    const kept = new Probe().step(0);
    const undone = new Probe().step(0);

    await dataSource.transaction((manager) =>
      withAmbientTransaction(manager, async () => {
        await unitOfWork.run(() => save(kept));
        const seen: unknown[] = await manager.query(`SELECT FROM outbox WHERE message_key = $1`, [kept.id]);
        expect(seen).toHaveLength(1);
      }),
    );
    await expect(
      dataSource.transaction((manager) =>
        withAmbientTransaction(manager, async () => {
          await unitOfWork.run(() => save(undone));
          throw new Error('the request failed after the use case');
        }),
      ),
    ).rejects.toThrow('the request failed');

    expect(await rowsOf(kept)).toEqual({ items: 1, sequences: [0] });
    expect(await rowsOf(undone)).toEqual({ items: 0, sequences: [] });
  });

  it('adds the first event in the statement of the change, and none when the change touched no row', async () => {
    const probe = new Probe();
    await unitOfWork.run(() => save(probe));
    const switchOn = {
      sql: `UPDATE probe_item SET switched_on = true WHERE id = $1 AND NOT switched_on RETURNING id`,
      params: [probe.id],
    };

    const first = await unitOfWork.run(() => unitOfWork.saveInOneStatement(probe.step(0).step(1), switchOn));
    const second = await unitOfWork.run(() => unitOfWork.saveInOneStatement(probe.step(2), switchOn));

    expect([first, second]).toEqual([true, false]);
    expect(await rowsOf(probe)).toEqual({ items: 1, sequences: [0, 1] });
  });

  it("adds each aggregate's event in the one statement of all their changes, only for the rows it changed", async () => {
    const [on, off, other] = [new Probe(), new Probe(), new Probe()];
    for (const probe of [on, off, other]) await unitOfWork.run(() => save(probe));
    await dataSource.query(`UPDATE probe_item SET switched_on = true WHERE id = $1`, [on.id]);
    const switchOn = (...probes: Probe[]) => ({
      sql: `UPDATE probe_item SET switched_on = true
             WHERE id = ANY($1::uuid[]) AND NOT switched_on RETURNING id`,
      params: [probes.map((probe) => probe.id)],
    });

    const changed = await unitOfWork.runWithoutTransaction(() =>
      unitOfWork.saveAllInOneStatement(
        [on.step(0), off.step(0), other].map((probe) => ({ id: probe.id, aggregate: probe })),
        switchOn(on, off, other),
      ),
    );

    // `on` was switched on already: its event is not added; `other` recorded none.
    expect(changed).toEqual([false, true, true]);
    expect(await rowsOf(on)).toEqual({ items: 1, sequences: [] });
    expect(await rowsOf(off)).toEqual({ items: 1, sequences: [0] });
    expect(await rowsOf(other)).toEqual({ items: 1, sequences: [] });
  });

  it('without a transaction, commits each one-statement change with its event as it is made', async () => {
    const probe = new Probe();
    await unitOfWork.run(() => save(probe));
    const switchOn = {
      sql: `UPDATE probe_item SET switched_on = true WHERE id = $1 AND NOT switched_on RETURNING id`,
      params: [probe.id],
    };

    await unitOfWork.runWithoutTransaction(async () => {
      expect(await unitOfWork.saveInOneStatement(probe.step(0), switchOn)).toBe(true);
      // Seen from another connection before the work ends: no transaction holds it back.
      expect(await rowsOf(probe)).toEqual({ items: 1, sequences: [0] });
      expect(await unitOfWork.saveInOneStatement(probe.step(1), switchOn)).toBe(false);
    });

    expect(await rowsOf(probe)).toEqual({ items: 1, sequences: [0] });
  });

  it('adds an event recorded in several versions once per version, with one id', async () => {
    const probe = new Probe().stepInVersions(0);

    await unitOfWork.run(() => save(probe));

    const rows: Array<{ event_id: string; event_type: string; topic: string }> = await dataSource.query(
      `SELECT event_id, event_type, topic FROM outbox WHERE message_key = $1 ORDER BY position`,
      [probe.id],
    );
    expect(rows.map((row) => row.topic)).toEqual(['vouch.test.probes.v1', 'vouch.test.probes.v2']);
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(1);
  });

  it('refuses to record versions of different event types as one event', () => {
    const events = new RecordedEvents();
    const Other = defineEvent({ ...ProbeRecordedV1, type: 'OtherRecorded' });
    const data = probeData({ aggregateId: randomUUID(), sequence: 0 });
    expect(() =>
      events.recordInVersions(
        [
          [ProbeRecordedV1, data],
          [Other, data],
        ],
        { subject: data.aggregateId },
      ),
    ).toThrow('versions of one event type expected');
    expect(events.pull()).toEqual([]);
  });

  it('refuses a repository outside any unit of work', async () => {
    await expect(save(new Probe().step(0))).rejects.toThrow(NoUnitOfWorkError);
  });
});
