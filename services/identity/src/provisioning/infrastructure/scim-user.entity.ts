import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('scim_user')
export class ScimUserEntity {
  @PrimaryColumn('uuid')
  employeeId!: string;

  @Column('text', { nullable: true })
  externalId!: string | null;

  @Column('text', { nullable: true })
  givenName!: string | null;

  @Column('text', { nullable: true })
  familyName!: string | null;

  @Column('text', { nullable: true })
  formattedName!: string | null;

  @Column('text', { nullable: true })
  employeeNumber!: string | null;

  @Column('text', { nullable: true })
  department!: string | null;

  @Column('text', { nullable: true })
  preferredLanguage!: string | null;

  @Column('text', { nullable: true })
  locale!: string | null;

  @Column('timestamptz')
  provisionedAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  deletedAt!: Date | null;
}
