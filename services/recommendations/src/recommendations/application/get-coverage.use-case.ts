import { Injectable } from '@nestjs/common';
import { computeCoverage, type Coverage } from '../domain/coverage';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';

/** For admins: who has no accepted recommendation yet, and each team's mix of relationships. */
@Injectable()
export class GetCoverageUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute(): Promise<Coverage> {
    const [employees, accepted] = await Promise.all([
      this.queries.activeEmployees(),
      this.queries.acceptedCounts(),
    ]);
    return computeCoverage(employees, accepted);
  }
}
