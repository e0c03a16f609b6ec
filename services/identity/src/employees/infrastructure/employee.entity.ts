import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ManagerSource } from '@vouch/contracts';
import type { Education, Position } from '../domain/profile';

@Entity('employee')
export class EmployeeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  /** Null for people provisioned over SCIM, who sign in through the company's identity provider. */
  @Column('text', { nullable: true })
  passwordHash!: string | null;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  title!: string | null;

  @Column('text', { nullable: true })
  headline!: string | null;

  @Column('text', { nullable: true })
  summary!: string | null;

  @Column('text', { nullable: true })
  location!: string | null;

  @Column('text', { nullable: true })
  timeZone!: string | null;

  @Column('text', { nullable: true })
  language!: string | null;

  @Column('jsonb')
  positions!: Position[];

  @Column('jsonb')
  skills!: string[];

  @Column('jsonb')
  education!: Education[];

  @Column('uuid', { nullable: true })
  managerId!: string | null;

  @Column('text', { nullable: true })
  managerSource!: ManagerSource | null;

  @Column('text', { nullable: true })
  department!: string | null;

  @Column('text', { nullable: true })
  employeeNumber!: string | null;

  @Column('timestamptz')
  registeredAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  deactivatedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  erasedAt!: Date | null;
}
