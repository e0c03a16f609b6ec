import { randomUUID } from 'node:crypto';
import {
  Partitioners,
  type Admin,
  type IHeaders,
  type Kafka,
  type KafkaMessage,
  type Message,
} from 'kafkajs';
import { CloudEventHeaders, deadLetterTopic } from '@vouch/contracts';
import { DeadLetterHeaders } from '@vouch/messaging';
import {
  partitionPositions,
  readRanges,
  type PartitionPosition,
  type PartitionRange,
} from './partition-ranges';

/** Added to a replayed message: where in which dead-letter topic it came from. */
export const DEAD_LETTER_REPLAYED_FROM_HEADER = 'dlq-replayed-from';

/** Dead-letter topics are `<prefix><topic>.dlq.<group>`. */
const DEAD_LETTER_TOPIC_PATTERN = /\.dlq\./;

/** The topic is not on the cluster, or is no dead-letter topic. */
export class UnknownDeadLetterTopicError extends Error {
  override readonly name = 'UnknownDeadLetterTopicError';
}

/** The selection names no message of the topic, or the message cannot be replayed as it is. */
export class DeadLetterSelectionError extends Error {
  override readonly name = 'DeadLetterSelectionError';
}

export interface DeadLetterTopicSummary {
  topic: string;
  partitions: number;
  /** Messages the topic holds: high minus low watermark, over all partitions. */
  messages: number;
  /** Messages `replay --all` has not passed yet. */
  notReplayed: number;
}

/** A dead letter as stored, with the headers the consumer and the CloudEvents binding gave it. */
export interface StoredDeadLetter {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId?: string;
  eventType?: string;
  reason?: string;
  error?: string;
  /** The logical topic it was consumed from (without the prefix). */
  originalTopic?: string;
  originalPartition?: number;
  originalOffset?: string;
  consumerGroup?: string;
  attempts?: number;
  failedAt?: string;
  value: string | null;
  /** Whether `replay --all` has passed it. */
  replayed: boolean;
}

export interface ShowOptions {
  /** Only this partition; all by default. */
  partition?: number;
  /** Start at this offset in each partition read; the oldest kept by default. */
  offset?: number;
  /** At most this many messages in all. */
  limit?: number;
}

/** `all`: everything `replay --all` has not passed yet; otherwise one message. */
export type ReplaySelection = { all: true } | { partition?: number; offset: number };

export interface ReplayOptions {
  /** Reads and reports, publishes and records nothing. */
  dryRun?: boolean;
  /** The prefix of the original topic; by default derived from the dead letter's own headers. */
  topicPrefix?: string;
}

export interface ReplayedDeadLetter {
  letter: StoredDeadLetter;
  /** The physical topic it was (or would be) published to. */
  to: string;
}

export interface ReplayResult {
  topic: string;
  /** The consumer group whose offsets record what was replayed. */
  replayerGroup: string;
  dryRun: boolean;
  replayed: ReplayedDeadLetter[];
}

/**
 * What an operator does with dead letters: lists the dead-letter topics, shows their messages and
 * replays them to their original topic. Kafka cannot delete a message, so what was replayed is
 * recorded as the committed offsets of the consumer group `<dead-letter topic>.replayer`.
 */
export class DeadLetterStore {
  constructor(private readonly kafka: Kafka) {}

  /** The consumer group that records how far `replay --all` got. */
  static replayerGroup(topic: string): string {
    return `${topic}.replayer`;
  }

  /** Every dead-letter topic on the cluster (those starting with `topicPrefix`, if given). */
  async list({ topicPrefix = '' }: { topicPrefix?: string } = {}): Promise<DeadLetterTopicSummary[]> {
    return this.withAdmin(async (admin) => {
      const topics = (await admin.listTopics())
        .filter((topic) => DEAD_LETTER_TOPIC_PATTERN.test(topic) && topic.startsWith(topicPrefix))
        .sort();
      return Promise.all(
        topics.map(async (topic) => {
          const positions = await partitionPositions(admin, topic, DeadLetterStore.replayerGroup(topic));
          return {
            topic,
            partitions: positions.length,
            messages: sum(positions.map((position) => position.high - position.low)),
            notReplayed: sum(positions.map((position) => position.high - position.next)),
          };
        }),
      );
    });
  }

