import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecommendationRequestStatus, Relationship } from '@vouch/contracts';

@Entity('recommendation_request')
export class RecommendationRequestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  requesterId!: string;

  @Column('uuid')
  recipientId!: string;

  @Column('text')
  relationship!: Relationship;

  @Column('text', { nullable: true })
  message!: string | null;

  @Column('text')
  status!: RecommendationRequestStatus;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;
}
