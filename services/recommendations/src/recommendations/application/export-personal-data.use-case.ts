import { Injectable } from '@nestjs/common';
import type {
  ExportedRecommendationRequestView,
  ExportedRecommendationView,
  RecommendationsExportView,
} from '@vouch/contracts';
import { PersonalDataQueries } from '../infrastructure/personal-data.queries';
import { recommendationView, requestView } from './recommendation.views';

/**
 * Everything recommendations holds about the signed-in employee: the recommendations they gave and
 * received in any status, each with every text it had (its revisions) and what the subject asked
 * to change, and the requests they sent and received; with the colleague's name on each.
 */
@Injectable()
export class ExportPersonalDataUseCase {
  constructor(private readonly queries: PersonalDataQueries) {}

  async execute({ employeeId }: { employeeId: string }): Promise<RecommendationsExportView> {
    const exportedAt = new Date().toISOString();
    const [recommendations, requests] = await Promise.all([
      this.queries.recommendationsOf(employeeId),
      this.queries.requestsOf(employeeId),
    ]);
    const exportedRecommendations = recommendations.map(
      ({ item, colleagueName }): ExportedRecommendationView => {
        const view = recommendationView(item);
        const colleagueId = view.authorId === employeeId ? view.subjectId : view.authorId;
        return { ...view, colleague: { employeeId: colleagueId, name: colleagueName } };
      },
    );
    const exportedRequests = requests.map(({ item, colleagueName }): ExportedRecommendationRequestView => {
      const view = requestView(item);
      const colleagueId = view.requesterId === employeeId ? view.recipientId : view.requesterId;
      return {
        ...view,
        closedAt: item.snapshot().closedAt?.toISOString() ?? null,
        colleague: { employeeId: colleagueId, name: colleagueName },
      };
    });
    return {
      service: 'recommendations',
      employeeId,
      exportedAt,
      received: exportedRecommendations.filter((view) => view.subjectId === employeeId),
      given: exportedRecommendations.filter((view) => view.authorId === employeeId),
      requestsSent: exportedRequests.filter((view) => view.requesterId === employeeId),
      requestsReceived: exportedRequests.filter((view) => view.recipientId === employeeId),
    };
  }
}
