import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActorType, AuditAction, AuditedFields } from '../domain/audit-entry';

/** Append-only: rows are inserted, and deleted only by the retention purge; a trigger refuses UPDATE. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('timestamptz')
  occurredAt!: Date;

  @Column('text')
  actorType!: ActorType;

  /** The employee id of the admin or HR member who acted; null for the other actors. */
  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @Column('text')
  action!: AuditAction;

  @Column('uuid')
  employeeId!: string;

  @Column('jsonb')
  before!: AuditedFields;

  @Column('jsonb')
  after!: AuditedFields;
}
