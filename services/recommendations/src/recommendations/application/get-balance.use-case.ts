import { Injectable } from '@nestjs/common';
import { PooledSqlReader } from '@vouch/persistence';
import { computeBalance, type Balance } from '../domain/balance';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';

/** How balanced the employee's accepted recommendations are, and whom to ask next. */
@Injectable()
export class GetBalanceUseCase {
  constructor(
    private readonly reader: PooledSqlReader,
    private readonly replica: ReplicaRepository,
    private readonly recommendations: RecommendationRepository,
    private readonly requests: RecommendationRequestRepository,
  ) {}

  async execute(employeeId: string): Promise<Balance> {
    const [me, counts, connections, askedIds, recommenderIds] = await Promise.all([
      this.replica.findEmployee(this.reader, employeeId),
      this.recommendations.acceptedCounts(this.reader, [employeeId]),
      this.replica.activeConnectionsOf(this.reader, employeeId),
      this.requests.askedBy(this.reader, employeeId),
      this.recommendations.authorsOf(this.reader, employeeId),
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
