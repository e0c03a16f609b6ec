import { ApiProperty } from '@nestjs/swagger';
import type { ExportedColleagueView, ExportedEmailView, NotificationsExportView } from '@vouch/contracts';
import { EMAIL_CATEGORIES, TRANSACTIONAL } from '../domain/email-category';
import { DELIVERY_STATUSES } from './deliveries.dto';
import { NotificationPreferencesDto } from './preferences.dto';

export class ExportedColleagueDto implements ExportedColleagueView {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'null when the service has not heard of them' })
  name!: string | null;
}

/** An email to me, as the delivery log keeps it. */
export class ExportedEmailDto implements ExportedEmailView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'reciprocity-nudge', description: 'which email it is (docs/api.md, Emails)' })
  template!: string;

  @ApiProperty({
    enum: [...EMAIL_CATEGORIES, 'all', TRANSACTIONAL],
    description: 'what its unsubscribe link switches off; `transactional` (the invitation) has none',
  })
  category!: string;

  @ApiProperty({ description: 'the address it went, or goes, to' })
  to!: string;

  @ApiProperty({
    type: ExportedColleagueDto,
    nullable: true,
    description: 'the colleague it is about (who recommended me, asked me, …); null for none',
  })
  about!: ExportedColleagueDto | null;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    description: 'pending, held for the digest, digested into one, sent, failed, or skipped',
  })
  status!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'why the last attempt failed, or why it was skipped',
  })
  failureReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failedAt!: string | null;
}

export class ExportedReminderDto {
  @ApiProperty({ format: 'uuid', description: 'the recommendation request it reminds me of' })
  requestId!: string;

  @ApiProperty({ type: ExportedColleagueDto, description: 'who asked me' })
  requester!: ExportedColleagueDto;

  @ApiProperty({ example: 'coworker' })
  relationship!: string;

  @ApiProperty({ format: 'date-time', description: 'when it goes out if the request is still open' })
  dueAt!: string;
}

export class NotificationsExportDto implements NotificationsExportView {
  @ApiProperty({ enum: ['notifications'] })
  service!: 'notifications';

  @ApiProperty({ format: 'uuid', description: 'the signed-in employee, whose data this is' })
  employeeId!: string;

  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({
    type: NotificationPreferencesDto,
    description: 'my email preferences: what I switched off or unsubscribed from',
  })
  preferences!: NotificationPreferencesDto;

  @ApiProperty({
    type: [ExportedEmailDto],
    description: 'every email to me, in any status; the oldest first',
  })
  emails!: ExportedEmailDto[];

  @ApiProperty({ type: [ExportedReminderDto], description: 'reminders still to come; the soonest first' })
  pendingReminders!: ExportedReminderDto[];
}
