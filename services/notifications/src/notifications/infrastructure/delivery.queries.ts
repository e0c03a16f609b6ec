import { Injectable } from '@nestjs/common';
import { PooledSqlReader } from '@vouch/persistence';
import type { DeliveryState, DeliveryStatus } from '../domain/delivery';
import type { EmailTemplate } from '../domain/email-policies';
import { DELIVERY_COLUMNS } from './delivery.repository';

/** Where a page starts: after the row with this creation time and id, newest first. */
export interface PagePosition {
  at: string;
  id: string;
}

/** Which deliveries to list; every part optional, all of them together. */
export interface DeliveryLogFilter {
  recipientId?: string;
  statuses?: DeliveryStatus[];
  template?: EmailTemplate;
  /** Planned at or after this time. */
  from?: Date;
  /** Planned before this time. */
  to?: Date;
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

  /** A page of the deliveries that pass the filter, newest first (one row more than asked, to tell if another follows). */
  async page(filter: DeliveryLogFilter, after: PagePosition | null, limit: number): Promise<DeliveryState[]> {
    const values: unknown[] = [];
    const add = (value: unknown): string => `$${values.push(value)}`;
    const conditions = ['true'];
    if (filter.recipientId) conditions.push(`recipient_id = ${add(filter.recipientId)}`);
    if (filter.statuses?.length) conditions.push(`status = ANY(${add(filter.statuses)}::text[])`);
    if (filter.template) conditions.push(`template = ${add(filter.template)}`);
    if (filter.from) conditions.push(`created_at >= ${add(filter.from)}`);
    if (filter.to) conditions.push(`created_at < ${add(filter.to)}`);
    if (after) conditions.push(`(created_at, id) < (${add(after.at)}::timestamptz, ${add(after.id)}::uuid)`);
    return this.reader.query<DeliveryState>(
      `SELECT ${DELIVERY_COLUMNS} FROM delivery
        WHERE ${conditions.join(' AND ')}
        ORDER BY created_at DESC, id DESC
        LIMIT ${add(limit + 1)}`,
      values,
    );
  }

  /**
   * How many deliveries planned on a day, in a time zone, ended or stand in each status, with the
   * day's bounds as instants (PostgreSQL's time zone rules, so a day of a DST change lasts 23 or 25 hours).
   */
  async dayCounts(
    day: string | null,
    timeZone: string,
  ): Promise<{
    date: string;
    from: Date;
    to: Date;
    counts: Array<{ status: DeliveryStatus; count: number }>;
  }> {
    const [bounds] = await this.reader.query<{ date: string; from: Date; to: Date }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date,
              day::timestamp AT TIME ZONE $2 AS "from",
              (day + 1)::timestamp AT TIME ZONE $2 AS "to"
         FROM (SELECT COALESCE($1::date, (now() AT TIME ZONE $2)::date) AS day) AS chosen`,
      [day, timeZone],
    );
    if (!bounds) throw new Error('PostgreSQL returned no day');
    const counts = await this.reader.query<{ status: DeliveryStatus; count: number }>(
      `SELECT status, count(*)::int AS count FROM delivery
        WHERE created_at >= $1 AND created_at < $2
        GROUP BY status`,
      [bounds.from, bounds.to],
    );
    return { ...bounds, counts };
  }
}