  /** The topic's messages, by partition and offset. */
  async show(
    topic: string,
    { partition, offset, limit = 20 }: ShowOptions = {},
  ): Promise<StoredDeadLetter[]> {
    const positions = await this.positionsOf(topic);
    const selected = positions.filter(
      (position) => partition === undefined || position.partition === partition,
    );
    if (selected.length === 0)
      throw new DeadLetterSelectionError(
        `${topic} has no partition ${partition} (it has 0 to ${positions.length - 1})`,
      );
    const ranges = selected.map((position) => {
      const from = Math.max(position.low, offset ?? position.low);
      return { partition: position.partition, from, to: Math.min(position.high, from + limit) };
    });
    const letters = await this.read(topic, ranges, positions);
    return letters.slice(0, limit);
  }

  /**
   * Publishes dead letters again to the topic they came from, with their key, value and headers
   * minus the dead-letter ones, plus where they were replayed from. Consumers' inboxes skip an
   * event they already processed, so replaying one that was in fact processed changes nothing.
   */
  async replay(
    topic: string,
    selection: ReplaySelection,
    options: ReplayOptions = {},
  ): Promise<ReplayResult> {
    const positions = await this.positionsOf(topic);
    const replayerGroup = DeadLetterStore.replayerGroup(topic);
    const ranges = 'all' in selection ? pendingRanges(positions) : [singleRange(topic, positions, selection)];
    const result: ReplayResult = { topic, replayerGroup, dryRun: options.dryRun ?? false, replayed: [] };
    if (options.dryRun) {
      const letters = await this.read(topic, ranges, positions);
      result.replayed = letters.map((letter) => ({ letter, to: this.originalTopicOf(letter, options) }));
      return result;
    }
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      const nextByPartition = new Map(positions.map((position) => [position.partition, position.next]));
      const existingTopics = new Set<string>();
      await readRanges(
        this.kafka,
        topic,
        ranges,
        async (partition, messages, commit) => {
          const replays = messages.map((message) => {
            const letter = toStoredDeadLetter(topic, partition, message, nextByPartition);
            return {
              letter,
              to: this.originalTopicOf(letter, options),
              message: replayedMessage(letter, message),
            };
          });
          const targets = [...new Set(replays.map((replay) => replay.to))];
          await this.ensureTopicsExist(targets, existingTopics);
          await producer.sendBatch({
            acks: -1,
            topicMessages: targets.map((to) => ({
              topic: to,
              messages: replays.filter((replay) => replay.to === to).map((replay) => replay.message),
            })),
          });
          result.replayed.push(...replays.map(({ letter, to }) => ({ letter, to })));
          // Only the next messages in line move the record: one replayed out of line is not "all up to it".
          const next = nextByPartition.get(partition) ?? 0;
          const first = Number(messages[0].offset);
          const last = Number(messages[messages.length - 1].offset);
          if (first <= next && last >= next) {
            await commit(last + 1);
            nextByPartition.set(partition, last + 1);
          }
        },
        { groupId: replayerGroup },
      );
    } finally {
      await producer.disconnect();
    }
    return result;
  }

  private originalTopicOf(letter: StoredDeadLetter, { topicPrefix }: ReplayOptions): string {
    const position = `${letter.topic} ${letter.partition}@${letter.offset}`;
    if (!letter.originalTopic)
      throw new DeadLetterSelectionError(`${position} has no ${DeadLetterHeaders.originalTopic} header`);
    if (topicPrefix !== undefined) return `${topicPrefix}${letter.originalTopic}`;
    // The dead-letter topic is `<prefix><original topic>.dlq.<group>`: what comes before that is the prefix.
    const logicalName = letter.consumerGroup && deadLetterTopic(letter.originalTopic, letter.consumerGroup);
    if (!logicalName || !letter.topic.endsWith(logicalName))
      throw new DeadLetterSelectionError(
        `cannot tell the topic prefix of ${position} from its headers; give the topic prefix explicitly`,
      );
    return `${letter.topic.slice(0, -logicalName.length)}${letter.originalTopic}`;
  }

  private async read(
    topic: string,
    ranges: PartitionRange[],
    positions: PartitionPosition[],
  ): Promise<StoredDeadLetter[]> {
    const next = new Map(positions.map((position) => [position.partition, position.next]));
    const letters: StoredDeadLetter[] = [];
    // A group of its own, so reading never disturbs a replay, and deleted afterwards.
    const readerGroup = `${topic}.reader-${randomUUID()}`;
    await readRanges(
      this.kafka,
      topic,
      ranges,
      async (partition, messages) => {
        letters.push(...messages.map((message) => toStoredDeadLetter(topic, partition, message, next)));
      },
      { groupId: readerGroup },
    );
    if (ranges.some((range) => range.from < range.to))
      await this.withAdmin((admin) => admin.deleteGroups([readerGroup])).catch(
        // Not worth failing the read for: an empty group without offsets expires on its own.
        () => undefined,
      );
    return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
  }

  private async positionsOf(topic: string): Promise<PartitionPosition[]> {
    if (!DEAD_LETTER_TOPIC_PATTERN.test(topic))
      throw new UnknownDeadLetterTopicError(
        `${topic} is not a dead-letter topic (<prefix><topic>.dlq.<group>)`,
      );
    return this.withAdmin(async (admin) => {
      if (!(await admin.listTopics()).includes(topic))
        throw new UnknownDeadLetterTopicError(`no topic ${topic} on the cluster`);
      return partitionPositions(admin, topic, DeadLetterStore.replayerGroup(topic));
    });
  }

  /** Fails with a clear message instead of kafkajs' "unknown topic" retries; `known` caches the answer. */
  private async ensureTopicsExist(topics: string[], known: Set<string>): Promise<void> {
    if (topics.every((topic) => known.has(topic))) return;
    for (const topic of await this.withAdmin((admin) => admin.listTopics())) known.add(topic);
    const missing = topics.filter((topic) => !known.has(topic));
    if (missing.length > 0)
      throw new DeadLetterSelectionError(
        `the original topic ${missing.join(', ')} does not exist on the cluster`,
      );
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** What `replay --all` has not passed yet, per partition. */
function pendingRanges(positions: PartitionPosition[]): PartitionRange[] {
  return positions.map((position) => ({
    partition: position.partition,
    from: position.next,
    to: position.high,
  }));
}

function singleRange(
  topic: string,
  positions: PartitionPosition[],
  { partition, offset }: { partition?: number; offset: number },
): PartitionRange {
  if (partition === undefined && positions.length > 1)
    throw new DeadLetterSelectionError(`${topic} has ${positions.length} partitions: name the partition`);
  const position = positions.find((candidate) => candidate.partition === (partition ?? 0));
  if (!position) throw new DeadLetterSelectionError(`${topic} has no partition ${partition}`);
  if (offset < position.low || offset >= position.high)
    throw new DeadLetterSelectionError(
      `${topic} partition ${position.partition} holds offsets ${position.low} to ${position.high - 1}, not ${offset}`,
    );
  return { partition: position.partition, from: offset, to: offset + 1 };
}

function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function toStoredDeadLetter(
  topic: string,
  partition: number,
  message: KafkaMessage,
  replayerNext: Map<number, number>,
): StoredDeadLetter {
  const header = (name: string) => headerValue(message.headers, name);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    eventId: header(CloudEventHeaders.id),
    eventType: header(CloudEventHeaders.type),
    reason: header(DeadLetterHeaders.reason),
    error: header(DeadLetterHeaders.error),
    originalTopic: header(DeadLetterHeaders.originalTopic),
    originalPartition: optionalNumber(header(DeadLetterHeaders.originalPartition)),
    originalOffset: header(DeadLetterHeaders.originalOffset),
    consumerGroup: header(DeadLetterHeaders.consumerGroup),
    attempts: optionalNumber(header(DeadLetterHeaders.attempts)),
    failedAt: header(DeadLetterHeaders.failedAt),
    value: message.value?.toString() ?? null,
    replayed: Number(message.offset) < (replayerNext.get(partition) ?? 0),
  };
}

/** The original message again: its key, value and headers, without the dead-letter ones. */
function replayedMessage(letter: StoredDeadLetter, message: KafkaMessage): Message {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {}))
    if (!name.startsWith('dlq-')) headers[name] = value;
  headers[DEAD_LETTER_REPLAYED_FROM_HEADER] = `${letter.topic}:${letter.partition}:${letter.offset}`;
  return { key: message.key, value: message.value, headers };
}
