import { Injectable } from '@nestjs/common';
import { EmployeeErasure } from '@vouch/employee-replica';
import type { EmployeeErasedV1, EventCause, EventData } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';

/**
 * identity erased an employee. What they wrote goes: the recommendations they gave (with every
 * revision) and the requests they made. What others wrote about them stays the writers': the
 * recommendations they received remain in their authors' "given" lists, without the revisions the
 * subject asked for, and no profile, balance or coverage shows them any more (the subject has none).
 * A request is a conversation between the two, so those they were asked go too. Their replica row is
 * emptied, and the report goes out with the same commit. Runs in the handler's transaction.
 */
@Injectable()
export class EraseEmployeeUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly recommendations: RecommendationRepository,
    private readonly requests: RecommendationRequestRepository,
    private readonly replica: ReplicaRepository,
  ) {}

  async execute(erased: EventData<typeof EmployeeErasedV1>, cause: EventCause): Promise<void> {
    await this.unitOfWork.run(async () => {
      const erasure = new EmployeeErasure('recommendations', erased, cause);
      for (const recommendation of await this.recommendations.involving(erasure.employeeId)) {
        if (recommendation.erase(erasure.employeeId) === 'delete')
          await this.recommendations.delete(recommendation);
        else await this.recommendations.save(recommendation);
      }
      await this.requests.deleteInvolving(erasure.employeeId);
      erasure.complete(new Date());
      await this.replica.erase(erasure);
    });
  }
}
