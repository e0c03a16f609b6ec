import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryCategory } from '../domain/email-category';
import type { EmailTemplate, PlannedEmail } from '../domain/email-policies';

/**
 * `pending` until sent (or `failed`); `held` for the daily digest, then `digested` into it;
 * `skipped` when nobody wants it any more by the time it would go out.
 */
export type DeliveryStatus = 'pending' | 'held' | 'digested' | 'sent' | 'failed' | 'skipped';

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
  category!: DeliveryCategory;

  @Column('uuid')
  recipientId!: string;

  /** The address it is planned for, then the one it was sent to, should the recipient's change. */
  @Column('text')
  recipientEmail!: string;

  @Column('text')
  recipientName!: string;

  /** The other person the email is about; none for a digest. */
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
  nextAttemptAt!: Date;

  /** Why the last attempt failed, or why the email was skipped. */
  @Column('text', { nullable: true })
  lastError!: string | null;

  /** W3C trace context of the event handling that planned it; the send continues that trace. */
  @Column('text', { nullable: true })
  traceparent!: string | null;

  /** The digest that carried this held email. */
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
