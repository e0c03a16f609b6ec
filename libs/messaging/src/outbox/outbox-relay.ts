import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { CloudEventHeaders } from '@vouch/contracts';
import { sessionTimeouts, type DatabaseTimeouts } from '@vouch/persistence';
import { markFailed, SpanKind, startSpan, type Span } from '@vouch/telemetry';
import { backoffDelay, type BackoffPolicy } from '../backoff';
import { physicalTopic, type KafkaSettings } from '../kafka/kafka-settings';
import { ensureTopics } from '../kafka/topic-provisioner';
import { OUTBOX_CHANNEL } from './outbox';
import { permanentRefusalOf } from './permanent-refusal';
import type { InboxStore } from '../inbox/inbox';
import type { OutboxRow, OutboxStore } from './outbox-store';

export interface OutboxRelaySettings {
  /** The service's database; the relay holds one connection of its own for leadership and LISTEN. */
  databaseUrl: string;
  /**
   * That connection's limits, as the service's pool has them (the relay's other statements run on
   * the pool, where lock_timeout frees one stuck behind another session's locks; the marking skips
   * locked rows instead of waiting); the server's own unset.
   */
  databaseTimeouts?: DatabaseTimeouts;
  /** Events published per round trip to Kafka. */
  batchSize: number;
  /**
   * How long the relay waits, once a NOTIFY woke it, for more events to join the batch (Kafka's
   * producer `linger.ms`): under load a few events per read, publish and marking instead of one,
   * each event up to that much later. 0 reads at once.
   */
  lingerMs: number;
  /**
   * How often the relay scans the whole outbox for unpublished events. Between scans it reads the
   * events the NOTIFYs of their writers name; the scan catches any event whose NOTIFY it missed.
   */
  pollIntervalMs: number;
  /** How often a follower tries to become the leader. */
  leaderRetryMs: number;
  /** How long published events stay in the outbox, for inspection and replay. */
  retentionMs: number;
  /** How long a processed event's inbox record stays: longer than Kafka could redeliver it. */
  inboxRetentionMs: number;
  purgeIntervalMs: number;
  /** Waits between attempts while Kafka or the database is unreachable. */
  backoff: BackoffPolicy;
  /**
   * Attempts to publish an event Kafka refuses for good (too large, invalid: permanentRefusalOf)
   * before it is parked, and the later events of its key with it. Other refusals never park.
   */
  maxPublishAttempts: number;
}

export const defaultOutboxRelaySettings: Omit<OutboxRelaySettings, 'databaseUrl'> = {
  batchSize: 500,
  // Measured (bench/README.md, "The levers, measured"): at 200/s a quarter of the relay's reads
  // and markings, 0.7-0.8 ms less machine CPU per recommendation.
  lingerMs: 10,
  pollIntervalMs: 1_000,
  leaderRetryMs: 2_000,
  retentionMs: 24 * 60 * 60 * 1000,
  inboxRetentionMs: 30 * 24 * 60 * 60 * 1000,
  purgeIntervalMs: 10 * 60 * 1000,
  backoff: { initialDelayMs: 200, maxDelayMs: 10_000 },
  // 20 to 40 s of backoff: long enough for a refusal that was not for good after all to pass.
  maxPublishAttempts: 10,
};

/**
 * Published events left unmarked behind other sessions' row locks that the relay remembers; past
 * it, the relay waits for the locks to go rather than hold ever more positions in memory.
 */
const MAX_PUBLISHED_UNMARKED = 50_000;

/** Key of the PostgreSQL advisory lock whose holder is the one active relay of a service database. */
const LEADER_LOCK = { namespace: 48_151_623, id: 42 } as const;

