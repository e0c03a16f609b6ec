import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { sleep } from '../backoff';
import type { Inbox } from '../inbox/inbox';
import type { ConsumerObserver } from './consumer-observer';
import type { DeadLetterPublisher } from './dead-letter-publisher';
import type { EventConsumerSettings } from './event-consumer-settings';
import { describeError, inConsumerSpan, type Handling, type RunHandler } from './event-handling';
import { whileHeartbeating, type PartitionBatch } from './partition-batch';
import type { Received } from './received-message';
import { afterFailure } from './retry-policy';

/**
 * Processes one message in a transaction of its own: skips what no handler reads, retries an
 * event's transient failures with backoff, waits out database outages, and hands to the dead-letter
 * topic whatever cannot be processed, so one bad message never blocks a partition.
 */
export class SingleEventProcessor {
  private readonly log = new Logger(SingleEventProcessor.name);
  private readonly prerequisiteWaits = new Map<
    string,
    { waitsForPrerequisite: number; waitedForPrerequisiteMs: number; at: number }
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: Inbox,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly observer: ConsumerObserver,
    private readonly settings: Pick<
      EventConsumerSettings,
      'group' | 'maxAttempts' | 'retryBackoff' | 'prerequisiteWaitMs' | 'heartbeatIntervalMs'
    >,
    private readonly runHandler: RunHandler,
  ) {}

  /**
   * Done once handled, skipped or dead-lettered; abandoned when the partition is no longer ours, or
   * paused while the event waits for another topic.
   */
  async process(
    { message, decoded }: Received,
    batch: Omit<PartitionBatch, 'resolveOffset'>,
  ): Promise<'done' | 'abandoned'> {
    const { topic, partition } = batch;
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
      this.observer.deadLettered(topic, decoded.reason);
      return 'done';
    }
    const { event, handler } = decoded;
    const waiting = `${topic}/${partition}@${message.offset}`;
    const { waitsForPrerequisite = 0, waitedForPrerequisiteMs = 0 } =
      this.prerequisiteWaits.get(waiting) ?? {};
    this.prerequisiteWaits.delete(waiting);
    const history = { attempt: 1, waitsForDatabase: 0, waitsForPrerequisite, waitedForPrerequisiteMs };
    for (;;) {
      const { attempt } = history;
      const handling = { event, handler, topic, partition, offset: message.offset, attempt };
      try {
        await this.heartbeating(batch, () =>
          inConsumerSpan(handling, this.settings.group, () => this.handleOnce(handling)),
        );
        return 'done';
      } catch (error) {
        const description = describeError(error);
        const next = afterFailure(error, history, this.settings);
        if (next.action === 'wait-for-database') {
          if (!batch.stillOurs()) return 'abandoned';
          history.waitsForDatabase += 1;
          this.log.warn(
            `${event.type} ${event.id}: the database is unavailable, retrying in ${next.delayMs} ms: ${description}`,
          );
          await this.heartbeating(batch, () => sleep(next.delayMs));
          continue;
        }
        if (next.action === 'wait-for-prerequisite') {
          // Not here: kafkajs fetches nothing more for this member until its batches are done, so
          // a handler waiting would hold up the very topic it waits for. The partition pauses
          // instead, and the event is fetched again after the delay, its waits remembered.
          if (history.waitsForPrerequisite === 0)
            this.log.warn(
              `${event.type} ${event.id} waits up to ${this.settings.prerequisiteWaitMs} ms for another topic: ${description}`,
            );
          this.rememberWait(waiting, {
            waitsForPrerequisite: history.waitsForPrerequisite + 1,
            waitedForPrerequisiteMs: history.waitedForPrerequisiteMs + next.delayMs,
          });
          batch.pauseFor(next.delayMs);
          return 'abandoned';
        }
        if (next.action === 'dead-letter') {
          const waited =
            history.waitsForPrerequisite > 0 ? ` and ${history.waitedForPrerequisiteMs} ms of waiting` : '';
          this.log.error(
            `dead-lettering ${event.type} ${event.id} after ${attempt} attempt(s)${waited}: ${description}`,
          );
          await this.deadLetters.publish({
            topic,
            partition,
            message,
            reason: next.reason,
            error: description,
            attempts: attempt,
          });
          this.observer.deadLettered(topic, next.reason);
          return 'done';
        }
        this.log.warn(
          `${event.type} ${event.id} failed (attempt ${attempt}), retrying in ${next.delayMs} ms: ${description}`,
        );
        await this.heartbeating(batch, () => sleep(next.delayMs));
        // Its next owner (after a rebalance or a stop) starts its attempts again: none is lost.
        if (!batch.stillOurs()) return 'abandoned';
        history.attempt += 1;
      }
    }
  }

  /**
   * How long the events fetched again after a pause have waited so far, by topic, partition and
   * offset. A partition that moved to another member leaves its entry behind: dropped once older
   * than any wait could be.
   */
  private rememberWait(
    waiting: string,
    waits: { waitsForPrerequisite: number; waitedForPrerequisiteMs: number },
  ): void {
    const now = Date.now();
    for (const [key, { at }] of this.prerequisiteWaits)
      if (now - at > this.settings.prerequisiteWaitMs) this.prerequisiteWaits.delete(key);
    this.prerequisiteWaits.set(waiting, { ...waits, at: now });
  }

  /** One attempt in its own transaction, skipped when the inbox shows the event processed already. */
  private async handleOnce(handling: Handling): Promise<void> {
    const { event } = handling;
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.inbox.record(manager, this.settings.group, event.id, event.type))) {
        this.log.debug(`${event.type} ${event.id} already processed; skipped`);
        return;
      }
      await this.runHandler(manager, handling);
    });
  }

  private heartbeating<T>(batch: Pick<PartitionBatch, 'heartbeat'>, work: () => Promise<T>): Promise<T> {
    return whileHeartbeating(batch.heartbeat, this.settings.heartbeatIntervalMs, work);
  }
}
