import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage } from '@vouch/platform';
import type { Page } from '@vouch/contracts';
import type { DeliveryStatus } from '../domain/delivery';
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
  updatedAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

export interface ListDeliveriesCommand {
  recipientId: string;
  page: { limit: number; cursor?: string };
}

/** The delivery log of one recipient, newest first: what was sent, failed or is still pending. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(private readonly queries: DeliveryQueries) {}

  async execute({ recipientId, page }: ListDeliveriesCommand): Promise<Page<DeliveryView>> {
    const after = decodeCursor(page.cursor);
    const rows = await this.queries.page(
      recipientId,
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
        updatedAt: row.updatedAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
        failedAt: row.failedAt?.toISOString() ?? null,
      }),
    );
  }
}
