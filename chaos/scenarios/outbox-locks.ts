import { setTimeout as sleep } from 'node:timers/promises';
import { defaultDatabaseTimeouts, sessionTimeouts, type DatabaseTimeouts } from '@vouch/persistence';
import { Client } from 'pg';
import { waitFor } from '@vouch/testing';
import { FULL_LOAD, runScenario, type UnderLoad } from '../support/harness';
import { type Scenario, PRODUCER_TOPICS, republishedEvents, countDueAfter } from './common';

/**
 * F14. A transaction left idle on the outbox under load: it locks the unpublished events
 * (`SELECT … FOR UPDATE`) the relay is about to mark published, and sits. A stuck connection with
 * the services' own limits (`idle_in_transaction_session_timeout`, 30 s) is ended by the server; an
 * operator's superuser psql has no limit, and only the relay's lock_timeout (10 s) frees the relay,
 * which then gives up its marking and its leadership and publishes again.
 */
export const idleTransactionOnOutbox: Scenario = ({ shape = FULL_LOAD, short = false, log }) => {
  const operatorIdleMs = short ? 30_000 : 10 * 60_000;
  let idleFrom = 0;
  let idleTo = 0;
  return runScenario(
    {
      id: 'idle-transaction-on-outbox',
      title: 'a transaction left idle holding outbox rows the relay must mark (FOR UPDATE)',
      expectation:
        'lost 0, duplicated 0; events keep flowing while the rows stay locked (the longest stall of emails ' +
        'reported); a stuck service session is ended by its idle limit; the relay publishes everything once the ' +
        "operator's session ends",
      shape,
      fault: async (run) => {
        const failures: string[] = [];
        idleFrom = Date.now();
        // A service connection that got stuck: the service's own limits.
        log("a stuck session with the services' limits locks unpublished connections events");
        const stuck = await IdleLocker.open(run, 'connections', defaultDatabaseTimeouts);
        // An operator's forgotten psql: no limits at all.
        log(`an operator's session locks unpublished recommendations events for ${operatorIdleMs / 1000} s`);
        const operators = [await IdleLocker.open(run, 'recommendations')];
        try {
          const stuckEnded = await waitFor(
            'the stuck session to be ended by its idle limit',
            async () => stuck.ended,
            Boolean,
            {
              timeoutMs: 45_000,
              intervalMs: 200,
            },
          ).then(
            () => Date.now(),
            () => undefined,
          );
          if (stuckEnded === undefined)
            failures.push("the idle session with the services' limits was not ended");
          else
            log(
              `the stuck session was ended ${((stuckEnded - stuck.lockedAt) / 1000).toFixed(1)} s after it locked (${stuck.endedBy})`,
            );
          if (!short) {
            log("an operator's session locks unpublished connections events too");
            operators.push(await IdleLocker.open(run, 'connections'));
          }
          await sleep(Math.max(0, operators[0].lockedAt + operatorIdleMs - Date.now()));
          const stillLocked = await Promise.all(operators.map((operator) => operator.stillLocks()));
          if (stillLocked.some((locks) => !locks))
            failures.push("an operator's session lost its locks before it ended");
          idleTo = Date.now();
          log('the operator rolls back');
          await Promise.all(operators.map((operator) => operator.close()));
          const releasedAt = Date.now();
          const drained = await waitFor(
            'the outboxes to be published once the locks are gone',
            () => unpublishedEvents(run),
            (count) => count === 0,
            { timeoutMs: 60_000, intervalMs: 100 },
          ).then(
            () => Date.now() - releasedAt,
            () => undefined,
          );
          if (drained === undefined)
            failures.push('the outboxes kept unpublished events after the locks were gone');
          const stall = longestStall(run, idleFrom, idleTo);
          if (stall.longestMs > MAX_EMAIL_STALL_MS)
            failures.push(
              `no email for ${(stall.longestMs / 1000).toFixed(0)} s while the rows were locked (at most ` +
                `${MAX_EMAIL_STALL_MS / 1000} s expected): the events did not keep flowing`,
            );
          return {
            kills: 0,
            recoveriesMs: drained === undefined ? [] : [drained],
            notes: [
              `the stuck session (services' limits) locked ${stuck.locked} connections events and was ended ` +
                (stuckEnded === undefined
                  ? 'never'
                  : `${((stuckEnded - stuck.lockedAt) / 1000).toFixed(1)} s later (${stuck.endedBy})`),
              `the operator's sessions (no limits) locked ${operators.map((operator) => `${operator.locked} ${operator.service} events`).join(' and ')} ` +
                `for ${(operatorIdleMs / 1000).toFixed(0)} s; every outbox published ${drained ?? '?'} ms after the rollback`,
              `while locked (${((idleTo - idleFrom) / 1000).toFixed(0)} s): ${stall.emails} emails, the longest stall ` +
                `between two emails ${(stall.longestMs / 1000).toFixed(1)} s`,
            ],
            failures,
          };
        } finally {
          await Promise.all([stuck, ...operators].map((locker) => locker.close()));
        }
      },
      verify: async (reconciliation, run) => {
        const republished = (
          await Promise.all(
            (['connections', 'recommendations'] as const).map((name) =>
              republishedEvents(run, PRODUCER_TOPICS[name]),
            ),
          )
        ).reduce((sum, count) => sum + count, 0);
        const lockedDue =
          countDueAfter(reconciliation, idleFrom).due - countDueAfter(reconciliation, idleTo).due;
        return {
          notes: [
            `${lockedDue} emails due for events committed while the rows were locked; ${republished} messages ` +
              'published again after a marking gave up (applied once)',
          ],
          failures: lockedDue === 0 ? ['no event was committed while the rows were locked'] : [],
        };
      },
    },
    log,
  );
};

