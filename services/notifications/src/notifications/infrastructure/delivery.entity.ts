import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EmailCategory } from '../domain/email-category';
import type { EmailTemplate, PlannedEmail } from '../domain/email-policies';

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** One email to one recipient, from planning to its outcome: the delivery log. */
@Entity('delivery')
export class DeliveryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The event that caused it; with template and recipient, what makes it unique. */
  @Column('text')
  eventId!: string;

  @Column('text')
  template!: EmailTemplate;

  @Column('text')
  category!: EmailCategory;

  @Column('uuid')
  recipientId!: string;

  @Column('text')
  recipientEmail!: string;

  @Column('text')
  recipientName!: string;

  @Column('uuid')
  counterpartId!: string;

  @Column('text')
  counterpartName!: string;

  @Column('jsonb')
  details!: PlannedEmail['details'];

  @Column('text')
  status!: DeliveryStatus;

  @Column('integer')
  attempts!: number;

  @Column('timestamptz')
  nextAttemptAt!: Date;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  failedAt!: Date | null;
}
