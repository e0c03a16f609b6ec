import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsISO8601, IsOptional, IsTimeZone, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '@vouch/platform';
import type { DeliveryView } from '../application/list-deliveries.use-case';
import type { DeliverySummary } from '../application/summarize-deliveries.use-case';
import { EMAIL_CATEGORIES, TRANSACTIONAL } from '../domain/email-category';
import type { DeliveryStatus } from '../domain/delivery';
import type { EmailTemplate } from '../domain/email-policies';

/** Written as an object so that a status added to DeliveryStatus fails to compile until listed. */
export const DELIVERY_STATUSES = Object.keys({
  pending: true,
  held: true,
  digested: true,
  sent: true,
  failed: true,
  skipped: true,
} satisfies Record<DeliveryStatus, true>) as DeliveryStatus[];

/** Likewise for the templates: one added to EmailTemplate fails to compile until listed. */
const EMAIL_TEMPLATES = Object.keys({
  'reciprocity-nudge': true,
  'recommendation-received': true,
  'favour-returned': true,
  'recommendation-requested': true,
  'connection-requested': true,
  'connection-accepted': true,
  'recommendation-accepted': true,
  'revision-requested': true,
  'request-reminder': true,
  invitation: true,
  'recommendation-taken-down': true,
  'daily-digest': true,
} satisfies Record<EmailTemplate, true>) as EmailTemplate[];

/** `?status=failed&status=skipped` and `?status=failed,skipped` alike. */
const listOf = ({ value }: { value: unknown }): unknown =>
  (Array.isArray(value) ? value : [value]).flatMap((item) =>
    typeof item === 'string' ? item.split(',').filter((part) => part !== '') : [item],
  );

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only the emails to this employee' })
  @IsOptional()
  @IsUUID()
  recipientId?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: DELIVERY_STATUSES,
    description:
      'only emails in one of these statuses: repeated (`status=failed&status=skipped`) or comma-separated',
  })
  @IsOptional()
  @Transform(listOf)
  @IsIn(DELIVERY_STATUSES, { each: true })
  @ArrayMaxSize(DELIVERY_STATUSES.length)
  status?: DeliveryStatus[];

  @ApiPropertyOptional({ enum: EMAIL_TEMPLATES, description: 'only emails of this template' })
  @IsOptional()
  @IsIn(EMAIL_TEMPLATES)
  template?: EmailTemplate;

  @ApiPropertyOptional({ format: 'date-time', description: 'only emails planned at or after this time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'only emails planned before this time; not before `from`',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class DeliverySummaryQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-07',
    description: 'the day to count, in `timeZone`; today there by default',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  date?: string;

  @ApiPropertyOptional({ example: 'Europe/Lisbon', description: 'an IANA time zone; UTC by default' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
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

  @ApiProperty({ format: 'date-time', description: 'when it was planned' })
  createdAt!: string;

  @ApiProperty({
    format: 'date-time',
    description:
      'when it may first go out: `createdAt`, unless planned outside its recipient’s working hours (`WORKING_HOURS`, in their time zone), then their next start. A `pending` email with `dueAt` in the future waits for the morning',
  })
  dueAt!: string;

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

export class DeliveryStatusCountsDto implements Record<DeliveryStatus, number> {
  @ApiProperty({ type: 'integer' })
  pending!: number;

  @ApiProperty({ type: 'integer' })
  held!: number;

  @ApiProperty({ type: 'integer' })
  digested!: number;

  @ApiProperty({ type: 'integer' })
  sent!: number;

  @ApiProperty({ type: 'integer' })
  failed!: number;

  @ApiProperty({ type: 'integer', description: 'withheld: nobody wanted the email any more when it was due' })
  skipped!: number;
}

/** The emails planned on one day, by status: the delivery log at a glance. */
export class DeliverySummaryDto implements DeliverySummary {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ example: 'UTC' })
  timeZone!: string;

  @ApiProperty({ format: 'date-time', description: "the day's first instant: pass as ?from= to list them" })
  from!: string;

  @ApiProperty({ format: 'date-time', description: "the next day's first instant: pass as ?to=" })
  to!: string;

  @ApiProperty({ type: DeliveryStatusCountsDto })
  counts!: DeliveryStatusCountsDto;
}
