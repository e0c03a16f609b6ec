import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConnectionStatus } from '@vouch/contracts';

/** One row per connection request, kept through accept and remove. */
@Entity('connection')
export class ConnectionRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  requesterId!: string;

  @Column('uuid')
  addresseeId!: string;

  @Column('text', { nullable: true })
  message!: string | null;

  @Column('text')
  status!: ConnectionStatus;

  @Column('timestamptz')
  requestedAt!: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @Column('uuid', { nullable: true })
  removedBy!: string | null;
}
