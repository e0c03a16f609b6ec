import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  fromKafkaRecord,
  InvalidEnvelopeError,
  type CloudEvent,
  type EventCatalogue,
} from '@vouch/contracts';
import { backoffDelay, sleep, type BackoffPolicy } from '../backoff';
import { physicalTopic, type KafkaSettings } from '../kafka/kafka-settings';
import { ensureTopics } from '../kafka/topic-provisioner';
import { Inbox } from '../inbox/inbox';
import { isDatabaseUnavailable } from '@vouch/persistence';
import { inSpan, SpanKind, withLogFields } from '@vouch/telemetry';
import type { ConsumerObserver } from './consumer-observer';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { EventContext } from './event-context';
import { PermanentEventError, type DeadLetterReason } from './event-errors';
import { eventPatternOf } from './event-handlers.decorator';

export interface EventConsumerSettings {
  /** The consumer group, one per service (its name, exactly: no `-server` suffix). */
  group: string;
  /** Partitions processed at the same time; each partition stays in order. */
  partitionsConsumedConcurrently: number;
  /**
   * Consecutive events of a partition handled in one transaction: one inbox INSERT and one commit
   * for all of them. An event whose handler fails there is handled again alone, with its retries.
   */
  maxEventsPerTransaction: number;
  /** Attempts per event before it is dead-lettered, the first one included. */
  maxAttempts: number;
  retryBackoff: BackoffPolicy;
  /**
   * How long the group waits for a silent member (killed, its node lost, its event loop stalled)
   * before handing its partitions on: most of the pause after a crash. The broker refuses one
   * below its group.min.session.timeout.ms (6 s by default; a managed Kafka may set more).
   */
  sessionTimeoutMs: number;
  /**
   * How often the member heartbeats, at most a third of the session, also during long handlers;
   * idle fetches wait no longer either, so a member learns of a rebalance within one interval.
   */
  heartbeatIntervalMs: number;
  /**
   * How long a rebalance waits for the live members to rejoin. A member stops its batch once it
   * learns of the rebalance, after the transaction in progress; one slower than this is dropped
   * from the group, rejoins after, and the events it had not committed are read again.
   */
  rebalanceTimeoutMs: number;
  /**
   * The advisory locks (`pg_advisory_xact_lock(hashtext(key))`) an event's handler takes until
   * commit. A transaction shared by several events takes all of theirs first, in one order, so two
   * of them on different partitions wait for each other at most once instead of in a cycle.
   */
  advisoryLocksOf?: (event: CloudEvent) => readonly string[];
}

export const defaultEventConsumerSettings: Omit<EventConsumerSettings, 'group'> = {
  partitionsConsumedConcurrently: 3,
  maxEventsPerTransaction: 50,
  maxAttempts: 5,
  retryBackoff: { initialDelayMs: 200, maxDelayMs: 5_000 },
  // A killed member's partitions move after 6 s plus a heartbeat or so (issue #28: within 10 s);
  // docs/operations.md, "Scale", weighs it against evicting a member that stalls that long.
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 1_000,
  rebalanceTimeoutMs: 30_000,
};

/**
 * Why a consumer's timing cannot work, or nothing: kafkajs itself only refuses a heartbeat not
 * below the session, and one late heartbeat must never cost the session.
 */
export function consumerTimingProblem(
  settings: Pick<EventConsumerSettings, 'sessionTimeoutMs' | 'heartbeatIntervalMs'>,
): string | undefined {
  const { sessionTimeoutMs, heartbeatIntervalMs } = settings;
  if (heartbeatIntervalMs <= 0) return `the heartbeat interval (${heartbeatIntervalMs} ms) must be positive`;
  if (heartbeatIntervalMs * 3 > sessionTimeoutMs)
    return `the heartbeat interval (${heartbeatIntervalMs} ms) must be at most a third of the session timeout (${sessionTimeoutMs} ms)`;
  return undefined;
}

/** How long a transaction shared by several events waits for a lock before they go one by one. */
const SHARED_TRANSACTION_LOCK_TIMEOUT = '100ms';

export type EventConsumerState = 'idle' | 'starting' | 'running' | 'crashed' | 'stopping' | 'stopped';

/** An event handed over for processing, decoded and validated, or the reason it cannot be. */
type Decoded =
  | HandledEvent
  | { kind: 'ignored'; type: string }
  | { kind: 'rejected'; reason: DeadLetterReason; error: string };

interface HandledEvent {
  kind: 'event';
  event: CloudEvent;
  handler: MessageHandler;
}

