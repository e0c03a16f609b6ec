import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const PURGE_BATCH = 10_000;

/**
 * Deletes the history notifications keeps: deliveries, reminders and reciprocity nudges past their
 * retention. Each purge deletes in batches, so no transaction grows large or holds its locks long,
 * and skips the rows another instance is deleting (or the sender is updating) at that moment.
 */
@Injectable()
export class HistoryRetentionStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Deliveries that ended (sent, failed, skipped, digested) before `before`. Pending and held ones
   * are still to be sent; an email a digest carries stays while the digest is still to be sent, as
   * the digest is written from it.
   */
  purgeFinishedDeliveriesBefore(before: Date): Promise<number> {
    return this.purgeInBatches(
      `DELETE FROM delivery WHERE id IN (
         SELECT id FROM delivery finished
          WHERE status IN ('sent', 'failed', 'skipped', 'digested') AND updated_at < $1
            AND NOT EXISTS (
              SELECT FROM delivery digest WHERE digest.id = finished.digest_id AND digest.status = 'pending')
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      before,
    );
  }

  /** Reminders sent or cancelled before `before`; pending ones are still to fall due. */
  purgeFinishedRemindersBefore(before: Date): Promise<number> {
    return this.purgeInBatches(
      `DELETE FROM request_reminder WHERE request_id IN (
         SELECT request_id FROM request_reminder
          WHERE status <> 'pending' AND finished_at < $1
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      before,
    );
  }

  /** Reciprocity nudges sent before `before`: the pair may be nudged again after that. */
  purgeNudgesBefore(before: Date): Promise<number> {
    return this.purgeInBatches(
      `DELETE FROM reciprocity_ledger WHERE (author_id, subject_id) IN (
         SELECT author_id, subject_id FROM reciprocity_ledger
          WHERE nudged_at < $1
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      before,
    );
  }

  private async purgeInBatches(sql: string, before: Date): Promise<number> {
    let purged = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.dataSource.query(sql, [before, PURGE_BATCH]);
      purged += count;
      if (count < PURGE_BATCH) return purged;
    }
  }
}
