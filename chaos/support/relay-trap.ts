import { Client } from 'pg';
import { waitFor } from '@vouch/testing';

/** The advisory lock the one publishing relay of a service database holds (libs/messaging outbox-relay.ts). */
const RELAY_LEADER_LOCK = [48_151_623, 42] as const;

/**
 * Catches a service's outbox relay between publishing a batch to Kafka and marking it published, so
 * a kill lands exactly there rather than by luck. While the trap holds the relay's leadership lock,
 * the service's events pile up unpublished; the trap share-locks them, lets the relay lead, and the
 * relay publishes them and then waits on the lock to mark them. The trap writes nothing: it takes
 * locks, ends the statement a killed relay left behind, and rolls back.
 */
export class RelayTrap {
  private closed = false;

  private constructor(
    private readonly locks: Client,
    private readonly observer: Client,
  ) {}

  static async open(databaseUrl: string): Promise<RelayTrap> {
    const locks = new Client({ connectionString: databaseUrl, application_name: 'chaos-relay-trap' });
    const observer = new Client({ connectionString: databaseUrl, application_name: 'chaos-relay-trap' });
    await Promise.all([locks.connect(), observer.connect()]);
    return new RelayTrap(locks, observer);
  }

  /** Takes the leadership lock, once the relay that held it is gone (a killed service's session ends). */
  async takeLeadership(): Promise<void> {
    await waitFor(
      'the outbox relay leadership lock to be free',
      async () =>
        (
          await this.locks.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS acquired', [
            ...RELAY_LEADER_LOCK,
          ])
        ).rows[0]?.acquired,
      Boolean,
      { timeoutMs: 30_000, intervalMs: 20 },
    );
  }

  /** Share-locks the unpublished events and hands leadership back; resolves with how many it locked. */
  async lockUnpublishedAndLetGo(): Promise<number> {
    await this.locks.query('BEGIN');
    const { rowCount } = await this.locks.query(
      'SELECT position FROM outbox WHERE published_at IS NULL FOR SHARE',
    );
    await this.locks.query('SELECT pg_advisory_unlock($1, $2)', [...RELAY_LEADER_LOCK]);
    return rowCount ?? 0;
  }

  /**
   * Resolves once the relay, having published the locked events, waits to mark them; with the
   * server process that runs its marking statement.
   */
  async waitUntilMarkingWaits(): Promise<number> {
    const marking = await waitFor(
      'the outbox relay to wait on marking what it published',
      async () =>
        (
          await this.observer.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE outbox SET published_at%'`,
          )
        ).rows[0]?.pid,
      (pid) => pid !== undefined,
      { timeoutMs: 30_000, intervalMs: 5 },
    );
    return marking ?? Number.NaN;
  }

  /**
   * Ends the marking statement of a relay that was killed while it waited, then lets the locks go.
   * PostgreSQL notices a dead client only when it next writes to it: left alone, the statement
   * would go on once the lock is free and commit the marking the killed process never finished.
   */
  async abandonMarking(marking: number): Promise<void> {
    await this.observer.query('SELECT pg_terminate_backend($1)', [marking]);
    await this.close();
  }

  /** Rolls back and disconnects: the locks go. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.locks.query('ROLLBACK').catch(() => undefined);
    await Promise.all([this.locks.end(), this.observer.end()]);
  }
}
