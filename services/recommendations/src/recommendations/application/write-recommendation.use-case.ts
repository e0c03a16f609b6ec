import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { RecommendationGivenV1, RecommendationRequestFulfilledV1, type Relationship } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import { inTransaction } from '@vouch/persistence';
import type { RecommendationView } from '@vouch/contracts';
import { verificationOf } from '../domain/org-chart';
import { checkParticipation } from '../domain/participation';
import { Recommendation } from '../domain/recommendation';
import { DuplicateRecommendationError, RequestNotFoundError } from '../domain/recommendation-errors';
import type { RecommendationRequest } from '../domain/recommendation-request';
import type { RecommendationText } from '../domain/recommendation-text';
import { isUniqueViolation } from '../infrastructure/unique-violation';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { recommendationView } from './recommendation.views';
import { requestFields } from './request-change';

export interface WriteRecommendation {
  subjectId: string;
  relationship: Relationship;
  text: RecommendationText;
  /** The request this answers; without it, a pending request of the subject is fulfilled anyway. */
  requestId?: string;
}

const ALREADY_RECOMMENDED = 'you already recommended this colleague; edit that recommendation instead';

/** A connected colleague writes a recommendation; it waits for the subject to accept it. */
@Injectable()
export class WriteRecommendationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly replica: ReplicaRepository,
    private readonly recommendations: RecommendationRepository,
    private readonly requests: RecommendationRequestRepository,
  ) {}

  /** In `within` when given (the request's transaction, which keeps its Idempotency-Key), else in its own. */
  async execute(
    authorId: string,
    command: WriteRecommendation,
    within?: EntityManager,
  ): Promise<RecommendationView> {
    try {
      return await inTransaction(this.dataSource, within, (manager) =>
        this.write(manager, authorId, command),
      );
    } catch (error) {
      // Two identical writes at once: the unique index lets one through, the other is this 409.
      if (isUniqueViolation(error, 'recommendation_one_per_pair'))
        throw new DuplicateRecommendationError(ALREADY_RECOMMENDED);
      throw error;
    }
  }

  private async write(
    manager: EntityManager,
    authorId: string,
    command: WriteRecommendation,
  ): Promise<RecommendationView> {
    const { subjectId } = command;
    const employees = await this.replica.lockPairForRecommendation(manager, authorId, subjectId);
    const author = employees[authorId] ?? null;
    const subject = employees[subjectId] ?? null;
    // Read after the lock, so that its snapshot includes whatever the holder before us committed.
    const facts = await this.recommendations.writingFacts(manager, authorId, subjectId);
    checkParticipation({
      actorId: authorId,
      otherId: subjectId,
      actor: author,
      other: subject,
      connected: facts.connected,
    });

    const request = await this.requestToFulfil(manager, authorId, command, facts.pendingRequestId);
    if (facts.alreadyRecommended) throw new DuplicateRecommendationError(ALREADY_RECOMMENDED);

    const now = new Date();
    const recommendation = Recommendation.write({
      id: randomUUID(),
      authorId,
      subjectId,
      relationship: command.relationship,
      text: command.text,
      verifiedBy: author && subject ? verificationOf(command.relationship, author, subject) : [],
      reciprocal: facts.reciprocal,
      now,
    });
    if (request) {
      request.fulfil(authorId, now);
      await this.requests.update(manager, request);
      await this.outbox.add(manager, RecommendationRequestFulfilledV1, {
        subject: request.snapshot().id,
        data: {
          ...requestFields(request),
          recommendationId: recommendation.id,
          fulfilledAt: now.toISOString(),
        },
      });
    }

    const state = recommendation.snapshot();
    await this.outbox.addAlongside(
      manager,
      this.recommendations.insertion(recommendation),
      RecommendationGivenV1,
      {
        subject: state.id,
        data: {
          recommendationId: state.id,
          authorId,
          subjectId,
          relationship: state.relationship,
          text: recommendation.text,
          verified: state.verified,
          reciprocal: state.reciprocal,
          status: state.status,
          requestId: request?.snapshot().id ?? null,
          givenAt: now.toISOString(),
        },
      },
    );
    return recommendationView(recommendation);
  }

  /** The subject's request this recommendation answers, locked; a named one must be theirs to me. */
  private async requestToFulfil(
    manager: EntityManager,
    authorId: string,
    command: WriteRecommendation,
    pendingRequestId: string | null,
  ): Promise<RecommendationRequest | null> {
    if (!command.requestId) {
      if (!pendingRequestId) return null;
      // Answered, withdrawn or expired since it was read: then there is none to fulfil.
      const pending = await this.requests.find(manager, pendingRequestId, { lock: true });
      return pending?.snapshot().status === 'pending' ? pending : null;
    }
    const request = await this.requests.find(manager, command.requestId, { lock: true });
    const state = request?.snapshot();
    if (!request || state?.recipientId !== authorId || state.requesterId !== command.subjectId)
      throw new RequestNotFoundError(`no request ${command.requestId} from this colleague to you`);
    return request;
  }
}
