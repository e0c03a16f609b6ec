import { Injectable } from '@nestjs/common';
import type { TeamRollUp } from '../domain/org-coverage';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';
import {
  loadOrgCoverage,
  numberedPage,
  type NumberedPage,
  type NumberedPageRequest,
} from './load-org-coverage';

export interface ListTeamCoverage extends NumberedPageRequest {
  /** Drill down into this manager's team; the top of the org chart without one. */
  managerId?: string;
}

export interface TeamCoveragePage extends NumberedPage<TeamRollUp> {
  /** The manager's own team, the sum of the teams listed and of the manager's other reports. */
  team: TeamRollUp | null;
}

/** For HR and admins: the teams one level below a manager (or at the top), each rolled up, neediest first. */
@Injectable()
export class ListTeamCoverageUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({ managerId, ...page }: ListTeamCoverage): Promise<TeamCoveragePage> {
    const coverage = await loadOrgCoverage(this.queries);
    return {
      team: managerId ? coverage.teamOf(managerId) : null,
      ...numberedPage(coverage.teamsUnder(managerId ?? null), page),
    };
  }
}
