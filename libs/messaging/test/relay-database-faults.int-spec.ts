import type { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { OutboxRelay, OutboxStore } from '../src';
import {
  createTestDatabase,
  readTopic,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { ProbeRecordedV1 } from './fixtures/probe-events';
import { createProbeApp, interleavedProbes, recordProbes, type ProbeAppConfig } from './fixtures/probe-app';

/** The relay leader's advisory lock (outbox-relay.ts): two int4 keys, as pg_locks shows them. */
const LEADER_LOCK = { classid: 48_151_623, objid: 42 } as const;

/** A view of the outbox whose marking always fails, as on a statement error of the database. */
class MarkingFailsStore extends OutboxStore {
  override markPublished(): Promise<string[]> {
    return Promise.reject(new Error('simulated failure of the marking statement'));
  }
}

/** Seconds until the server's next TCP keepalive probe on its side of a client's connection (`ss`, Linux). */
async function serverKeepaliveSeconds(serverPort: number, clientPort: number): Promise<number | undefined> {
  const { stdout } = await promisify(execFile)('ss', [
    '-tno',
    'state',
    'established',
    `( sport = :${serverPort} and dport = :${clientPort} )`,
  ]);
  const timer = /timer:\(keepalive,([\d.]+)(ms|sec|min)/.exec(stdout);
  if (!timer) return undefined;
  const unit = { ms: 0.001, sec: 1, min: 60 }[timer[2] as 'ms' | 'sec' | 'min'];
  return Number(timer[1]) * unit;
}

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

  /** A session of no service (an operator's psql, say), holding the unpublished events' rows: no limits of ours apply to it. */
  async function operatorLockingUnpublishedRows(): Promise<Client> {
    const operator = new Client({
      connectionString: database.url,
      application_name: 'relay-faults-operator',
    });
    blockers.push(operator);
    await operator.connect();
    await operator.query('BEGIN');
    await operator.query('SELECT position FROM outbox WHERE published_at IS NULL FOR UPDATE');
    return operator;
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
    await recordProbes(app, interleavedProbes(10, 2));

    const started = Date.now();
    await waitFor('every event to be published and marked', unpublished, (count) => count === 0, {
      timeoutMs: 15_000,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('publishes the events written after a session locked outbox rows, and the locked ones, without waiting for the lock', async () => {
    const topicPrefix = uniqueTopicPrefix('relay-locked');
    const app = await probeApp({ topicPrefix });
    await eventsWrittenWhileStopped(app);
    const operator = await operatorLockingUnpublishedRows();

    app.get(OutboxRelay).start();
    await recordProbes(app, interleavedProbes(10, 2));

    // Every event reaches Kafka, the locked ones too; only the locked rows stay unmarked.
    const published = await readTopic(kafkaBrokers, `${topicPrefix}${ProbeRecordedV1.topic}`, 20, {
      timeoutMs: 5_000,
    });
    expect(new Set(published.map((message) => message.headers?.ce_id?.toString())).size).toBe(20);
    await waitFor('the events written after the lock to be marked', unpublished, (count) => count === 10, {
      timeoutMs: 5_000,
    });

    await operator.query('ROLLBACK');
    await waitFor(
      'the locked events to be marked once the lock is gone',
      unpublished,
      (count) => count === 0,
      {
        timeoutMs: 5_000,
      },
    );
  });

  it('stops at once while a session locks rows it published, and the next leader publishes them again', async () => {
    const app = await probeApp();
    await eventsWrittenWhileStopped(app);
    const operator = await operatorLockingUnpublishedRows();
    const relay = app.get(OutboxRelay);
    relay.start();
    await recordProbes(app, interleavedProbes(10, 2));
    await waitFor('the events written after the lock to be marked', unpublished, (count) => count === 10, {
      timeoutMs: 5_000,
    });

    expect(await within(2_000, relay.stop())).not.toBe('still waiting');
    expect(relay.isLeader()).toBe(false);

    await operator.query('ROLLBACK');
    relay.start();
    await waitFor('every event to be published and marked', unpublished, (count) => count === 0, {
      timeoutMs: 15_000,
    });
  });

  it('gives up leadership while it waits to retry after a failure, so another instance publishes meanwhile', async () => {
    const failing = await probeApp({
      relay: { leaderRetryMs: 200, backoff: { initialDelayMs: 10_000, maxDelayMs: 10_000 } },
      outboxStore: (dataSource) => new MarkingFailsStore(dataSource),
    });
    await waitFor('the failing instance to lead', async () => failing.get(OutboxRelay).isLeader(), Boolean);
    const healthy = await probeApp();

    await recordProbes(failing, interleavedProbes(10, 2));
    // Well within the failing instance's 5 to 10 s pause.
    await waitFor('every event to be published and marked', unpublished, (count) => count === 0, {
      timeoutMs: 4_000,
    });
    expect(healthy.get(OutboxRelay).isLeader()).toBe(true);
  });

  it('has the server probe its connection every few seconds, so a leader whose host vanished loses the lock soon', async () => {
    const app = await probeApp();
    await waitFor('the relay to lead', async () => app.get(OutboxRelay).isLeader(), Boolean);
    const session = await leaderSession();
    const { rows } = await admin.query<{ client_port: number }>(
      'SELECT client_port FROM pg_stat_activity WHERE pid = $1',
      [session],
    );
    const serverPort = Number(new URL(database.url).port);

    const nextProbe = await serverKeepaliveSeconds(serverPort, Number(rows[0]?.client_port));
    // tcp_keepalives_idle 10 s (the system default is two hours).
    expect(nextProbe).toBeLessThanOrEqual(10);
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

  it('gives up leadership when its session is terminated while a session locks rows it published, and the next leader marks them', async () => {
    const first = await probeApp();
    await eventsWrittenWhileStopped(first);
    const operator = await operatorLockingUnpublishedRows();
    first.get(OutboxRelay).start();
    await recordProbes(first, interleavedProbes(10, 2));
    await waitFor('the events written after the lock to be marked', unpublished, (count) => count === 10, {
      timeoutMs: 5_000,
    });
    const second = await probeApp();

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
