import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('scim_group')
export class ScimGroupEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  displayName!: string;

  @Column('text', { nullable: true })
  externalId!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;
}

@Entity('scim_group_member')
export class ScimGroupMemberEntity {
  @PrimaryColumn('uuid')
  groupId!: string;

  @PrimaryColumn('uuid')
  employeeId!: string;
}