/** An event on its way to its handler: where it came from, and which attempt this is. */
interface Handling {
  event: CloudEvent;
  handler: MessageHandler;
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

/** A message of a batch, decoded. */
interface Received {
  message: KafkaMessage;
  decoded: Decoded;
}

/** What processing a run needs of its batch. */
interface BatchControls {
  heartbeat: () => Promise<void>;
  stillOurs: () => boolean;
  resolveOffset: (offset: string) => void;
}

/** How a shared transaction ended: committed, or rolled back, and at which event of the run if a handler failed. */
type SharedOutcome = { committed: true } | { committed: false; failedAt?: number };

/**
 * A Nest transport strategy for Vouch's integration events. Handlers are declared the Nest way,
 * `@HandlesEvent(RecommendationGivenV1)`, and receive the validated CloudEvent and an
 * EventContext. Compared with the stock ServerKafka, it:
 * - routes by the CloudEvents `type` header, and subscribes to exactly the topics its handlers'
 *   types travel on, failing at boot on a pattern that names no known event;
 * - processes partitions concurrently, each in order;
 * - runs handlers in a transaction with inbox records, skipping events already processed, and
 *   moves the offset only after that transaction committed; consecutive events of a partition
 *   share one transaction, so a backlog costs fewer round trips per event the longer it grows;
 * - retries transient failures with backoff, and dead-letters invalid messages, permanent errors
 *   and exhausted retries so one bad message never blocks a partition;
 * - heartbeats during long handlers, and on close finishes the event in flight before leaving.
 */
export class KafkaEventConsumer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaEventConsumer.name);
  private readonly inbox = new Inbox();
  private readonly deadLetters: DeadLetterPublisher;
  private consumer?: Consumer;
  private state: EventConsumerState = 'idle';
  private lastError?: string;
  private observer?: ConsumerObserver;

  constructor(
    private readonly kafka: Kafka,
    private readonly kafkaSettings: Pick<KafkaSettings, 'topicPrefix' | 'topicPartitions'>,
    private readonly dataSource: DataSource,
    private readonly catalogue: EventCatalogue,
    private readonly settings: EventConsumerSettings,
  ) {
    super();
    const timingProblem = consumerTimingProblem(settings);
    if (timingProblem) throw new Error(`consumer group ${settings.group}: ${timingProblem}`);
    this.deadLetters = new DeadLetterPublisher(kafka, kafkaSettings, settings.group);
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    if (this.state === 'stopped' || this.state === 'idle') return;
    this.state = 'stopping';
    await this.consumer?.disconnect();
    await this.deadLetters.disconnect();
    this.state = 'stopped';
    this.log.log(`consumer group ${this.settings.group} stopped`);
  }

  /** For the readiness check: running means joined to the group and fetching. */
  health(): { state: EventConsumerState; lastError?: string } {
    return { state: this.state, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  /** Reports lag and dead letters to an observer (the service's metrics). */
  observe(observer: ConsumerObserver): void {
    this.observer = observer;
  }

  on(): never {
    throw new Error('KafkaEventConsumer has no events to subscribe to; use health()');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('the consumer has not started');
    return this.consumer as T;
  }

  /** The logical topics this consumer reads, derived from its handlers' event types and versions. */
  subscribedTopics(): string[] {
    const topics = new Set<string>();
    for (const pattern of this.messageHandlers.keys()) {
      const [, type = '', version = ''] = /^(.+)\.v(\d+)$/.exec(pattern) ?? [];
      const definition = this.catalogue.find(type, Number(version));
      if (!definition) throw new Error(`the event handler of '${pattern}' names no event of the catalogue`);
      topics.add(definition.topic);
    }
    return [...topics];
  }

  private async start(): Promise<void> {
    this.state = 'starting';
    const topics = this.subscribedTopics();
    if (topics.length === 0) {
      this.state = 'running';
      this.log.log(`consumer group ${this.settings.group} has no handlers; not subscribing`);
      return;
    }
    await ensureTopics(
      this.kafka,
      [
        ...topics.map((topic) => physicalTopic(this.kafkaSettings, topic)),
        ...topics.map((topic) => this.deadLetters.topicFor(topic)),
      ],
      this.kafkaSettings,
    );
    const consumer = this.kafka.consumer({
      // The prefix separates groups as it separates topics: kafkajs assigns every topic any member
      // subscribes to across all members, so two setups sharing a group would take each other's events.
      groupId: `${this.kafkaSettings.topicPrefix}${this.settings.group}`,
      sessionTimeout: this.settings.sessionTimeoutMs,
      heartbeatInterval: this.settings.heartbeatIntervalMs,
      rebalanceTimeout: this.settings.rebalanceTimeoutMs,
      // kafkajs heartbeats between fetches, so an idle fetch waiting its default 5 s would learn of
      // a rebalance (a dead member's partitions to take over) that much later.
      maxWaitTimeInMs: this.settings.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.state = 'running';
      this.lastError = undefined;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.state = payload.restart ? 'starting' : 'crashed';
      this.lastError = payload.error.message;
      // A restart is kafkajs recovering (a fresh broker's coordinator still loading, say): a
      // warning; /health/ready answers 503 meanwhile. A consumer that stays down is an error.
      if (payload.restart) this.log.warn(`consumer crashed, restarting: ${payload.error.message}`);
      else this.log.error(`consumer crashed, not restarting: ${payload.error.message}`);
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({
      topics: topics.map((topic) => physicalTopic(this.kafkaSettings, topic)),
      fromBeginning: true,
    });
    await consumer.run({
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
    this.log.log(`consumer group ${this.settings.group} reads ${topics.join(', ')}`);
  }

  private async processBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload) {
    const topic = this.logicalTopic(batch.topic);
    // A rebalance that a heartbeat during a handler met: the batch stops after the transaction in
    // progress and gives kafkajs the error, which rejoins at once instead of after the batch.
    let rebalancing: unknown;
    const beat = async () => {
      try {
        await heartbeat();
      } catch (error) {
        if (isRebalancing(error)) rebalancing ??= error;
        throw error;
      }
    };
    const stillOurs = () => isRunning() && !isStale() && rebalancing === undefined;
    const received = batch.messages.map((message) => ({ message, decoded: this.decode(message) }));
    for (const run of this.runsOf(received)) {
      if (!stillOurs()) break;
      const outcome = await this.processRun(topic, batch.partition, run, {
        heartbeat: beat,
        stillOurs,
        resolveOffset,
      });
      if (outcome === 'abandoned') break;
      const last = run[run.length - 1].message;
      resolveOffset(last.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
      this.observer?.lagMeasured(
        topic,
        batch.partition,
        Math.max(0, Number(batch.highWatermark) - Number(last.offset) - 1),
      );
    }
    // Not while stopping: kafkajs would rejoin the group it is about to leave.
    if (rebalancing !== undefined && isRunning()) throw rebalancing;
  }

  /**
   * A run goes in one transaction. When a handler fails in it, the events before that one go
   * together again, it goes alone with its retries, and the events after it together again; when
   * the transaction fails anywhere else, the run goes one by one. Offsets are resolved only once
   * their events' transaction committed (or they were dead-lettered); events left unresolved when
   * given up for a stop or a rebalance are read again by whoever owns the partition next.
   */
  private async processRun(
    topic: string,
    partition: number,
    run: Received[],
    batch: BatchControls,
  ): Promise<'done' | 'abandoned'> {
    let rest = run;
    let together = true;
    while (rest.length > 0) {
      if (!batch.stillOurs()) return 'abandoned';
      if (together && rest.length > 1) {
        const shared = await this.handleTogether(topic, partition, rest, batch.heartbeat);
        if (shared.committed) {
          batch.resolveOffset(rest[rest.length - 1].message.offset);
          return 'done';
        }
        if (shared.failedAt === undefined) {
          together = false;
        } else if (shared.failedAt > 0) {
          const before = await this.processRun(topic, partition, rest.slice(0, shared.failedAt), batch);
          if (before === 'abandoned') return 'abandoned';
          rest = rest.slice(shared.failedAt);
        }
      }
      const [alone, ...after] = rest;
      const outcome = await this.processMessage(
        topic,
        partition,
        alone.message,
        alone.decoded,
        batch.heartbeat,
        batch.stillOurs,
      );
      if (outcome === 'abandoned') return 'abandoned';
      batch.resolveOffset(alone.message.offset);
      rest = after;
    }
    return 'done';
  }

  /** Consecutive events, up to maxEventsPerTransaction, go together; anything else goes alone. */
  private runsOf(received: Received[]): Received[][] {
    const runs: Received[][] = [];
    let events: Received[] = [];
    for (const item of received) {
      if (item.decoded.kind !== 'event') {
        if (events.length > 0) runs.push(events);
        runs.push([item]);
        events = [];
        continue;
      }
      events.push(item);
      if (events.length === this.settings.maxEventsPerTransaction) {
        runs.push(events);
        events = [];
      }
    }
    if (events.length > 0) runs.push(events);
    return runs;
  }

  /** One transaction for the whole run; when it rolled back, which event's handler failed, if one did. */
  private async handleTogether(
    topic: string,
    partition: number,
    run: Received[],
    heartbeat: () => Promise<void>,
  ): Promise<SharedOutcome> {
    let failedAt: number | undefined;
    try {
      await this.whileHeartbeating(heartbeat, () =>
        this.dataSource.transaction(async (manager) => {
          await this.lockUpFront(manager, run);
          const fresh = await this.inbox.recordAll(
            manager,
            this.settings.group,
            run.flatMap(({ decoded }) => (decoded.kind === 'event' ? [decoded.event] : [])),
          );
          for (const [index, { message, decoded }] of run.entries()) {
            if (decoded.kind !== 'event' || !fresh.delete(decoded.event.id)) continue;
            const { event, handler } = decoded;
            try {
              await this.inSpan(event, topic, 1, () =>
                this.runHandler(manager, {
                  event,
                  handler,
                  topic,
                  partition,
                  offset: message.offset,
                  attempt: 1,
                }),
              );
            } catch (error) {
              failedAt = index;
              throw error;
            }
          }
        }),
      );
      return { committed: true };
    } catch (error) {
      const failed = failedAt === undefined ? undefined : run[failedAt].decoded;
      const message =
        failed?.kind === 'event'
          ? `${run.length} events from ${topic}/${partition} rolled back together, ${failed.event.type} ${failed.event.id} goes alone: ${describe(error)}`
          : `${run.length} events from ${topic}/${partition} failed together, handling them one by one: ${describe(error)}`;
      // Meeting a lock is expected under load, and going alone is the answer; anything else is news.
      if (isLockTimeout(error)) this.log.debug(message);
      else this.log.warn(message);
      return { committed: false, failedAt };
    }
  }

  /**
   * Takes the run's declared locks, ordered by lock, then limits how long anything else may wait:
   * a lock no handler declared holds the locks of every event so far while it waits, and two such
   * transactions can wait for each other, so better to split the run than to wait.
   */
  private async lockUpFront(manager: EntityManager, run: Received[]): Promise<void> {
    const keys = run.flatMap(({ decoded }) =>
      decoded.kind === 'event' ? (this.settings.advisoryLocksOf?.(decoded.event) ?? []) : [],
    );
    // One statement: the inner query's ORDER BY is kept (a sorted subquery is not flattened).
    await manager.query(
      `SELECT set_config('lock_timeout', $2, true)
         FROM (SELECT count(pg_advisory_xact_lock(lock))
                 FROM (SELECT DISTINCT hashtext(key) AS lock FROM unnest($1::text[]) AS key ORDER BY lock) AS declared
              ) AS taken`,
      [keys, SHARED_TRANSACTION_LOCK_TIMEOUT],
    );
  }

  private async processMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    decoded: Decoded,
    heartbeat: () => Promise<void>,
    stillOurs: () => boolean,
  ): Promise<'done' | 'abandoned'> {
    if (decoded.kind === 'ignored') {
      this.log.debug(`no handler for ${decoded.type} at ${topic}/${partition}@${message.offset}; skipped`);
      return 'done';
    }
    if (decoded.kind === 'rejected') {
      this.log.warn(
        `dead-lettering ${topic}/${partition}@${message.offset} (${decoded.reason}): ${decoded.error}`,
      );
      await this.deadLetters.publish({
        topic,
        partition,
        message,
        reason: decoded.reason,
        error: decoded.error,
        attempts: 0,
      });
      this.observer?.deadLettered(topic, decoded.reason);
      return 'done';
    }
    const { event, handler } = decoded;
    let attempt = 1;
    let waitsForDatabase = 0;
    for (;;) {
      try {
        await this.whileHeartbeating(heartbeat, () =>
          this.inSpan(event, topic, attempt, () =>
            this.handleOnce({ event, handler, topic, partition, offset: message.offset, attempt }),
          ),
        );
        return 'done';
      } catch (error) {
        const permanent = error instanceof PermanentEventError;
        const description = describe(error);
        if (!permanent && isDatabaseUnavailable(error)) {
          // An outage is no fault of the event: wait it out, however long, without spending its
          // attempts, or a restart of PostgreSQL would dead-letter whatever was being handled.
          if (!stillOurs()) return 'abandoned';
          waitsForDatabase += 1;
          const delay = backoffDelay(this.settings.retryBackoff, waitsForDatabase);
          this.log.warn(
            `${event.type} ${event.id}: the database is unavailable, retrying in ${delay} ms: ${description}`,
          );
          await this.whileHeartbeating(heartbeat, () => sleep(delay));
          continue;
        }
        if (permanent || attempt >= this.settings.maxAttempts) {
          this.log.error(
            `dead-lettering ${event.type} ${event.id} after ${attempt} attempt(s): ${description}`,
          );
          const reason = permanent ? 'permanent-error' : 'retries-exhausted';
          await this.deadLetters.publish({
            topic,
            partition,
            message,
            reason,
            error: description,
            attempts: attempt,
          });
          this.observer?.deadLettered(topic, reason);
          return 'done';
        }
        const delay = backoffDelay(this.settings.retryBackoff, attempt);
        this.log.warn(
          `${event.type} ${event.id} failed (attempt ${attempt}), retrying in ${delay} ms: ${description}`,
        );
        await this.whileHeartbeating(heartbeat, () => sleep(delay));
        // Its next owner (after a rebalance or a stop) starts its attempts again: none is lost.
        if (!stillOurs()) return 'abandoned';
        attempt += 1;
      }
    }
  }

  /** The consumer span of an event, in the trace of whatever wrote it, with its ids in the logs. */
  private inSpan<T>(event: CloudEvent, topic: string, attempt: number, work: () => Promise<T>): Promise<T> {
    return inSpan(
      `process ${event.type}`,
      {
        kind: SpanKind.CONSUMER,
        ...(event.traceparent ? { traceparent: event.traceparent } : {}),
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': this.settings.group,
          'messaging.message.id': event.id,
          'vouch.attempt': attempt,
        },
      },
      () => withLogFields({ eventId: event.id, eventType: event.type }, work),
    );
  }

  private decode(message: KafkaMessage): Decoded {
    let envelope: CloudEvent;
    try {
      envelope = fromKafkaRecord(message);
    } catch (error) {
      if (error instanceof InvalidEnvelopeError)
        return { kind: 'rejected', reason: 'invalid-envelope', error: error.message };
      throw error;
    }
    // Handlers are registered under `Type.vN` (`@HandlesEvent`); Nest's getHandlerByPattern would
    // first try to parse every pattern as JSON, throwing each time. A version without a handler is
    // skipped: either the service reads none of the type, or it reads the type in another version
    // that comes beside this one.
    const handler = this.messageHandlers.get(
      eventPatternOf({ type: envelope.type, version: envelope.schemaversion }),
    );
    if (!handler) return { kind: 'ignored', type: envelope.type };
    const definition = this.catalogue.find(envelope.type, envelope.schemaversion);
    if (!definition) {
      return {
        kind: 'rejected',
        reason: 'unknown-version',
        error: `${envelope.type} v${envelope.schemaversion} is not known here`,
      };
    }
    const data = definition.schema.safeParse(envelope.data);
    if (!data.success)
      return { kind: 'rejected', reason: 'invalid-data', error: z.prettifyError(data.error) };
    return { kind: 'event', event: { ...envelope, data: data.data }, handler };
  }

  private async handleOnce(handling: Handling) {
    const { event } = handling;
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.record(manager, this.settings.group, event.id, event.type))) {
        this.log.debug(`${event.type} ${event.id} already processed; skipped`);
        return;
      }
      await this.runHandler(manager, handling);
    });
  }

  private async runHandler(
    manager: EntityManager,
    { event, handler, topic, partition, offset, attempt }: Handling,
  ) {
    const context = new EventContext(event, manager, topic, partition, offset, attempt);
    await lastValueFrom(this.transformToObservable(await handler(event, context)), {
      defaultValue: undefined,
    });
    this.log.debug(`handled ${event.type} from ${topic}/${partition}@${offset}`);
  }

  private async whileHeartbeating<T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => heartbeat().catch(() => undefined), this.settings.heartbeatIntervalMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private logicalTopic(physical: string): string {
    return physical.startsWith(this.kafkaSettings.topicPrefix)
      ? physical.slice(this.kafkaSettings.topicPrefix.length)
      : physical;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** kafkajs' own test (errors.isRebalancing) for an error that means: rejoin the group. */
function isRebalancing(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('type' in error)) return false;
  return ['REBALANCE_IN_PROGRESS', 'NOT_COORDINATOR_FOR_GROUP', 'ILLEGAL_GENERATION'].includes(
    String(error.type),
  );
}

/** PostgreSQL's lock_not_available: a lock_timeout expired. */
function isLockTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '55P03';
}
