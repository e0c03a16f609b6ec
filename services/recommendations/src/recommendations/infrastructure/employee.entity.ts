import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What this service knows of an employee, from identity's events. */
@Entity('employee')
export class EmployeeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  title!: string | null;

  @Column('uuid', { nullable: true })
  managerId!: string | null;

  @Column('boolean')
  active!: boolean;
}
