import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageQuery } from '@vouch/platform';
import type { DeliveryView } from '../application/list-deliveries.use-case';
import { EMAIL_CATEGORIES, TRANSACTIONAL } from '../domain/email-category';
import type { DeliveryStatus } from '../domain/delivery';

/** Written as an object so that a status added to DeliveryStatus fails to compile until listed. */
export const DELIVERY_STATUSES = Object.keys({
  pending: true,
  held: true,
  digested: true,
  sent: true,
  failed: true,
  skipped: true,
} satisfies Record<DeliveryStatus, true>);

export class ListDeliveriesQuery extends PageQuery {
  @ApiProperty({ format: 'uuid', description: 'The employee whose emails to list' })
  @IsUUID()
  recipientId!: string;
}

/** One line of the delivery log. */
export class DeliveryDto implements DeliveryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  recipientId!: string;

  @ApiProperty({ example: 'reciprocity-nudge' })
  template!: string;

  @ApiProperty({
    enum: [...EMAIL_CATEGORIES, 'all', TRANSACTIONAL],
    description:
      'what its unsubscribe link switches off; `transactional` (the invitation, a takedown) has none',
  })
  category!: string;

  @ApiProperty({ description: 'the event that caused it' })
  eventId!: string;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description:
      'pending until sent (or failed); held for the daily digest, then digested into it; skipped when nobody wants it any more',
  })
  status!: DeliveryStatus;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'why the last attempt failed, or why it was skipped',
  })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failedAt!: string | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] })
  items!: DeliveryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}
