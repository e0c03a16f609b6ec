import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { OutboxRelay } from '../src';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { createProbeApp, interleavedProbes, recordProbes, type ProbeAppConfig } from './fixtures/probe-app';

/** The relay leader's advisory lock (outbox-relay.ts): two int4 keys, as pg_locks shows them. */
const LEADER_LOCK = { classid: 48_151_623, objid: 42 } as const;

/** Resolves with what `work` resolved with, or with 'still waiting' after `ms`. */
function within<T>(ms: number, work: Promise<T>): Promise<T | 'still waiting'> {
  return Promise.race([
    work,
    new Promise<'still waiting'>((resolve) => setTimeout(resolve, ms, 'still waiting')),
  ]);
}

describe('the outbox relay when a database session stalls or dies', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let admin: Client;
  let apps: INestApplication[] = [];
  let blockers: Client[] = [];
  let stalled: QueryRunner[] = [];

  beforeEach(async () => {
    database = await createTestDatabase('relay_faults');
    admin = new Client({ connectionString: database.url, application_name: 'relay-faults-admin' });
    await admin.connect();
  });

  afterEach(async () => {
    // Whatever a test left holding locks goes first, so that no relay stays stuck on them.
    await Promise.all(blockers.map((blocker) => blocker.end().catch(() => undefined)));
    for (const runner of stalled) {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release().catch(() => undefined);
    }
    await Promise.all(apps.map((app) => app.close()));
    apps = [];
    blockers = [];
    stalled = [];
    await admin.end();
    await database.drop();
  });

  async function probeApp(extra: Partial<ProbeAppConfig> = {}): Promise<INestApplication> {
    const app = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix: uniqueTopicPrefix('relay-faults'),
      consumes: false,
      relay: { leaderRetryMs: 200, backoff: { initialDelayMs: 100, maxDelayMs: 500 } },
      ...extra,
    });
    apps.push(app);
    return app;
  }

  async function unpublished(): Promise<number> {
    const { rows } = await admin.query<{ count: string }>(
      'SELECT count(*) FROM outbox WHERE published_at IS NULL',
    );
    return Number(rows[0]?.count);
  }

  /** The server process of the session that holds the relay leader's lock on this database. */
  async function leaderSession(): Promise<number | undefined> {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_locks
        WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [LEADER_LOCK.classid, LEADER_LOCK.objid],
    );
    return rows[0]?.pid;
  }

  /** Resolves once the relay, having published, waits on a lock to mark what it published. */
  async function markingWaitsOnALock(): Promise<void> {
    await waitFor(
      'the relay to wait on a lock to mark what it published',
      async () =>
        (
          await admin.query(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'
                AND query LIKE 'UPDATE outbox SET published_at%'`,
          )
        ).rowCount,
      (count) => (count ?? 0) > 0,
      { timeoutMs: 30_000, intervalMs: 20 },
    );
  }

  /** Events the relay has yet to publish, with the relay stopped while they are written. */
  async function eventsWrittenWhileStopped(app: INestApplication): Promise<void> {
    await app.get(OutboxRelay).stop();
    await recordProbes(app, interleavedProbes(10, 2));
  }

  it('marks and publishes again within seconds when a transaction of its own service sits idle on the rows it marks', async () => {
    const app = await probeApp({ databaseTimeouts: { idleInTransactionTimeoutMs: 1_000 } });
    await eventsWrittenWhileStopped(app);
    // A request of the same service that stalled mid-transaction, holding the events' rows.
    const request = app.get(DataSource).createQueryRunner();
    stalled.push(request);
    await request.startTransaction();
    await request.query('SELECT position FROM outbox WHERE published_at IS NULL FOR UPDATE');

    app.get(OutboxRelay).start();
    await markingWaitsOnALock();
    await recordProbes(app, interleavedProbes(10, 2));

    const started = Date.now();
    await waitFor('every event to be published and marked', unpublished, (count) => count === 0, {
      timeoutMs: 15_000,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('gives up a marking that waits on a lock past lock_timeout, and can stop, rather than hanging', async () => {
    const app = await probeApp({ databaseTimeouts: { lockTimeoutMs: 500 } });
    await eventsWrittenWhileStopped(app);
    // A session of no service (an operator's psql, say): no limits of ours apply to it.
    const operator = new Client({
      connectionString: database.url,
      application_name: 'relay-faults-operator',
    });
    blockers.push(operator);
    await operator.connect();
    await operator.query('BEGIN');
    await operator.query('SELECT position FROM outbox WHERE published_at IS NULL FOR UPDATE');

    const relay = app.get(OutboxRelay);
    relay.start();
    await markingWaitsOnALock();
    // Stopping waits for the batch in flight: for its marking, which the operator's locks hold up.
    expect(await within(5_000, relay.stop())).not.toBe('still waiting');
    expect(relay.isLeader()).toBe(false);

    await operator.query('ROLLBACK');
    relay.start();
    await waitFor('every event to be published and marked', unpublished, (count) => count === 0, {
      timeoutMs: 15_000,
    });
  });

  it('hands leadership to another instance when the leader session is terminated, which publishes within seconds', async () => {
    const first = await probeApp();
    await waitFor('the first instance to lead', async () => first.get(OutboxRelay).isLeader(), Boolean);
    const second = await probeApp();
    const terminated = await leaderSession();
    expect(terminated).toBeDefined();

    await admin.query('SELECT pg_terminate_backend($1)', [terminated]);
    await waitFor(
      'the first instance to give up leadership',
      async () => first.get(OutboxRelay).isLeader(),
      (leading) => !leading,
      {
        timeoutMs: 10_000,
        intervalMs: 20,
      },
    );
    await waitFor('a new leader session', leaderSession, (pid) => pid !== undefined && pid !== terminated, {
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    await recordProbes(second, interleavedProbes(20, 4));
    await waitFor('every event to be published and marked', unpublished, (count) => count === 0, {
      timeoutMs: 10_000,
    });
    expect([first, second].filter((app) => app.get(OutboxRelay).isLeader())).toHaveLength(1);
  });

  it('gives up leadership when its session is terminated while its marking waits on a lock, and another instance leads', async () => {
    const first = await probeApp({ databaseTimeouts: { lockTimeoutMs: 500 } });
    await eventsWrittenWhileStopped(first);
    const operator = new Client({
      connectionString: database.url,
      application_name: 'relay-faults-operator',
    });
    blockers.push(operator);
    await operator.connect();
    await operator.query('BEGIN');
    await operator.query('SELECT position FROM outbox WHERE published_at IS NULL FOR UPDATE');
    first.get(OutboxRelay).start();
    await markingWaitsOnALock();
    const second = await probeApp({ databaseTimeouts: { lockTimeoutMs: 500 } });

    const terminated = await leaderSession();
    await admin.query('SELECT pg_terminate_backend($1)', [terminated]);
    await waitFor(
      'the first instance to give up leadership',
      async () => first.get(OutboxRelay).isLeader(),
      (leading) => !leading,
      {
        timeoutMs: 10_000,
        intervalMs: 20,
      },
    );
    await waitFor('the second instance to lead', async () => second.get(OutboxRelay).isLeader(), Boolean, {
      timeoutMs: 10_000,
    });

    await operator.query('ROLLBACK');
    await recordProbes(second, interleavedProbes(10, 2));
    await waitFor('every event to be published and marked', unpublished, (count) => count === 0, {
      timeoutMs: 15_000,
    });
    expect([first, second].map((app) => app.get(OutboxRelay).isLeader())).toEqual([false, true]);
  });
});
