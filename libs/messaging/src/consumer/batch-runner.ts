import { Logger } from '@nestjs/common';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { Inbox } from '../inbox/inbox';
import type { KafkaSettings } from '../kafka/kafka-settings';
import type { ConsumerObserver } from './consumer-observer';
import type { EventConsumerSettings } from './event-consumer-settings';
import { describeError, inConsumerSpan, type RunHandler } from './event-handling';
import { locksDeclaredFor } from './event-handlers.decorator';
import type { OffsetCommits } from './offset-commits';
import { whileHeartbeating, type PartitionBatch } from './partition-batch';
import type { Decoded, Received } from './received-message';
import { runsOf, splitAfterRollback } from './run-split';
import { isLockTimeout, lockUpFront } from './shared-transaction-locks';
import type { SingleEventProcessor } from './single-event-processor';

/** How a shared transaction ended: committed, or rolled back, and at which event of the run if a handler failed. */
type SharedOutcome = { committed: true } | { committed: false; failedAt?: number };

/**
 * Applies the batches kafkajs fetches, a partition's at a time. Consecutive events share one
 * transaction with their inbox records, so a backlog costs fewer round trips per event the longer
 * it grows; offsets move only after their events' transaction committed (or they were
 * dead-lettered). A run that fails together is split, and an event that fails alone is left to the
 * single-event processor and its retries.
 */
export class BatchRunner {
  private readonly log = new Logger(BatchRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: Inbox,
    private readonly single: SingleEventProcessor,
    private readonly observer: ConsumerObserver,
    private readonly settings: Pick<
      EventConsumerSettings,
      'group' | 'maxEventsPerTransaction' | 'heartbeatIntervalMs'
    >,
    private readonly kafkaSettings: Pick<KafkaSettings, 'topicPrefix'>,
    private readonly commits: OffsetCommits,
    private readonly decode: (message: KafkaMessage) => Decoded,
    private readonly runHandler: RunHandler,
  ) {}

  async apply(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, pause, isRunning, isStale } = payload;
    this.commits.track(payload);
    // A rebalance that a heartbeat during a handler met: the batch stops after the transaction in
    // progress and gives kafkajs the error, which rejoins at once instead of after the batch.
    let rebalancing: unknown;
    const partitionBatch: PartitionBatch = {
      topic: this.logicalTopic(batch.topic),
      partition: batch.partition,
      heartbeat: async () => {
        try {
          await heartbeat();
        } catch (error) {
          if (isRebalancing(error)) rebalancing ??= error;
          throw error;
        }
      },
      stillOurs: () => isRunning() && !isStale() && rebalancing === undefined,
      resolveOffset,
      pauseFor: (delayMs) => {
        // kafkajs fetches the partition again from its first unresolved offset once resumed; a
        // partition moved to another member meanwhile is not ours to resume, and resuming it is a no-op.
        setTimeout(pause(), delayMs).unref();
      },
    };
    const received = batch.messages.map((message) => ({ message, decoded: this.decode(message) }));
    for (const run of runsOf(received, this.settings.maxEventsPerTransaction)) {
      if (!partitionBatch.stillOurs()) break;
      if ((await this.applyRun(run, partitionBatch)) === 'abandoned') break;
      const last = run[run.length - 1].message;
      resolveOffset(last.offset);
      await this.commits.commitIfDue(payload);
      await heartbeat();
      this.observer.lagMeasured(
        partitionBatch.topic,
        batch.partition,
        Math.max(0, Number(batch.highWatermark) - Number(last.offset) - 1),
      );
    }
    // The member is leaving the group or losing partitions: what it processed is committed first.
    if (!isRunning() || rebalancing !== undefined) await this.commits.commitNow();
    // Not while stopping: kafkajs would rejoin the group it is about to leave.
    if (rebalancing !== undefined && isRunning()) throw rebalancing;
  }

  /**
   * A run goes in one transaction; when that rolls back, it is split (splitAfterRollback) and goes
   * on. Events left unresolved when given up for a stop or a rebalance are read again by whoever
   * owns the partition next.
   */
  private async applyRun(run: Received[], batch: PartitionBatch): Promise<'done' | 'abandoned'> {
    let rest = run;
    let together = true;
    while (rest.length > 0) {
      if (!batch.stillOurs()) return 'abandoned';
      let [alone, ...after] = rest;
      if (together && rest.length > 1) {
        const shared = await this.applyTogether(rest, batch);
        if (shared.committed) {
          batch.resolveOffset(rest[rest.length - 1].message.offset);
          return 'done';
        }
        const split = splitAfterRollback(rest, shared.failedAt);
        if (split.before.length > 0 && (await this.applyRun(split.before, batch)) === 'abandoned')
          return 'abandoned';
        ({ alone, after } = split);
        together = split.afterTogether;
      }
      if ((await this.single.process(alone, batch)) === 'abandoned') return 'abandoned';
      batch.resolveOffset(alone.message.offset);
      rest = after;
    }
    return 'done';
  }

  /** One transaction for the whole run; when it rolled back, which event's handler failed, if one did. */
  private async applyTogether(run: Received[], batch: PartitionBatch): Promise<SharedOutcome> {
    const { topic, partition } = batch;
    const events = run.flatMap(({ decoded }) => (decoded.kind === 'event' ? [decoded] : []));
    let failedAt: number | undefined;
    try {
      await whileHeartbeating(batch.heartbeat, this.settings.heartbeatIntervalMs, () =>
        this.dataSource.transaction(async (manager) => {
          await lockUpFront(
            manager,
            events.flatMap(({ event, handler }) => locksDeclaredFor(handler, event)),
          );
          const fresh = await this.inbox.recordAll(
            manager,
            this.settings.group,
            events.map(({ event }) => event),
          );
          for (const [index, { message, decoded }] of run.entries()) {
            if (decoded.kind !== 'event' || !fresh.delete(decoded.event.id)) continue;
            const { event, handler } = decoded;
            const handling = { event, handler, topic, partition, offset: message.offset, attempt: 1 };
            try {
              await inConsumerSpan(handling, this.settings.group, () => this.runHandler(manager, handling));
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
          ? `${run.length} events from ${topic}/${partition} rolled back together, ${failed.event.type} ${failed.event.id} goes alone: ${describeError(error)}`
          : `${run.length} events from ${topic}/${partition} failed together, handling them one by one: ${describeError(error)}`;
      // Meeting a lock is expected under load, and going alone is the answer; anything else is news.
      if (isLockTimeout(error)) this.log.debug(message);
      else this.log.warn(message);
      return { committed: false, failedAt };
    }
  }

  private logicalTopic(physical: string): string {
    return physical.startsWith(this.kafkaSettings.topicPrefix)
      ? physical.slice(this.kafkaSettings.topicPrefix.length)
      : physical;
  }
}

/** kafkajs' own test (errors.isRebalancing) for an error that means: rejoin the group. */
function isRebalancing(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('type' in error)) return false;
  return ['REBALANCE_IN_PROGRESS', 'NOT_COORDINATOR_FOR_GROUP', 'ILLEGAL_GENERATION'].includes(
    String(error.type),
  );
}
