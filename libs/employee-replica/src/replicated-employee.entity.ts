import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ManagerSource } from '@vouch/contracts';

/** An employee as a service other than identity knows them: built only from identity's events. */
@Entity('employee')
export class ReplicatedEmployee {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  title!: string | null;

  @Column('uuid', { nullable: true })
  managerId!: string | null;

  /** Who set the link (identity's EmployeeManagerChanged v2); null: unknown, so it verifies nothing. */
  @Column('text', { nullable: true })
  managerSource!: ManagerSource | null;

  /** IANA time zone, when the employee gave one: when to send them what. */
  @Column('text', { nullable: true })
  timeZone!: string | null;

  /** BCP 47 language the employee reads emails in, when identity knows it (older events lack it). */
  @Column('text', { nullable: true })
  language!: string | null;

  @Column('boolean')
  active!: boolean;

  /** When identity erased the employee: the row keeps no personal data, and no later event changes it. */
  @Column('timestamptz', { nullable: true })
  erasedAt!: Date | null;
}

/** The `employee` table's columns as plain SQL selects them, shaped as ReplicatedEmployee. */
export const REPLICATED_EMPLOYEE_COLUMNS =
  'id, email, name, title, manager_id AS "managerId", manager_source AS "managerSource", time_zone AS "timeZone", language, active, erased_at AS "erasedAt"';

/** The employee in a row selected with REPLICATED_EMPLOYEE_COLUMNS and other columns beside them. */
export function replicatedEmployeeOf(row: ReplicatedEmployee): ReplicatedEmployee {
  const { id, email, name, title, managerId, managerSource, timeZone, language, active, erasedAt } = row;
  return { id, email, name, title, managerId, managerSource, timeZone, language, active, erasedAt };
}
