import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecommendationRequestStatus, Relationship } from '@vouch/contracts';
import { RecommendationRequest } from '../domain/recommendation-request';

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

/** A request row as plain SQL reads it, shaped as the entity. */
export const REQUEST_COLUMNS = `id, requester_id AS "requesterId", recipient_id AS "recipientId", relationship,
  message, status, created_at AS "createdAt", expires_at AS "expiresAt", closed_at AS "closedAt"`;

export function requestRow(request: RecommendationRequest): RecommendationRequestEntity {
  return Object.assign(new RecommendationRequestEntity(), request.snapshot());
}

export function requestOf(row: RecommendationRequestEntity): RecommendationRequest {
  return RecommendationRequest.restore({ ...row });
}
