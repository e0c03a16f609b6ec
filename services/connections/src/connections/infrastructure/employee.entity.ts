import { Column, Entity, PrimaryColumn } from 'typeorm';

/** identity's employees as this service knows them, kept up to date from identity's events. */
@Entity('employee')
export class EmployeeRecord {
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
