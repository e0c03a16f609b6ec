import { Injectable } from '@nestjs/common';
import { csvOf } from '../domain/csv';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';
import { loadOrgCoverage } from './load-org-coverage';

export const TEAM_COVERAGE_CSV_HEADER = [
  'manager_id',
  'manager_name',
  'parent_manager_id',
  'depth',
  'size',
  'supervisor',
  'coworker',
  'subordinate',
  'without_recommendation',
] as const;

/** For HR and admins: every team in a scope (a manager's subtree, or the company), as a CSV file. */
@Injectable()
export class ExportTeamCoverageUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({ managerId }: { managerId?: string }): Promise<string> {
    const coverage = await loadOrgCoverage(this.queries);
    return csvOf(
      TEAM_COVERAGE_CSV_HEADER,
      coverage
        .allTeams(managerId ?? null)
        .map((team) => [
          team.managerId,
          team.managerName,
          team.parentManagerId ?? '',
          team.depth,
          team.size,
          team.counts.supervisor,
          team.counts.coworker,
          team.counts.subordinate,
          team.withoutRecommendation,
        ]),
    );
  }
}
