import { Injectable } from '@nestjs/common';
import type { DeliveryStatus } from '../domain/delivery';
import { DeliveryQueries } from '../infrastructure/delivery.queries';

/** The emails planned on one day, by status, and the day's bounds to list them with. */
export interface DeliverySummary {
  date: string;
  timeZone: string;
  from: string;
  to: string;
  counts: Record<DeliveryStatus, number>;
}

export interface SummarizeDeliveriesCommand {
  /** YYYY-MM-DD; today in the time zone when left out. */
  date?: string;
  /** An IANA time zone; UTC when left out. */
  timeZone?: string;
}

/** The delivery log at a glance: how many of a day's emails were sent, failed, withheld (skipped) or wait. */
@Injectable()
export class SummarizeDeliveriesUseCase {
  constructor(private readonly queries: DeliveryQueries) {}

  async execute({ date, timeZone = 'UTC' }: SummarizeDeliveriesCommand): Promise<DeliverySummary> {
    const day = await this.queries.dayCounts(date ?? null, timeZone);
    const counts: Record<DeliveryStatus, number> = {
      pending: 0,
      held: 0,
      digested: 0,
      sent: 0,
      failed: 0,
      skipped: 0,
    };
    for (const { status, count } of day.counts) counts[status] = count;
    return { date: day.date, timeZone, from: day.from.toISOString(), to: day.to.toISOString(), counts };
  }
}
