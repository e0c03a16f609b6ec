import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '@vouch/platform';
import type { Page } from '@vouch/contracts';
import type { DeliveryStatus } from '../domain/delivery';
import { DeliveryEntity } from '../infrastructure/delivery.entity';

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

/** The delivery log of one recipient, newest first: what was sent, failed or is still pending. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(recipientId: string, page: { limit: number; cursor?: string }): Promise<Page<DeliveryView>> {
    const after = decodeCursor(page.cursor);
    const query = this.dataSource
      .createQueryBuilder(DeliveryEntity, 'delivery')
      .where('delivery.recipientId = :recipientId', { recipientId });
    if (after) {
      query.andWhere(
        '(delivery.createdAt, delivery.id) < (CAST(:afterKey AS timestamptz), CAST(:afterId AS uuid))',
        { afterKey: after.key, afterId: after.id },
      );
    }
    const rows = await query
      .orderBy('delivery.createdAt', 'DESC')
      .addOrderBy('delivery.id', 'DESC')
      .limit(page.limit + 1)
      .getMany();
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
