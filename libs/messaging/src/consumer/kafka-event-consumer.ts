import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { Consumer, Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventCatalogue } from '@vouch/contracts';
import { withAmbientTransaction } from '@vouch/persistence';
import { physicalTopic, type KafkaSettings } from '../kafka/kafka-settings';
import { ensureTopics } from '../kafka/topic-provisioner';
import { Inbox } from '../inbox/inbox';
import { BatchRunner } from './batch-runner';
import type { ConsumerObserver } from './consumer-observer';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { EventContext } from './event-context';
import { consumerTimingProblem, type EventConsumerSettings } from './event-consumer-settings';
import type { Handling } from './event-handling';
import { OffsetCommits } from './offset-commits';
import { decodeMessage } from './received-message';
import { SingleEventProcessor } from './single-event-processor';

export type EventConsumerState = 'idle' | 'starting' | 'running' | 'crashed' | 'stopping' | 'stopped';

/**
 * A Nest transport strategy for Vouch's integration events. Handlers are declared the Nest way,
 * `@HandlesEvent(RecommendationGivenV1)`, and receive the validated CloudEvent and an
 * EventContext. Compared with the stock ServerKafka, it:
 * - routes by the CloudEvents `type` header, and subscribes to exactly the topics its handlers'
 *   types travel on, failing at boot on a pattern that names no known event;
 * - processes partitions concurrently, each in order;
 * - runs handlers in a transaction with inbox records, skipping events already processed, and
 *   moves the offset only after that transaction committed; consecutive events of a partition
 *   share one transaction (BatchRunner); offsets are committed every KAFKA_COMMIT_INTERVAL_MS
 *   rather than after every batch (OffsetCommits);
 * - retries transient failures with backoff, and dead-letters invalid messages, permanent errors
 *   and exhausted retries so one bad message never blocks a partition (SingleEventProcessor);
 * - pauses a partition whose event waits for another topic's (PrerequisiteNotYetAppliedError),
 *   fetching it again after a backoff, so the member's other partitions go on meanwhile;
 * - heartbeats during long handlers, and on close finishes the event in flight before leaving.
 */
export class KafkaEventConsumer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaEventConsumer.name);
  private readonly deadLetters: DeadLetterPublisher;
  private readonly batches: BatchRunner;
  private readonly commits: OffsetCommits;
  private consumer?: Consumer;
  private state: EventConsumerState = 'idle';
  private lastError?: string;
  private observer?: ConsumerObserver;

  constructor(
    private readonly kafka: Kafka,
    private readonly kafkaSettings: Pick<
      KafkaSettings,
      'topicPrefix' | 'topicPartitions' | 'deadLetterRetentionDays'
    >,
    dataSource: DataSource,
    private readonly catalogue: EventCatalogue,
    private readonly settings: EventConsumerSettings,
  ) {
    super();
    const timingProblem = consumerTimingProblem(settings);
    if (timingProblem) throw new Error(`consumer group ${settings.group}: ${timingProblem}`);
    this.deadLetters = new DeadLetterPublisher(kafka, kafkaSettings, settings.group);
    // The observer may come after construction (observe()); the parts report through this.
    const reports: ConsumerObserver = {
      lagMeasured: (topic, partition, lag) => this.observer?.lagMeasured(topic, partition, lag),
      deadLettered: (topic, reason) => this.observer?.deadLettered(topic, reason),
    };
    const inbox = new Inbox();
    this.commits = new OffsetCommits(settings.commitIntervalMs);
    const runHandler = (manager: EntityManager, handling: Handling) => this.runHandler(manager, handling);
    this.batches = new BatchRunner(
      dataSource,
      inbox,
      new SingleEventProcessor(dataSource, inbox, this.deadLetters, reports, settings, runHandler),
      reports,
      settings,
      kafkaSettings,
      this.commits,
      (message) => decodeMessage(message, catalogue, (pattern) => this.messageHandlers.get(pattern)),
      runHandler,
    );
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
    this.commits.stop();
    await this.commits.commitNow();
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
      // a rebalance (a dead member's partitions to take over) that much later: at most a heartbeat.
      maxWaitTimeInMs: this.settings.fetchMaxWaitMs,
      minBytes: this.settings.fetchMinBytes,
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
      autoCommit: this.commits.afterEveryBatch,
      autoCommitInterval: this.settings.commitIntervalMs,
      eachBatch: (payload) => this.batches.apply(payload),
    });
    this.commits.start();
    this.log.log(`consumer group ${this.settings.group} reads ${topics.join(', ')}`);
  }

  /**
   * Calls the Nest handlers of an event (and any chained behind the first) with its context, in
   * the event's transaction made ambient: a use case's unit of work joins it, so its writes commit
   * with the inbox record.
   */
  private async runHandler(
    manager: EntityManager,
    { event, handler, topic, partition, offset, attempt }: Handling,
  ): Promise<void> {
    const context = new EventContext(event, manager, topic, partition, offset, attempt);
    await withAmbientTransaction(manager, async () =>
      lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined }),
    );
    this.log.debug(`handled ${event.type} from ${topic}/${partition}@${offset}`);
  }
}
