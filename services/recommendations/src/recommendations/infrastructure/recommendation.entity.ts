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

  @Column('timestamptz', { nullable: true })
  takenDownAt!: Date | null;

  @Column('uuid', { nullable: true })
  takenDownBy!: string | null;

  @Column('text', { nullable: true })
  takedownReason!: string | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

/** A recommendation row as plain SQL reads it, shaped as the entity. */
export const RECOMMENDATION_COLUMNS = `id, author_id AS "authorId", subject_id AS "subjectId", relationship, status,
  verified, verified_by AS "verifiedBy", reciprocal, revisions, revision_request AS "revisionRequest",
  taken_down_at AS "takenDownAt", taken_down_by AS "takenDownBy", takedown_reason AS "takedownReason",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export function recommendationRow(recommendation: Recommendation): RecommendationEntity {
  const { takedown, ...state } = recommendation.snapshot();
  return Object.assign(new RecommendationEntity(), {
    ...state,
    takenDownAt: takedown?.at ?? null,
    takenDownBy: takedown?.by ?? null,
    takedownReason: takedown?.reason ?? null,
    revisions: state.revisions.map((revision) => ({
      ...revision,
      writtenAt: revision.writtenAt.toISOString(),
    })),
  });
}

export function recommendationOf(row: RecommendationEntity): Recommendation {
  const { takenDownAt, takenDownBy, takedownReason, ...columns } = row;
  return Recommendation.restore({
    ...columns,
    takedown:
      takenDownAt && takenDownBy && takedownReason
        ? { at: takenDownAt, by: takenDownBy, reason: takedownReason }
        : null,
    revisions: row.revisions.map((revision) => ({ ...revision, writtenAt: new Date(revision.writtenAt) })),
  });
}
