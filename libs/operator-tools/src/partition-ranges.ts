import { KafkaJSError, type Admin, type Kafka, type KafkaMessage } from 'kafkajs';
import { sleep } from '@vouch/messaging';

/** Offsets `[from, to)` of one partition, to be read. */
export interface PartitionRange {
  partition: number;
  from: number;
  to: number;
}

/** Where a partition's messages start and end, and how far a consumer group got. */
export interface PartitionPosition {
  partition: number;
  /** The first offset still on the broker (earlier ones expired). */
  low: number;
  /** The offset the next message will get. */
  high: number;
  /** The group's next offset to process: at least `low`, at most `high`. */
  next: number;
}

/** Each partition's watermarks and the group's committed position within them. */
export async function partitionPositions(
  admin: Admin,
  topic: string,
  groupId: string,
): Promise<PartitionPosition[]> {
  const [watermarks, committed] = await retryingTransientErrors(() =>
    Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]),
  );
  const committedByPartition = new Map(
    (committed.find((entry) => entry.topic === topic)?.partitions ?? []).map((entry) => [
      entry.partition,
      Number(entry.offset),
    ]),
  );
  return watermarks
    .map((entry) => {
      const low = Number(entry.low);
      const high = Number(entry.high);
      // -1 when the group never committed; behind `low` when what it had not read yet expired.
      const next = Math.min(Math.max(committedByPartition.get(entry.partition) ?? -1, low), high);
      return { partition: entry.partition, low, high, next };
    })
    .sort((a, b) => a.partition - b.partition);
}

/**
 * kafkajs' admin does not retry "not the leader for that topic-partition", which a topic answers
 * for a moment after it was created or its leader moved; the next try a little later succeeds.
 */
async function retryingTransientErrors<T>(work: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof KafkaJSError && error.retriable) || attempt >= attempts) throw error;
      await sleep(200 * attempt);
    }
  }
}

export interface ReadRangesOptions {
  /** Whose offsets `commit` moves, and whose membership claims the partitions while reading. */
  groupId: string;
  /** Gives up when no message arrived for this long. */
  idleTimeoutMs?: number;
}

/** Handles the messages of one fetched batch that fall within the range, in offset order. */
export type RangeBatchHandler = (
  partition: number,
  messages: KafkaMessage[],
  commit: (nextOffset: number) => Promise<void>,
) => Promise<void>;

/**
 * Reads exactly the given ranges of a topic's partitions with a consumer of `groupId`, seeking to
 * each range's start, and returns once every range was handled. The group must have no other
 * member: kafkajs has no manual assignment, so the reader takes all partitions through the group.
 */
export async function readRanges(
  kafka: Kafka,
  topic: string,
  ranges: PartitionRange[],
  handle: RangeBatchHandler,
  { groupId, idleTimeoutMs = 30_000 }: ReadRangesOptions,
): Promise<void> {
  const pending = new Map(ranges.filter((range) => range.from < range.to).map((r) => [r.partition, r]));
  if (pending.size === 0) return;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, sessionTimeout: 10_000 });
  await consumer.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      let idle: NodeJS.Timeout | undefined;
      const fail = (error: Error) => {
        clearTimeout(idle);
        reject(error);
      };
      const stillAlive = () => {
        clearTimeout(idle);
        idle = setTimeout(
          () => fail(new Error(`no messages from ${topic} for ${idleTimeoutMs} ms; gave up reading`)),
          idleTimeoutMs,
        );
      };
      stillAlive();
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        const assigned = new Set(payload.memberAssignment[topic] ?? []);
        const missing = [...pending.keys()].filter((partition) => !assigned.has(partition));
        const unwanted = [...assigned].filter((partition) => !pending.has(partition));
        if (unwanted.length > 0) consumer.pause([{ topic, partitions: unwanted }]);
        if (missing.length > 0)
          fail(
            new Error(
              `another member of ${groupId} holds partition(s) ${missing.join(', ')} of ${topic}; is another run going on?`,
            ),
          );
      });
      consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error));
      consumer
        .subscribe({ topic, fromBeginning: true })
        .then(() => {
          const running = consumer.run({
            autoCommit: false,
            eachBatch: async ({ batch, isRunning }) => {
              const range = pending.get(batch.partition);
              if (!range || !isRunning()) return;
              stillAlive();
              const inRange = batch.messages.filter((message) => {
                const offset = Number(message.offset);
                return offset >= range.from && offset < range.to;
              });
              if (inRange.length > 0)
                await handle(batch.partition, inRange, (nextOffset) =>
                  consumer.commitOffsets([{ topic, partition: batch.partition, offset: String(nextOffset) }]),
                );
              const last = batch.messages.at(-1);
              if (last && Number(last.offset) >= range.to - 1) {
                pending.delete(batch.partition);
                consumer.pause([{ topic, partitions: [batch.partition] }]);
                if (pending.size === 0) {
                  clearTimeout(idle);
                  resolve();
                }
              }
            },
          });
          // Before run() joins the group and fetches: kafkajs applies seeks on the first fetch.
          for (const range of pending.values())
            consumer.seek({ topic, partition: range.partition, offset: String(range.from) });
          return running;
        })
        .catch(fail);
    });
  } finally {
    await consumer.disconnect();
  }
}
