import { Injectable } from '@nestjs/common';
import { InvalidFieldsException, decodeCursor, toPage } from '@vouch/platform';
import type { Page } from '@vouch/contracts';
import type { DeliveryStatus } from '../domain/delivery';
import type { EmailTemplate } from '../domain/email-policies';
import { DeliveryQueries } from '../infrastructure/delivery.queries';

/** One line of the delivery log. */
export interface DeliveryView {
  id: string;
  recipientId: string;
  template: string;
  category: string;
  eventId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  dueAt: string;
  updatedAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

export interface ListDeliveriesCommand {
  filter: {
    recipientId?: string;
    statuses?: DeliveryStatus[];
    template?: EmailTemplate;
    from?: string;
    to?: string;
  };
  page: { limit: number; cursor?: string };
}

/**
 * The delivery log, newest first: what was sent, failed, withheld (`skipped`) or is still pending,
 * with why, for one recipient or everyone, narrowed by status, template and when it was planned.
 */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(private readonly queries: DeliveryQueries) {}

  async execute({ filter, page }: ListDeliveriesCommand): Promise<Page<DeliveryView>> {
    const from = filter.from === undefined ? undefined : new Date(filter.from);
    const to = filter.to === undefined ? undefined : new Date(filter.to);
    if (from && to && to < from)
      throw new InvalidFieldsException([{ field: 'to', message: 'to must not be before from' }]);
    const after = decodeCursor(page.cursor);
    const rows = await this.queries.page(
      { ...filter, from, to },
      after ? { at: after.key, id: after.id } : null,
      page.limit,
    );
    return toPage(
      rows,
      page.limit,
      (row) => ({ key: row.createdAt.toISOString(), id: row.id }),
      (row) => ({
        id: row.id,
        recipientId: row.recipientId,
        template: row.template,
        category: row.category,
        eventId: row.eventId,
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt.toISOString(),
        dueAt: row.dueAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
        failedAt: row.failedAt?.toISOString() ?? null,
      }),
    );
  }
}
