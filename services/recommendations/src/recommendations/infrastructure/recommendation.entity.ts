import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ManagerSource, RecommendationStatus, Relationship } from '@vouch/contracts';
import { Recommendation } from '../domain/recommendation';

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

/** A recommendation row as plain SQL reads it, shaped as the entity. */
export const RECOMMENDATION_COLUMNS = `id, author_id AS "authorId", subject_id AS "subjectId", relationship, status,
  verified, verified_by AS "verifiedBy", reciprocal, revisions, revision_request AS "revisionRequest", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

export function recommendationRow(recommendation: Recommendation): RecommendationEntity {
  const state = recommendation.snapshot();
  return Object.assign(new RecommendationEntity(), {
    ...state,
    revisions: state.revisions.map((revision) => ({
      ...revision,
      writtenAt: revision.writtenAt.toISOString(),
    })),
  });
}

export function recommendationOf(row: RecommendationEntity): Recommendation {
  return Recommendation.restore({
    ...row,
    revisions: row.revisions.map((revision) => ({ ...revision, writtenAt: new Date(revision.writtenAt) })),
  });
}
