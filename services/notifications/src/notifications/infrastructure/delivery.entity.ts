import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryState, DeliveryStatus } from '../domain/delivery';
import type { DeliveryCategory } from '../domain/email-category';
import type { EmailTemplate, PlannedEmail } from '../domain/email-policies';

/** One email to one recipient, from planning to its outcome: the delivery log (see DeliveryState). */
@Entity('delivery')
export class DeliveryEntity implements DeliveryState {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  eventId!: string;

  @Column('text')
  template!: EmailTemplate;

  @Column('text')
  category!: DeliveryCategory;

  @Column('uuid')
  recipientId!: string;

  @Column('text')
  recipientEmail!: string;

  @Column('text')
  recipientName!: string;

  @Column('uuid', { nullable: true })
  counterpartId!: string | null;

  @Column('text', { nullable: true })
  counterpartName!: string | null;

  @Column('jsonb')
  details!: PlannedEmail['details'];

  @Column('text')
  status!: DeliveryStatus;

  @Column('integer')
  attempts!: number;

  @Column('timestamptz')
  dueAt!: Date;

  @Column('timestamptz')
  nextAttemptAt!: Date;

  @Column('text', { nullable: true })
  lastError!: string | null;

  @Column('text', { nullable: true })
  traceparent!: string | null;

  @Column('uuid', { nullable: true })
  digestId!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  failedAt!: Date | null;
}
