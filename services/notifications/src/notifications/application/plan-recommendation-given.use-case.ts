import { Injectable } from '@nestjs/common';
import type { EventData, RecommendationGivenV1 } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { RecommendationGivenPolicy } from '../domain/email-policies';
import { PlanEmailsUseCase } from './plan-emails.use-case';

export interface PlanRecommendationGivenCommand {
  /** The RecommendationGiven event's id. */
  eventId: string;
  given: EventData<typeof RecommendationGivenV1>;
}

/**
 * The subject's email about a new recommendation. The ledger row is written only when a nudge is
 * wanted, in the same transaction as the delivery, so the one nudge per pair is never spent on an
 * email that was not sent.
 */
@Injectable()
export class PlanRecommendationGivenUseCase {
  private readonly policy = new RecommendationGivenPolicy();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plan: PlanEmailsUseCase,
  ) {}

  execute(command: PlanRecommendationGivenCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const { eventId, given } = command;
      const { recommendationId, authorId, subjectId, text, reciprocal } = given;
      const recipient = await this.plan.recipientOf({
        recipientId: subjectId,
        counterpartId: authorId,
      });
      // A subject who switched these emails off gets none, so their one nudge for the pair stays unspent.
      const nudging = !reciprocal && recipient.preferences.allows('reciprocity');
      const time = this.plan.planningTime(recipient);
      const { sent, nudgeRecorded } = nudging
        ? await this.plan.recordNudgeAndCountSentOnDayOf(recipient, time, authorId)
        : { sent: await this.plan.sentOnDayOf(recipient, time), nudgeRecorded: false };
      const email = this.policy.plan({
        recommendationId,
        authorId,
        subjectId,
        text,
        reciprocal,
        pairAlreadyNudged: nudging && !nudgeRecorded,
      });
      await this.plan.addFor(eventId, email, recipient, time, sent);
    });
  }
}
