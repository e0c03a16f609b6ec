import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A "forgot password" link: works once, until it expires or a newer one replaces it. */
@Entity('password_reset')
export class PasswordResetEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  employeeId!: string;

  /** The address the link was sent to: it works only while the employee still has it. */
  @Column('text')
  email!: string;

  /** SHA-256 of the link's token. */
  @Column('text')
  tokenHash!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  usedAt!: Date | null;
}
