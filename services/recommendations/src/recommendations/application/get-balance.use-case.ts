import { Injectable } from '@nestjs/common';
import { computeBalance, type Balance } from '../domain/balance';
import { RecommendationQueries } from '../infrastructure/recommendation.queries';

export interface GetBalance {
  employeeId: string;
}

/** How balanced the employee's accepted recommendations are, and whom to ask next. */
@Injectable()
export class GetBalanceUseCase {
  constructor(private readonly queries: RecommendationQueries) {}

  async execute({ employeeId }: GetBalance): Promise<Balance> {
    const [me, counts, connections, askedIds, recommenderIds] = await Promise.all([
      this.queries.employee(employeeId),
      this.queries.acceptedCounts([employeeId]),
      this.queries.activeConnectionsOf(employeeId),
      this.queries.askedBy(employeeId),
      this.queries.authorsOf(employeeId),
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
