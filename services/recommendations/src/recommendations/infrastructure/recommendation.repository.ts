import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Relationship } from '@vouch/contracts';
import type { RelationshipCounts } from '../domain/balance';
import { Recommendation } from '../domain/recommendation';
import { pageOf, type PagePosition } from './newest-first.page';
import { RecommendationEntity } from './recommendation.entity';

function toEntity(recommendation: Recommendation): RecommendationEntity {
  const state = recommendation.snapshot();
  return Object.assign(new RecommendationEntity(), {
    ...state,
    revisions: state.revisions.map((revision) => ({
      ...revision,
      writtenAt: revision.writtenAt.toISOString(),
    })),
  });
}

function toRecommendation(row: RecommendationEntity): Recommendation {
  return Recommendation.restore({
    ...row,
    revisions: row.revisions.map((revision) => ({ ...revision, writtenAt: new Date(revision.writtenAt) })),
  });
}

@Injectable()
export class RecommendationRepository {
  async find(manager: EntityManager, id: string, { lock = false } = {}): Promise<Recommendation | null> {
    const query = manager.createQueryBuilder(RecommendationEntity, 'r').where('r.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const row = await query.getOne();
    return row ? toRecommendation(row) : null;
  }

  async insert(manager: EntityManager, recommendation: Recommendation): Promise<void> {
    await manager.insert(RecommendationEntity, toEntity(recommendation));
  }

  async update(manager: EntityManager, recommendation: Recommendation): Promise<void> {
    await manager.save(RecommendationEntity, toEntity(recommendation));
  }

  /** Whether the author has a recommendation of the subject that is not withdrawn. */
  async exists(manager: EntityManager, authorId: string, subjectId: string): Promise<boolean> {
    const count = await manager
      .createQueryBuilder(RecommendationEntity, 'r')
      .where('r.authorId = :authorId AND r.subjectId = :subjectId', { authorId, subjectId })
      .andWhere(`r.status <> 'withdrawn'`)
      .getCount();
    return count > 0;
  }

  async page(
    manager: EntityManager,
    filter: { authorId?: string; subjectId?: string; acceptedOnly?: boolean },
    position: PagePosition,
  ): Promise<Recommendation[]> {
    const query = manager.createQueryBuilder(RecommendationEntity, 'r').where('true');
    if (filter.authorId) query.andWhere('r.authorId = :authorId', { authorId: filter.authorId });
    if (filter.subjectId) query.andWhere('r.subjectId = :subjectId', { subjectId: filter.subjectId });
    if (filter.acceptedOnly) query.andWhere(`r.status = 'accepted'`);
    const rows = await pageOf(query, 'r', position).getMany();
    return rows.map(toRecommendation);
  }

  /** Accepted recommendations of each subject, by relationship. */
  async acceptedCounts(
    manager: EntityManager,
    subjectIds?: string[],
  ): Promise<Map<string, RelationshipCounts>> {
    const query = manager
      .createQueryBuilder(RecommendationEntity, 'r')
      .select('r.subjectId', 'subjectId')
      .addSelect('r.relationship', 'relationship')
      .addSelect('COUNT(*)::int', 'count')
      .where(`r.status = 'accepted'`)
      .groupBy('r.subjectId')
      .addGroupBy('r.relationship');
    if (subjectIds) query.andWhere('r.subjectId IN (:...subjectIds)', { subjectIds });
    const rows = await query.getRawMany<{ subjectId: string; relationship: Relationship; count: number }>();
    const counts = new Map<string, RelationshipCounts>();
    for (const row of rows) {
      const entry = counts.get(row.subjectId) ?? { supervisor: 0, coworker: 0, subordinate: 0 };
      entry[row.relationship] = row.count;
      counts.set(row.subjectId, entry);
    }
    return counts;
  }

  /** Who wrote the subject a recommendation that is not withdrawn. */
  async authorsOf(manager: EntityManager, subjectId: string): Promise<Set<string>> {
    const rows = await manager
      .createQueryBuilder(RecommendationEntity, 'r')
      .select('r.authorId', 'authorId')
      .where('r.subjectId = :subjectId', { subjectId })
      .andWhere(`r.status <> 'withdrawn'`)
      .getRawMany<{ authorId: string }>();
    return new Set(rows.map((row) => row.authorId));
  }
}
