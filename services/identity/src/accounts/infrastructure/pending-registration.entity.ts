import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A password sign-up waiting for its address to be confirmed; several may wait for one address. */
@Entity('pending_registration')
export class PendingRegistrationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Normalised (lower-cased). */
  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  title!: string | null;

  @Column('text')
  passwordHash!: string;

  /** SHA-256 of the confirmation link's token; a resend replaces it. */
  @Column('text')
  tokenHash!: string;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;
}
