import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeBalance, type Balance } from '../domain/balance';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';

/** How balanced the employee's accepted recommendations are, and whom to ask next. */
@Injectable()
export class GetBalanceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly replica: ReplicaRepository,
    private readonly recommendations: RecommendationRepository,
    private readonly requests: RecommendationRequestRepository,
  ) {}

  async execute(employeeId: string): Promise<Balance> {
    const manager = this.dataSource.manager;
    const [me, counts, connections, askedIds, recommenderIds] = await Promise.all([
      this.replica.findEmployee(manager, employeeId),
      this.recommendations.acceptedCounts(manager, [employeeId]),
      this.replica.activeConnectionsOf(manager, employeeId),
      this.requests.askedBy(manager, employeeId),
      this.recommendations.authorsOf(manager, employeeId),
    ]);
    return computeBalance({
      me: { id: employeeId, managerId: me?.managerId ?? null },
      counts: counts.get(employeeId) ?? { supervisor: 0, coworker: 0, subordinate: 0 },
      connections,
      askedIds,
      recommenderIds,
    });
  }
}
