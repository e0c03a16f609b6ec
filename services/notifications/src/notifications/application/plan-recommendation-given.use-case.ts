import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventData, RecommendationGivenV1 } from '@vouch/contracts';
import { RecommendationGivenPolicy } from '../domain/email-policies';
import { PlanEmailsUseCase } from './plan-emails.use-case';

/**
 * The subject's email about a new recommendation. The ledger row is written only when a nudge is
 * wanted, in the same transaction as the delivery, so the one nudge per pair is never spent on an
 * email that was not sent.
 */
@Injectable()
export class PlanRecommendationGivenUseCase {
  private readonly policy = new RecommendationGivenPolicy();

  constructor(private readonly plan: PlanEmailsUseCase) {}

  async execute(
    manager: EntityManager,
    eventId: string,
    data: EventData<typeof RecommendationGivenV1>,
  ): Promise<void> {
    const { recommendationId, authorId, subjectId, text, reciprocal } = data;
    const recipient = await this.plan.recipientOf(manager, {
      recipientId: subjectId,
      counterpartId: authorId,
    });
    // A subject who switched these emails off gets none, so their one nudge for the pair stays unspent.
    const nudging = !reciprocal && recipient.preferences.allows('reciprocity');
    const { sent, nudgeRecorded } = nudging
      ? await this.plan.recordNudgeAndCountSentToday(manager, recipient, { authorId, at: new Date() })
      : { sent: await this.plan.sentToday(manager, recipient), nudgeRecorded: false };
    const email = this.policy.plan({
      recommendationId,
      authorId,
      subjectId,
      text,
      reciprocal,
      pairAlreadyNudged: nudging && !nudgeRecorded,
    });
    await this.plan.addFor(manager, eventId, email, recipient, sent);
  }
}
