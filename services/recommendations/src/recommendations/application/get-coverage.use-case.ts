import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeCoverage, type Coverage } from '../domain/coverage';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';

/** For admins: who has no accepted recommendation yet, and each team's mix of relationships. */
@Injectable()
export class GetCoverageUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replica: ReplicaRepository,
    private readonly recommendations: RecommendationRepository,
  ) {}

  async execute(): Promise<Coverage> {
    const manager = this.dataSource.manager;
    const [employees, accepted] = await Promise.all([
      this.replica.activeEmployees(manager),
      this.recommendations.acceptedCounts(manager),
    ]);
    return computeCoverage(employees, accepted);
  }
}
