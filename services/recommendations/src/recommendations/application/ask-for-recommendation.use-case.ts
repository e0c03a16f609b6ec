import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { RecommendationRequestedV1, type Relationship } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import { inTransaction } from '@vouch/persistence';
import type { RecommendationRequestView } from '@vouch/contracts';
import { checkParticipation } from '../domain/participation';
import { DuplicateRequestError } from '../domain/recommendation-errors';
import { checkRequestLimits, RecommendationRequest } from '../domain/recommendation-request';
import { isUniqueViolation } from '../infrastructure/unique-violation';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { RECOMMENDATIONS_SETTINGS, type RecommendationsSettings } from './recommendations.settings';
import { requestView } from './recommendation.views';

export interface AskForRecommendation {
  recipientId: string;
  relationship: Relationship;
  message?: string;
}

const ALREADY_ASKED = 'you already asked this colleague; the request is still waiting for an answer';

/** An employee asks a connection to write them a recommendation, within the limits. */
@Injectable()
export class AskForRecommendationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly replica: ReplicaRepository,
    private readonly recommendations: RecommendationRepository,
    private readonly requests: RecommendationRequestRepository,
    @Inject(RECOMMENDATIONS_SETTINGS) private readonly settings: RecommendationsSettings,
  ) {}

  /** In `within` when given (the request's transaction, which keeps its Idempotency-Key), else in its own. */
  async execute(
    requesterId: string,
    command: AskForRecommendation,
    within?: EntityManager,
  ): Promise<RecommendationRequestView> {
    try {
      return await inTransaction(this.dataSource, within, (manager) =>
        this.ask(manager, requesterId, command),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'recommendation_request_one_pending'))
        throw new DuplicateRequestError(ALREADY_ASKED);
      throw error;
    }
  }

  private async ask(
    manager: EntityManager,
    requesterId: string,
    command: AskForRecommendation,
  ): Promise<RecommendationRequestView> {
    const { recipientId } = command;
    // Locking both employees makes the pending counts below hold until commit, so concurrent
    // requests cannot slip past the limits together.
    const employees = await this.replica.lockPair(manager, requesterId, recipientId);
    checkParticipation({
      actorId: requesterId,
      otherId: recipientId,
      actor: employees[requesterId] ?? null,
      other: employees[recipientId] ?? null,
      connected: await this.replica.areConnected(manager, requesterId, recipientId),
    });
    if (await this.requests.findPending(manager, requesterId, recipientId))
      throw new DuplicateRequestError(ALREADY_ASKED);
    if (await this.recommendations.exists(manager, recipientId, requesterId))
      throw new DuplicateRequestError('this colleague has already recommended you');
    checkRequestLimits(
      this.settings.limits,
      await this.requests.countPending(manager, { requesterId }),
      await this.requests.countPending(manager, { recipientId }),
    );

    const now = new Date();
    const request = RecommendationRequest.ask({
      id: randomUUID(),
      requesterId,
      recipientId,
      relationship: command.relationship,
      message: command.message ?? null,
      now,
      lifetimeDays: this.settings.requestLifetimeDays,
    });
    await this.requests.insert(manager, request);
    const state = request.snapshot();
    await this.outbox.add(manager, RecommendationRequestedV1, {
      subject: state.id,
      data: {
        requestId: state.id,
        requesterId,
        recipientId,
        relationship: state.relationship,
        status: state.status,
        message: state.message,
        requesterRecommendedRecipient: await this.recommendations.exists(manager, requesterId, recipientId),
        requestedAt: state.createdAt.toISOString(),
        expiresAt: state.expiresAt.toISOString(),
      },
    });
    return requestView(request);
  }
}
