import { Payload } from '@nestjs/microservices';
import {
  ConnectionAcceptedV1,
  ConnectionRequestedV1,
  causedBy,
  EmployeeDeactivatedV1,
  EmployeeErasedV1,
  EmployeeInvitedV1,
  RecommendationAcceptedV1,
  RecommendationGivenV1,
  RecommendationRequestDeclinedV1,
  RecommendationRequestedV1,
  RecommendationRequestExpiredV1,
  RecommendationRequestWithdrawnV1,
  RecommendationRevisionRequestedV1,
  RecommendationTakenDownV1,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { EventHandlers, HandlesEvent } from '@vouch/messaging';
import { DeactivateEmployeeUseCase } from '../application/deactivate-employee.use-case';
import { EraseEmployeeUseCase } from '../application/erase-employee.use-case';
import { PlanEmailsUseCase } from '../application/plan-emails.use-case';
import { PlanInvitationEmailUseCase } from '../application/plan-invitation-email.use-case';
import { PlanRecommendationGivenUseCase } from '../application/plan-recommendation-given.use-case';
import { PlanTakedownEmailsUseCase } from '../application/plan-takedown-emails.use-case';
import {
  CancelRequestReminderUseCase,
  ScheduleRequestReminderUseCase,
} from '../application/request-reminders.use-cases';
import {
  ConnectionAcceptedPolicy,
  ConnectionRequestedPolicy,
  RecommendationAcceptedPolicy,
  RecommendationRequestedPolicy,
  RevisionRequestedPolicy,
} from '../domain/email-policies';
import { dailyCapLock } from '../infrastructure/recipient.repository';

/** The policies that alone decide the email an event plans. */
const policies = {
  recommendationRequested: new RecommendationRequestedPolicy(),
  connectionRequested: new ConnectionRequestedPolicy(),
  connectionAccepted: new ConnectionAcceptedPolicy(),
  recommendationAccepted: new RecommendationAcceptedPolicy(),
  revisionRequested: new RevisionRequestedPolicy(),
};

/** Whom the email an event plans goes to, for the events that plan one. */
const emailRecipients: Record<string, (data: never) => string> = {
  [RecommendationGivenV1.type]: (data: EventData<typeof RecommendationGivenV1>) => data.subjectId,
  [RecommendationRequestedV1.type]: (data: EventData<typeof RecommendationRequestedV1>) =>
    policies.recommendationRequested.plan(data).recipientId,
  [ConnectionRequestedV1.type]: (data: EventData<typeof ConnectionRequestedV1>) =>
    policies.connectionRequested.plan(data).recipientId,
  [ConnectionAcceptedV1.type]: (data: EventData<typeof ConnectionAcceptedV1>) =>
    policies.connectionAccepted.plan(data).recipientId,
  [RecommendationAcceptedV1.type]: (data: EventData<typeof RecommendationAcceptedV1>) =>
    policies.recommendationAccepted.plan(data).recipientId,
  [RecommendationRevisionRequestedV1.type]: (data: EventData<typeof RecommendationRevisionRequestedV1>) =>
    policies.revisionRequested.plan(data).recipientId,
};

/**
 * The daily-count lock an event's handler takes (PlanEmailsUseCase holds it until commit), declared
 * for the consumer to take first: events handled together then never wait for each other in a cycle.
 */
export function dailyCapLocksOf(event: CloudEvent): string[] {
  const recipientOf = emailRecipients[event.type];
  return recipientOf ? [dailyCapLock(recipientOf(event.data as never))] : [];
}

/**
 * The events that become deliveries, departures and erasures (EmployeeReplicaHandlers keeps the rest of the
 * replica of employees). Short and transactional; sending happens elsewhere.
 */
@EventHandlers()
export class NotificationEventHandlers {
  constructor(
    private readonly deactivateEmployee: DeactivateEmployeeUseCase,
    private readonly eraseEmployee: EraseEmployeeUseCase,
    private readonly plan: PlanEmailsUseCase,
    private readonly recommendationGivenEmail: PlanRecommendationGivenUseCase,
    private readonly invitationEmail: PlanInvitationEmailUseCase,
    private readonly takedownEmails: PlanTakedownEmailsUseCase,
    private readonly scheduleReminder: ScheduleRequestReminderUseCase,
    private readonly cancelReminder: CancelRequestReminderUseCase,
  ) {}

  @HandlesEvent(EmployeeDeactivatedV1)
  async onEmployeeDeactivated(
    @Payload() event: CloudEvent<EventData<typeof EmployeeDeactivatedV1>>,
  ): Promise<void> {
    await this.deactivateEmployee.execute(event.data);
  }

  @HandlesEvent(EmployeeErasedV1)
  async onEmployeeErased(@Payload() event: CloudEvent<EventData<typeof EmployeeErasedV1>>): Promise<void> {
    await this.eraseEmployee.execute(event.data, causedBy(event));
  }

  /** Transactional: takes no daily-cap lock, as it is neither capped nor counted. */
  @HandlesEvent(EmployeeInvitedV1)
  async onEmployeeInvited(@Payload() event: CloudEvent<EventData<typeof EmployeeInvitedV1>>): Promise<void> {
    await this.invitationEmail.execute({ eventId: event.id, invited: event.data });
  }

  @HandlesEvent(RecommendationGivenV1, { locks: dailyCapLocksOf })
  async onRecommendationGiven(
    @Payload() event: CloudEvent<EventData<typeof RecommendationGivenV1>>,
  ): Promise<void> {
    const { requestId } = event.data;
    if (requestId) await this.cancelReminder.execute({ requestId });
    await this.recommendationGivenEmail.execute({ eventId: event.id, given: event.data });
  }

  @HandlesEvent(RecommendationRequestedV1, { locks: dailyCapLocksOf })
  async onRecommendationRequested(
    @Payload() event: CloudEvent<EventData<typeof RecommendationRequestedV1>>,
  ): Promise<void> {
    await this.plan.execute({ eventId: event.id, email: policies.recommendationRequested.plan(event.data) });
    const { requestId, requesterId, recipientId, relationship, message, requestedAt } = event.data;
    await this.scheduleReminder.execute({
      requestId,
      eventId: event.id,
      requesterId,
      recipientId,
      relationship,
      message,
      requestedAt: new Date(requestedAt),
    });
  }

  @HandlesEvent(RecommendationRequestDeclinedV1)
  async onRequestDeclined(
    @Payload() event: CloudEvent<EventData<typeof RecommendationRequestDeclinedV1>>,
  ): Promise<void> {
    await this.cancelReminder.execute({ requestId: event.data.requestId });
  }

  @HandlesEvent(RecommendationRequestWithdrawnV1)
  async onRequestWithdrawn(
    @Payload() event: CloudEvent<EventData<typeof RecommendationRequestWithdrawnV1>>,
  ): Promise<void> {
    await this.cancelReminder.execute({ requestId: event.data.requestId });
  }

  @HandlesEvent(RecommendationRequestExpiredV1)
  async onRequestExpired(
    @Payload() event: CloudEvent<EventData<typeof RecommendationRequestExpiredV1>>,
  ): Promise<void> {
    await this.cancelReminder.execute({ requestId: event.data.requestId });
  }

  @HandlesEvent(ConnectionRequestedV1, { locks: dailyCapLocksOf })
  async onConnectionRequested(
    @Payload() event: CloudEvent<EventData<typeof ConnectionRequestedV1>>,
  ): Promise<void> {
    await this.plan.execute({ eventId: event.id, email: policies.connectionRequested.plan(event.data) });
  }

  @HandlesEvent(ConnectionAcceptedV1, { locks: dailyCapLocksOf })
  async onConnectionAccepted(
    @Payload() event: CloudEvent<EventData<typeof ConnectionAcceptedV1>>,
  ): Promise<void> {
    await this.plan.execute({ eventId: event.id, email: policies.connectionAccepted.plan(event.data) });
  }

  @HandlesEvent(RecommendationAcceptedV1, { locks: dailyCapLocksOf })
  async onRecommendationAccepted(
    @Payload() event: CloudEvent<EventData<typeof RecommendationAcceptedV1>>,
  ): Promise<void> {
    await this.plan.execute({ eventId: event.id, email: policies.recommendationAccepted.plan(event.data) });
  }

  @HandlesEvent(RecommendationRevisionRequestedV1, { locks: dailyCapLocksOf })
  async onRevisionRequested(
    @Payload() event: CloudEvent<EventData<typeof RecommendationRevisionRequestedV1>>,
  ): Promise<void> {
    await this.plan.execute({ eventId: event.id, email: policies.revisionRequested.plan(event.data) });
  }

  /** Transactional: takes no daily-cap lock, as it is neither capped nor counted. */
  @HandlesEvent(RecommendationTakenDownV1)
  async onRecommendationTakenDown(
    @Payload() event: CloudEvent<EventData<typeof RecommendationTakenDownV1>>,
  ): Promise<void> {
    await this.takedownEmails.execute({ eventId: event.id, takenDown: event.data });
  }
}
