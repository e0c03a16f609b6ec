import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ManagerSource, RecommendationStatus, Relationship } from '@vouch/contracts';

/** A revision as stored: its time as ISO-8601, since it lives in JSON. */
export interface StoredRevision {
  number: number;
  text: string;
  relationship: Relationship;
  writtenAt: string;
}

@Entity('recommendation')
export class RecommendationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  authorId!: string;

  @Column('uuid')
  subjectId!: string;

  @Column('text')
  relationship!: Relationship;

  @Column('text')
  status!: RecommendationStatus;

  @Column('boolean')
  verified!: boolean;

  @Column('text', { array: true })
  verifiedBy!: ManagerSource[];

  @Column('boolean')
  reciprocal!: boolean;

  @Column('jsonb')
  revisions!: StoredRevision[];

  @Column('text', { nullable: true })
  revisionRequest!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