/**
 * Publishes the outbox to Kafka. Every instance of a service runs one, but only the holder of an
 * advisory lock publishes, so events leave in the order they were written. The lock lives on a
 * connection of its own: if the leader dies, PostgreSQL drops the connection and the lock with it,
 * and another instance takes over. A batch is marked published only after Kafka acknowledged it
 * (acks=-1, idempotent producer); dying in between republishes it, which consumers' inboxes absorb.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private leader = false;
  private loop?: Promise<void>;
  /** Positions of committed events, named by their writers' NOTIFYs, not yet read. */
  private readonly notifiedPositions = new Set<string>();
  /** The next read scans the whole outbox instead of reading the notified positions. */
  private scanDue = true;
  private lastScan = 0;
  /** Ends the current pause early: on stop, or on a lost connection. */
  private wake?: () => void;
  /** Ends a wait for work early: on NOTIFY. Backoff pauses do not listen to it. */
  private wakeForWork?: () => void;
  private producer?: Producer;
  /**
   * Events published to Kafka whose rows another session locked when the relay came to mark them:
   * left out of the next batches, and marked once the lock is gone. Were this instance to stop
   * first, the next leader publishes them again, and the consumers' inboxes absorb the repeat.
   */
  private readonly publishedUnmarked = new Set<string>();
  private lastMarkingRetry = 0;
  private readonly knownTopics = new Set<string>();
  private lastPurge = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly inbox: InboxStore,
    private readonly kafka: Kafka,
    private readonly kafkaSettings: Pick<
      KafkaSettings,
      'topicPrefix' | 'topicPartitions' | 'deadLetterRetentionDays'
    >,
    private readonly settings: OutboxRelaySettings,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, gives up leadership and disconnects. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
  }

  isLeader(): boolean {
    return this.leader;
  }

  isRunning(): boolean {
    return this.running;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const client = new Client({
        connectionString: this.settings.databaseUrl,
        application_name: 'outbox-relay',
        ...(this.settings.databaseTimeouts ? sessionTimeouts(this.settings.databaseTimeouts) : {}),
        // TCP keepalive from 10 s idle: a leader whose server vanished without closing the
        // connection finds out, rather than going on publishing while another instance leads.
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      });
      let connectionLost = false;
      client.on('error', (error) => {
        connectionLost = true;
        this.logger.warn(`relay connection lost: ${error.message}`);
        this.wake?.();
      });
      client.on('notification', ({ payload }) => {
        // A writer of an earlier version notifies without a position: scan for its event.
        if (payload && /^\d+$/.test(payload)) this.notifiedPositions.add(payload);
        else this.scanDue = true;
        this.wakeForWork?.();
      });
      let failed = false;
      try {
        await client.connect();
        // The server probes the connection too: a leader whose host vanished without closing it
        // releases the leadership lock within about 25 s, not the system default's two hours.
        await client.query(
          'SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3',
        );
        if (await this.acquireLeadership(client, () => connectionLost)) {
          this.leader = true;
          this.logger.log('leading: publishing the outbox');
          await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
          await this.publishWhileLeading(() => connectionLost);
        }
        failures = 0;
      } catch (error) {
        failures += 1;
        failed = true;
        this.logger.error(`relay failed, retrying: ${(error as Error).message}`);
      } finally {
        if (this.leader) this.logger.log('no longer leading');
        this.leader = false;
        // Closing the connection releases the advisory lock for the next leader.
        await client.end().catch(() => undefined);
      }
      // Paused without the lock: another instance leads meanwhile.
      if (failed) await this.pause(backoffDelay(this.settings.backoff, failures));
      // The session was terminated or cut: wait out a follower's retry interval, or reconnecting
      // at once would take the lock back before any other instance tried.
      else if (connectionLost) await this.pause(this.settings.leaderRetryMs);
    }
  }

  private async acquireLeadership(client: Client, lost: () => boolean): Promise<boolean> {
    while (this.running && !lost()) {
      const { rows } = await client.query<{ acquired: boolean }>(
        'SELECT pg_try_advisory_lock($1, $2) AS acquired',
        [LEADER_LOCK.namespace, LEADER_LOCK.id],
      );
      if (rows[0]?.acquired) return true;
      await this.pause(this.settings.leaderRetryMs);
    }
    return false;
  }

  private async publishWhileLeading(lost: () => boolean): Promise<void> {
    // Events committed before the LISTEN notified nobody: start with a scan.
    this.scanDue = true;
    this.notifiedPositions.clear();
    this.publishedUnmarked.clear();
    let kafkaFailures = 0;
    while (this.running && !lost()) {
      await this.retryMarkingIfDue();
      if (this.publishedUnmarked.size >= MAX_PUBLISHED_UNMARKED) {
        await this.pause(this.settings.pollIntervalMs);
        continue;
      }
      await this.lingerForMore();
      const batch = await this.parkBehindParked(await this.nextBatch());
      if (batch.length === 0) {
        await this.purgeIfDue();
        await this.waitForWork(this.settings.pollIntervalMs);
        continue;
      }
      try {
        await this.publish(batch);
        kafkaFailures = 0;
      } catch (error) {
        // Kafka refuses some event of the batch for what it is: find which, one event at a time.
        const failure = permanentRefusalOf(error) ? await this.publishEachAlone(batch, lost) : error;
        if (failure === undefined) continue;
        kafkaFailures += 1;
        const delay = backoffDelay(this.settings.backoff, kafkaFailures);
        this.logger.warn(
          `Kafka refused ${batch.length} events, retrying in ${delay} ms: ${(failure as Error).message}`,
        );
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        this.scanDue = true;
        await this.pause(delay);
        continue;
      }
      await this.markPublished(batch.map((row) => row.position));
      // A short batch was all there was: look again on the next NOTIFY (or scan), not at once.
      if (batch.length < this.settings.batchSize) {
        await this.purgeIfDue();
        await this.waitForWork(this.settings.pollIntervalMs);
      }
    }
  }

  /**
   * The next events to publish: those the NOTIFYs named, in the order they were committed (which
   * keeps each aggregate's order, as its writers commit one after the other), or a scan of the
   * whole outbox when one is due: on leading, after a failure, and at least every poll interval.
   */
  private async nextBatch(): Promise<OutboxRow[]> {
    if (this.scanDue || Date.now() - this.lastScan >= this.settings.pollIntervalMs) {
      // The scan sees every event committed so far, the notified ones with them.
      this.notifiedPositions.clear();
      this.lastScan = Date.now();
      const batch = await this.store.fetchUnpublished(this.settings.batchSize, [...this.publishedUnmarked]);
      // A full batch may have more behind it.
      this.scanDue = batch.length === this.settings.batchSize;
      return batch;
    }
    const positions = [...this.notifiedPositions].slice(0, this.settings.batchSize);
    if (positions.length === 0) return [];
    positions.forEach((position) => this.notifiedPositions.delete(position));
    const rows = await this.store.fetchUnpublishedAt(positions);
    return rows.filter((row) => !this.publishedUnmarked.has(row.position));
  }

  private async publish(batch: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, OutboxRow[]>();
    for (const row of batch) {
      const topic = physicalTopic(this.kafkaSettings, row.topic);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), row]);
    }
    const missing = [...byTopic.keys()].filter((topic) => !this.knownTopics.has(topic));
    if (missing.length > 0) {
      await ensureTopics(this.kafka, missing, this.kafkaSettings);
      missing.forEach((topic) => this.knownTopics.add(topic));
    }
    const producer = await this.connectedProducer();
    const spans = [...byTopic].flatMap(([topic, rows]) => rows.map((row) => publishSpan(topic, row)));
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, rows]) => ({
          topic,
          messages: rows.map((row) => ({ key: row.key, value: row.payload, headers: row.headers })),
        })),
      });
    } catch (error) {
      spans.forEach((span) => span && markFailed(span, (error as Error).message));
      throw error;
    } finally {
      spans.forEach((span) => span?.end());
    }
  }

  /** Parks the events of the batch that a parked event of their key precedes; returns the others. */
  private async parkBehindParked(batch: OutboxRow[]): Promise<OutboxRow[]> {
    const publishable: OutboxRow[] = [];
    for (const row of batch) {
      if (row.parkedBefore === null) publishable.push(row);
      else await this.store.park([row.position], waitsForParked(row.parkedBefore));
    }
    if (publishable.length < batch.length)
      this.logger.warn(
        `parked ${batch.length - publishable.length} events behind a parked event of their key`,
      );
    return publishable;
  }

  /**
   * Publishes a batch Kafka refused for good one event at a time, to find the events it refuses:
   * each of their refusals is an attempt, and the last parks the event. The later events of a
   * refused event's key wait for its next attempt, or are parked with it: each key keeps its order.
   * Returns the error of a refusal of another kind, which the caller retries as any other.
   */
  private async publishEachAlone(batch: OutboxRow[], lost: () => boolean): Promise<unknown> {
    // The refused batch may have left the idempotent producer's sequence numbers behind the broker's.
    await this.dropProducer();
    this.scanDue = true;
    const held = new Set<string>();
    const parked = new Map<string, string>();
    let mostAttempts = 0;
    for (const row of batch) {
      // Another instance may lead by now: it publishes the rest, in order.
      if (!this.running || lost()) return undefined;
      const key = `${row.topic}\u0000${row.key}`;
      const parkedBefore = parked.get(key);
      if (parkedBefore !== undefined) await this.store.park([row.position], waitsForParked(parkedBefore));
      if (parkedBefore !== undefined || held.has(key)) continue;
      try {
        await this.publish([row]);
      } catch (error) {
        await this.dropProducer();
        const refusal = permanentRefusalOf(error);
        if (!refusal) return error;
        const attempts = await this.store.recordRefusal(
          row.position,
          `${refusal}: ${(error as Error).message}`,
        );
        const event =
          `${row.headers[CloudEventHeaders.type] ?? 'event'} ${row.headers[CloudEventHeaders.id] ?? ''}` +
          ` (position ${row.position}, ${row.topic})`;
        if (attempts >= this.settings.maxPublishAttempts) {
          await this.store.park([row.position]);
          parked.set(key, row.position);
          this.logger.error(
            `parked ${event} after ${attempts} attempts: Kafka refuses it for good (${refusal}); ` +
              'the later events of its key are parked with it until an operator releases them',
          );
        } else {
          held.add(key);
          mostAttempts = Math.max(mostAttempts, attempts);
          this.logger.warn(
            `Kafka refused ${event} (${refusal}), attempt ${attempts} of ${this.settings.maxPublishAttempts}`,
          );
        }
        continue;
      }
      await this.markPublished([row.position]);
    }
    if (mostAttempts > 0) await this.pause(backoffDelay(this.settings.backoff, mostAttempts));
    return undefined;
  }

  /** Marks published events; those whose rows another session locks wait in publishedUnmarked. */
  private async markPublished(positions: readonly string[]): Promise<void> {
    const locked = await this.store.markPublished(positions);
    if (locked.length === 0) return;
    if (this.publishedUnmarked.size === 0)
      this.logger.warn(
        `published ${locked.length} events whose outbox rows another session locks (an idle transaction?): ` +
          'later events go on; these are marked once the lock is gone',
      );
    locked.forEach((position) => this.publishedUnmarked.add(position));
  }

  /** Marks the events published earlier whose rows were locked then, at most once per poll interval. */
  private async retryMarkingIfDue(): Promise<void> {
    if (this.publishedUnmarked.size === 0) return;
    if (Date.now() - this.lastMarkingRetry < this.settings.pollIntervalMs) return;
    this.lastMarkingRetry = Date.now();
    const stillLocked = new Set(await this.store.markPublished([...this.publishedUnmarked]));
    for (const position of this.publishedUnmarked)
      if (!stillLocked.has(position)) this.publishedUnmarked.delete(position);
    if (this.publishedUnmarked.size === 0) this.logger.log('marked the events whose rows were locked');
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async purgeIfDue(): Promise<void> {
    if (Date.now() - this.lastPurge < this.settings.purgeIntervalMs) return;
    this.lastPurge = Date.now();
    // The leader keeps both messaging tables trim: one instance does it, not all of them.
    const purged = await this.store.purgePublishedBefore(new Date(Date.now() - this.settings.retentionMs));
    if (purged > 0) this.logger.log(`purged ${purged} published events`);
    const forgotten = await this.inbox.purgeProcessedBefore(
      new Date(Date.now() - this.settings.inboxRetentionMs),
    );
    if (forgotten > 0) this.logger.log(`purged ${forgotten} inbox records`);
  }

  /**
   * Lets the events of the next few milliseconds join those the NOTIFYs named so far, unless a scan
   * is due or a full batch is waiting already.
   */
  private async lingerForMore(): Promise<void> {
    const { lingerMs, batchSize } = this.settings;
    if (lingerMs <= 0 || this.scanDue || this.notifiedPositions.size === 0) return;
    if (this.notifiedPositions.size >= batchSize) return;
    await this.pause(lingerMs);
  }

  /** Waits for a NOTIFY, the poll interval, or stop: whichever comes first; not at all if work is waiting. */
  private async waitForWork(ms: number): Promise<void> {
    if (this.scanDue || this.notifiedPositions.size > 0 || !this.running) return;
    const paused = this.pause(ms);
    this.wakeForWork = this.wake;
    await paused;
    this.wakeForWork = undefined;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** Why an event was parked though Kafka never refused it. */
function waitsForParked(position: string): string {
  return `waits for the parked event at position ${position}, of the same key`;
}

/** The hop from the outbox to Kafka, in the trace of the request or event that wrote the event. */
function publishSpan(topic: string, row: OutboxRow): Span | undefined {
  const traceparent = row.headers[CloudEventHeaders.traceparent];
  if (!traceparent) return undefined;
  return startSpan(`publish ${row.headers[CloudEventHeaders.type] ?? 'event'}`, {
    kind: SpanKind.PRODUCER,
    traceparent,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.message.id': row.headers[CloudEventHeaders.id] ?? '',
    },
  });
}
