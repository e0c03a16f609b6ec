import { Injectable } from '@nestjs/common';
import { PooledSqlReader } from '@vouch/persistence';
import { toPage } from '@vouch/platform';
import type { Page, ProfileRecommendationView, RecommendationView } from '@vouch/contracts';
import { UnknownEmployeeError } from '../domain/participation';
import { pagePosition, type PageRequest } from './page-request';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { listPosition, recommendationView } from './recommendation.views';

/** An employee's own recommendations, received or given, in any status, newest first. */
@Injectable()
export class ListMyRecommendationsUseCase {
  constructor(
    private readonly reader: PooledSqlReader,
    private readonly recommendations: RecommendationRepository,
  ) {}

  async execute(
    employeeId: string,
    side: 'received' | 'given',
    page: PageRequest,
  ): Promise<Page<RecommendationView>> {
    const rows = await this.recommendations.page(
      this.reader,
      side === 'received' ? { subjectId: employeeId } : { authorId: employeeId },
      pagePosition(page),
    );
    const views = rows.map(recommendationView);
    return toPage(views, page.limit, listPosition, (view) => view);
  }
}

/** The recommendations a profile shows: accepted ones only, with their authors' names. */
@Injectable()
export class ListProfileRecommendationsUseCase {
  constructor(
    private readonly reader: PooledSqlReader,
    private readonly recommendations: RecommendationRepository,
    private readonly replica: ReplicaRepository,
  ) {}

  async execute(subjectId: string, page: PageRequest): Promise<Page<ProfileRecommendationView>> {
    if (!(await this.replica.findEmployee(this.reader, subjectId)))
      throw new UnknownEmployeeError(`no employee ${subjectId}`);
    const rows = await this.recommendations.page(
      this.reader,
      { subjectId, acceptedOnly: true },
      pagePosition(page),
    );
    const authors = new Map(
      (
        await this.replica.findEmployees(
          this.reader,
          rows.map((row) => row.snapshot().authorId),
        )
      ).map((author) => [author.id, author]),
    );
    const views = rows.map((row): ProfileRecommendationView => {
      const view = recommendationView(row);
      const author = authors.get(view.authorId);
      return {
        id: view.id,
        authorId: view.authorId,
        authorName: author?.name ?? null,
        authorTitle: author?.title ?? null,
        subjectId: view.subjectId,
        relationship: view.relationship,
        text: view.text,
        verified: view.verified,
        verifiedBy: view.verifiedBy,
        createdAt: view.createdAt,
        updatedAt: view.updatedAt,
      };
    });
    return toPage(views, page.limit, listPosition, (view) => view);
  }
}
