import { Injectable } from '@nestjs/common';
import { toPage } from '@vouch/platform';
import type { Page, ProfileRecommendationView, RecommendationView } from '@vouch/contracts';
import { UnknownEmployeeError } from '../domain/participation';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';
import { pagePosition, type PageRequest } from './page-request';
import { listPosition, recommendationView } from './recommendation.views';

export interface ListMyRecommendations {
  employeeId: string;
  side: 'received' | 'given';
  page: PageRequest;
}

export interface ListProfileRecommendations {
  subjectId: string;
  page: PageRequest;
}

/** An employee's own recommendations, received or given, in any status, newest first. */
@Injectable()
export class ListMyRecommendationsUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({ employeeId, side, page }: ListMyRecommendations): Promise<Page<RecommendationView>> {
    const rows = await this.queries.recommendationPage(
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
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({ subjectId, page }: ListProfileRecommendations): Promise<Page<ProfileRecommendationView>> {
    if (!(await this.queries.employee(subjectId))) throw new UnknownEmployeeError(`no employee ${subjectId}`);
    const rows = await this.queries.recommendationPage({ subjectId, acceptedOnly: true }, pagePosition(page));
    const authors = new Map(
      (await this.queries.employees(rows.map((row) => row.snapshot().authorId))).map((author) => [
        author.id,
        author,
      ]),
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
        reciprocal: view.reciprocal,
        createdAt: view.createdAt,
        updatedAt: view.updatedAt,
      };
    });
    return toPage(views, page.limit, listPosition, (view) => view);
  }
}
