import { Client } from 'pg';
import { waitFor } from '@vouch/testing';

/** The advisory lock the one publishing relay of a service database holds (libs/messaging outbox-relay.ts). */
const RELAY_LEADER_LOCK = [48_151_623, 42] as const;

/**
 * Catches a service's outbox relay between publishing a batch to Kafka and marking it published, so
 * a kill lands exactly there rather than by luck. While the trap holds the relay's leadership lock,
 * the service's events pile up unpublished; the trap share-locks them and lets the relay lead. The
 * relay publishes them, cannot mark them while the trap's locks stay, and goes on with later
 * events. The trap writes nothing: it takes locks and rolls back.
 */
export class RelayTrap {
  private closed = false;
  /** The newest of the events the trap locked. */
  private lastLockedPosition = '0';

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
    const { rows } = await this.locks.query<{ position: string }>(
      'SELECT position FROM outbox WHERE published_at IS NULL ORDER BY position FOR SHARE',
    );
    this.lastLockedPosition = rows.at(-1)?.position ?? '0';
    await this.locks.query('SELECT pg_advisory_unlock($1, $2)', [...RELAY_LEADER_LOCK]);
    return rows.length;
  }

  /**
   * Resolves once the relay has published the locked events, which it cannot mark: it has marked a
   * later one, and it publishes in the order the events were written.
   */
  async waitUntilPublishedUnmarked(): Promise<void> {
    await waitFor(
      'the outbox relay to publish the locked events and mark a later one',
      async () =>
        (
          await this.observer.query(
            'SELECT 1 FROM outbox WHERE position > $1 AND published_at IS NOT NULL LIMIT 1',
            [this.lastLockedPosition],
          )
        ).rowCount,
      (count) => (count ?? 0) > 0,
      { timeoutMs: 30_000, intervalMs: 5 },
    );
  }

  /** Rolls back and disconnects: the locks go. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.locks.query('ROLLBACK').catch(() => undefined);
    await Promise.all([this.locks.end(), this.observer.end()]);
  }
}