/**
 * The longest time without an email that still counts as flowing while outbox rows are locked: a
 * marking that gives up at lock_timeout (10 s), the relay's backoff after it (up to 10 s) and a new
 * leadership, with the load's steady stream of emails on either side.
 */
const MAX_EMAIL_STALL_MS = 30_000;

/** A session that locks a service's unpublished outbox events in a transaction and sits idle. */
class IdleLocker {
  private closed = false;

  private constructor(
    private readonly client: Client,
    /** Why the server ended the session, once it did. */
    private readonly end: { by?: string },
    readonly service: string,
    readonly locked: number,
    readonly lockedAt: number,
  ) {}

  /** With `limits`, the session has a service's limits (startup parameters); without, none (superuser psql). */
  static async open(
    run: UnderLoad,
    service: 'connections' | 'recommendations',
    limits?: DatabaseTimeouts,
  ): Promise<IdleLocker> {
    const client = new Client({
      connectionString: run.platform.databaseUrl(service),
      application_name: 'chaos-idle-transaction',
      ...(limits ? sessionTimeouts(limits) : {}),
    });
    const end: { by?: string } = {};
    client.on('error', (error) => {
      end.by ??= error.message;
    });
    await client.connect();
    // The relay publishes an event within milliseconds of its commit: catch one before it does.
    const locked = await waitFor(
      'an unpublished outbox event to lock',
      async () => {
        await client.query('BEGIN');
        const { rowCount } = await client.query(
          'SELECT position FROM outbox WHERE published_at IS NULL AND parked_at IS NULL FOR UPDATE',
        );
        if (!rowCount) await client.query('ROLLBACK');
        return rowCount ?? 0;
      },
      (count) => count > 0,
      { timeoutMs: 120_000, intervalMs: 1 },
    );
    return new IdleLocker(client, end, service, locked, Date.now());
  }

  get ended(): boolean {
    return this.end.by !== undefined;
  }

  get endedBy(): string {
    return this.end.by ?? '';
  }

  /** Whether the session still holds row locks on the outbox (asked in the session itself). */
  async stillLocks(): Promise<boolean> {
    if (this.ended) return false;
    const { rows } = await this.client.query<{ locks: string }>(
      `SELECT count(*) AS locks FROM pg_locks WHERE pid = pg_backend_pid() AND relation = 'outbox'::regclass`,
    );
    return Number(rows[0]?.locks ?? 0) > 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.ended) await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}

/** Unpublished events (parked ones aside) in the connections and recommendations outboxes. */
async function unpublishedEvents(run: UnderLoad): Promise<number> {
  const counts = await Promise.all(
    (['connections', 'recommendations'] as const).map(async (name) => {
      const client = new Client({ connectionString: run.platform.databaseUrl(name) });
      await client.connect();
      try {
        const { rows } = await client.query<{ count: string }>(
          'SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL',
        );
        return Number(rows[0]?.count ?? 0);
      } finally {
        await client.end();
      }
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Emails accepted between `from` and `to`, and the longest time without one in between. */
function longestStall(run: UnderLoad, from: number, to: number): { emails: number; longestMs: number } {
  const arrivals = run.sink.received
    .map((message) => message.receivedAt)
    .filter((at) => at >= from && at <= to)
    .sort((a, b) => a - b);
  const points = [from, ...arrivals, to];
  const gaps = points.slice(1).map((at, index) => at - points[index]);
  return { emails: arrivals.length, longestMs: Math.max(0, ...gaps) };
}
