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

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: Inbox,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly observer: ConsumerObserver,
    private readonly settings: Pick<
      EventConsumerSettings,
      'group' | 'maxAttempts' | 'retryBackoff' | 'heartbeatIntervalMs'
    >,
    private readonly runHandler: RunHandler,
  ) {}

  /** Done once handled, skipped or dead-lettered; abandoned when the partition is no longer ours. */
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
    let attempt = 1;
    let waitsForDatabase = 0;
    for (;;) {
      const handling = { event, handler, topic, partition, offset: message.offset, attempt };
      try {
        await this.heartbeating(batch, () =>
          inConsumerSpan(handling, this.settings.group, () => this.handleOnce(handling)),
        );
        return 'done';
      } catch (error) {
        const description = describeError(error);
        const next = afterFailure(error, { attempt, waitsForDatabase }, this.settings);
        if (next.action === 'wait-for-database') {
          if (!batch.stillOurs()) return 'abandoned';
          waitsForDatabase += 1;
          this.log.warn(
            `${event.type} ${event.id}: the database is unavailable, retrying in ${next.delayMs} ms: ${description}`,
          );
          await this.heartbeating(batch, () => sleep(next.delayMs));
          continue;
        }
        if (next.action === 'dead-letter') {
          this.log.error(
            `dead-lettering ${event.type} ${event.id} after ${attempt} attempt(s): ${description}`,
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
        attempt += 1;
      }
    }
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
