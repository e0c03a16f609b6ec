import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RecommendationRequestView, Relationship } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { checkParticipation } from '../domain/participation';
import { DuplicateRequestError } from '../domain/recommendation.errors';
import { checkRequestLimits, RecommendationRequest } from '../domain/recommendation-request';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { RECOMMENDATIONS_SETTINGS, type RecommendationsSettings } from './recommendations.settings';
import { requestView } from './recommendation.views';

export interface AskForRecommendation {
  requesterId: string;
  recipientId: string;
  relationship: Relationship;
  message?: string;
}

/** An employee asks a connection to write them a recommendation, within the limits. */
@Injectable()
export class AskForRecommendationUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replica: ReplicaRepository,
    private readonly recommendations: RecommendationRepository,
    private readonly requests: RecommendationRequestRepository,
    @Inject(RECOMMENDATIONS_SETTINGS) private readonly settings: RecommendationsSettings,
  ) {}

  async execute(command: AskForRecommendation): Promise<RecommendationRequestView> {
    const { requesterId, recipientId } = command;
    return this.unitOfWork.run(async () => {
      // Locking both employees makes the pending counts below hold until commit, so concurrent
      // requests cannot slip past the limits together.
      const employees = await this.replica.lockPair(requesterId, recipientId);
      checkParticipation({
        actorId: requesterId,
        otherId: recipientId,
        actor: employees[requesterId] ?? null,
        other: employees[recipientId] ?? null,
        connected: await this.replica.areConnected(requesterId, recipientId),
      });
      if (await this.requests.findPending(requesterId, recipientId)) throw new DuplicateRequestError();
      if (await this.recommendations.exists(recipientId, requesterId))
        throw new DuplicateRequestError('this colleague has already recommended you');
      checkRequestLimits(
        this.settings.limits,
        await this.requests.countPending({ requesterId }),
        await this.requests.countPending({ recipientId }),
      );

      const request = RecommendationRequest.ask({
        id: randomUUID(),
        requesterId,
        recipientId,
        relationship: command.relationship,
        message: command.message ?? null,
        requesterRecommendedRecipient: await this.recommendations.exists(requesterId, recipientId),
        now: new Date(),
        lifetimeDays: this.settings.requestLifetimeDays,
      });
      await this.requests.insert(request);
      return requestView(request);
    });
  }
}
