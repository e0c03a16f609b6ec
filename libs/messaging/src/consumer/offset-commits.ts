import { Logger } from '@nestjs/common';
import type { EachBatchPayload } from 'kafkajs';
import { describeError } from './event-handling';

/** What a batch hands over to commit the member's offsets: kafkajs binds both to the member, not to the batch's partition. */
export type OffsetCommitting = Pick<EachBatchPayload, 'commitOffsetsIfNecessary' | 'uncommittedOffsets'>;

/**
 * Commits a member's processed offsets at most every interval, where kafkajs' autoCommit commits
 * after every partition batch: a request and a write on the broker each, most of the CPU of a
 * consumer that skips what it reads (bench/README.md, "Cost model"). Commits at once when the
 * member stops or a rebalance takes its partitions, and on a timer, so a partition gone quiet has
 * its last offsets committed too. What a crash leaves uncommitted is read again and skipped by the
 * inbox.
 */
export class OffsetCommits {
  private readonly log = new Logger(OffsetCommits.name);
  private latest?: OffsetCommitting;
  private timer?: NodeJS.Timeout;

  constructor(private readonly intervalMs: number) {}

  /** Whether kafkajs commits after every batch itself (an interval of 0). */
  get afterEveryBatch(): boolean {
    return this.intervalMs === 0;
  }

  start(): void {
    if (this.afterEveryBatch) return;
    this.timer = setInterval(() => void this.commitNow(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The member's latest batch, whose functions commit whatever the member resolved. */
  track(batch: OffsetCommitting): void {
    this.latest = batch;
  }

  /** After a run: commits when the interval passed since the last commit (kafkajs' `autoCommitInterval`). */
  async commitIfDue(batch: OffsetCommitting): Promise<void> {
    if (!this.afterEveryBatch) await batch.commitOffsetsIfNecessary();
  }

  /** Commits everything resolved so far. A failure only means the next owner reads those events again. */
  async commitNow(): Promise<void> {
    const batch = this.latest;
    if (!batch) return;
    const offsets = batch.uncommittedOffsets();
    if (offsets.topics.length === 0) return;
    try {
      await batch.commitOffsetsIfNecessary(offsets);
    } catch (error) {
      this.log.debug(`committing offsets failed; their events will be read again: ${describeError(error)}`);
    }
  }
}
