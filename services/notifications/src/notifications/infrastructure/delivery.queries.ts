import { Injectable } from '@nestjs/common';
import { PooledSqlReader } from '@vouch/persistence';
import type { DeliveryState } from '../domain/delivery';
import { DELIVERY_COLUMNS } from './delivery.repository';

/** Where a page starts: after the row with this creation time and id, newest first. */
export interface PagePosition {
  at: string;
  id: string;
}

/** A recipient with emails held for their digest, and the time zone their digest hour is read in. */
export interface DigestRecipient {
  recipientId: string;
  timeZone: string | null;
}

/** The delivery log, and who has a digest to compose, read outside any transaction. */
@Injectable()
export class DeliveryQueries {
  constructor(private readonly reader: PooledSqlReader) {}

  /** Everyone with emails held for a digest. */
  recipientsWithHeldEmails(): Promise<DigestRecipient[]> {
    return this.reader.query<DigestRecipient>(
      `SELECT DISTINCT delivery.recipient_id AS "recipientId", employee.time_zone AS "timeZone"
         FROM delivery LEFT JOIN employee ON employee.id = delivery.recipient_id
        WHERE delivery.status = 'held'`,
    );
  }

  /** A page of a recipient's deliveries, newest first (one row more than asked, to tell if another follows). */
  async page(recipientId: string, after: PagePosition | null, limit: number): Promise<DeliveryState[]> {
    const position = after ? `AND (created_at, id) < (CAST($3 AS timestamptz), CAST($4 AS uuid))` : '';
    return this.reader.query<DeliveryState>(
      `SELECT ${DELIVERY_COLUMNS} FROM delivery
        WHERE recipient_id = $1 ${position}
        ORDER BY created_at DESC, id DESC
        LIMIT $2`,
      [recipientId, limit + 1, ...(after ? [after.at, after.id] : [])],
    );
  }
}
