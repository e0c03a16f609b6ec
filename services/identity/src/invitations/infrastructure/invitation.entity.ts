import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActorType } from '../../audit/domain/audit-entry';

/** An invitation to set up one's sign-in; at most one open (neither accepted nor superseded) per employee. */
@Entity('invitation')
export class InvitationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  employeeId!: string;

  @Column('timestamptz')
  invitedAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  supersededAt!: Date | null;

  @Column('text')
  invitedByType!: ActorType;

  /** The admin's employee id; null for the other actors. */
  @Column('uuid', { nullable: true })
  invitedById!: string | null;
}
