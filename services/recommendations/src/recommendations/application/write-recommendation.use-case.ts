import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RecommendationView, Relationship } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { verificationOf } from '../domain/org-chart';
import { checkParticipation } from '../domain/participation';
import { Recommendation } from '../domain/recommendation';
import { DuplicateRecommendationError, RequestNotFoundError } from '../domain/recommendation.errors';
import type { RecommendationRequest } from '../domain/recommendation-request';
import type { RecommendationText } from '../domain/recommendation-text';
import { RecommendationRepository } from '../infrastructure/recommendation.repository';
import { RecommendationRequestRepository } from '../infrastructure/recommendation-request.repository';
import { ReplicaRepository } from '../infrastructure/replica.repository';
import { recommendationView } from './recommendation.views';

export interface WriteRecommendation {
  authorId: string;
  subjectId: string;
  relationship: Relationship;
  text: RecommendationText;
  /** The request this answers; without it, a pending request of the subject is fulfilled anyway. */
  requestId?: string;
}

/**
 * A connected colleague writes a recommendation; it waits for the subject to accept it. When the
 * subject recommended the author already, both are reciprocal from now on.
 */
@Injectable()
export class WriteRecommendationUseCase {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly replica: ReplicaRepository,
    private readonly recommendations: RecommendationRepository,
    private readonly requests: RecommendationRequestRepository,
  ) {}

  async execute(command: WriteRecommendation): Promise<RecommendationView> {
    const { authorId, subjectId } = command;
    return this.unitOfWork.run(async () => {
      const employees = await this.replica.lockPairForRecommendation(authorId, subjectId);
      const author = employees[authorId] ?? null;
      const subject = employees[subjectId] ?? null;
      // Read after the lock, so that its snapshot includes whatever the holder before us committed.
      const facts = await this.recommendations.writingFacts(authorId, subjectId);
      checkParticipation({
        actorId: authorId,
        otherId: subjectId,
        actor: author,
        other: subject,
        connected: facts.connected,
      });

      const request = await this.requestToFulfil(command, facts.pendingRequestId);
      if (facts.alreadyRecommended) throw new DuplicateRecommendationError();
      const counterpart = await this.counterpart(facts.counterpartId);

      const now = new Date();
      const recommendation = Recommendation.write({
        id: randomUUID(),
        authorId,
        subjectId,
        relationship: command.relationship,
        text: command.text,
        verifiedBy: author && subject ? verificationOf(command.relationship, author, subject) : [],
        reciprocal: counterpart !== null,
        requestId: request?.snapshot().id ?? null,
        now,
      });
      if (request) {
        request.fulfil(authorId, recommendation.id, now);
        await this.requests.save(request);
      }
      await this.recommendations.insert(recommendation);
      if (counterpart) {
        counterpart.reciprocate(recommendation, now);
        await this.recommendations.save(counterpart);
      }
      return recommendationView(recommendation);
    });
  }

  /**
   * The subject's recommendation of the author, which becomes reciprocal too, locked: a change of
   * the subject's (accept, hide) goes before or after, whole. Withdrawing or taking either of the
   * pair down holds the pair's lock as well, so it is still there, but erasing its author does not.
   */
  private async counterpart(counterpartId: string | null): Promise<Recommendation | null> {
    if (!counterpartId) return null;
    const counterpart = await this.recommendations.find(counterpartId, { lock: true });
    return counterpart && !counterpart.isGone() ? counterpart : null;
  }

  /** The subject's request this recommendation answers, locked; a named one must be theirs to me. */
  private async requestToFulfil(
    command: WriteRecommendation,
    pendingRequestId: string | null,
  ): Promise<RecommendationRequest | null> {
    if (!command.requestId) {
      if (!pendingRequestId) return null;
      // Answered, withdrawn or expired since it was read: then there is none to fulfil.
      const pending = await this.requests.find(pendingRequestId, { lock: true });
      return pending?.snapshot().status === 'pending' ? pending : null;
    }
    const request = await this.requests.find(command.requestId, { lock: true });
    const state = request?.snapshot();
    if (!request || state?.recipientId !== command.authorId || state.requesterId !== command.subjectId)
      throw new RequestNotFoundError(`no request ${command.requestId} from this colleague to you`);
    return request;
  }
}
