import type { EventDefinition } from './event-definition';
import { ConnectionAcceptedV1 } from './events/connections/connection-accepted.v1';
import { ConnectionDeclinedV1 } from './events/connections/connection-declined.v1';
import { ConnectionRemovedV1 } from './events/connections/connection-removed.v1';
import { ConnectionRequestCancelledV1 } from './events/connections/connection-request-cancelled.v1';
import { ConnectionRequestWithdrawnV1 } from './events/connections/connection-request-withdrawn.v1';
import { ConnectionRequestedV1 } from './events/connections/connection-requested.v1';
import {
  ConnectionsErasureCompletedV1,
  NotificationsErasureCompletedV1,
  RecommendationsErasureCompletedV1,
} from './events/erasure/erasure-completed';
import { EmployeeDeactivatedV1 } from './events/identity/employee-deactivated.v1';
import { EmployeeErasedV1 } from './events/identity/employee-erased.v1';
import { EmployeeEmailChangedV1 } from './events/identity/employee-email-changed.v1';
import { EmployeeInvitedV1 } from './events/identity/employee-invited.v1';
import { EmployeeManagerChangedV1 } from './events/identity/employee-manager-changed.v1';
import { EmployeeManagerChangedV2 } from './events/identity/employee-manager-changed.v2';
import { EmployeeProfileUpdatedV1 } from './events/identity/employee-profile-updated.v1';
import { EmployeeReactivatedV1 } from './events/identity/employee-reactivated.v1';
import { EmployeeRecordV1 } from './events/identity/employee-record.v1';
import { EmployeeRegisteredV1 } from './events/identity/employee-registered.v1';
import { EmailFailedV1 } from './events/notifications/email-failed.v1';
import { EmailSentV1 } from './events/notifications/email-sent.v1';
import { RecommendationAcceptedV1 } from './events/recommendations/recommendation-accepted.v1';
import { RecommendationGivenV1 } from './events/recommendations/recommendation-given.v1';
import { RecommendationHiddenV1 } from './events/recommendations/recommendation-hidden.v1';
import { RecommendationRequestDeclinedV1 } from './events/recommendations/recommendation-request-declined.v1';
import { RecommendationRequestExpiredV1 } from './events/recommendations/recommendation-request-expired.v1';
import { RecommendationRequestFulfilledV1 } from './events/recommendations/recommendation-request-fulfilled.v1';
import { RecommendationRequestWithdrawnV1 } from './events/recommendations/recommendation-request-withdrawn.v1';
import { RecommendationRequestedV1 } from './events/recommendations/recommendation-requested.v1';
import { RecommendationReciprocatedV1 } from './events/recommendations/recommendation-reciprocated.v1';
import { RecommendationReciprocityEndedV1 } from './events/recommendations/recommendation-reciprocity-ended.v1';
import { RecommendationRevisedV1 } from './events/recommendations/recommendation-revised.v1';
import { RecommendationRevisionRequestedV1 } from './events/recommendations/recommendation-revision-requested.v1';
import { RecommendationTakenDownV1 } from './events/recommendations/recommendation-taken-down.v1';
import { RecommendationWithdrawnV1 } from './events/recommendations/recommendation-withdrawn.v1';

/** Every event definition of the platform: what a consumer can validate on the way in. */
export const PlatformEvents: readonly EventDefinition[] = [
  EmployeeRegisteredV1,
  EmployeeProfileUpdatedV1,
  EmployeeManagerChangedV1,
  EmployeeManagerChangedV2,
  EmployeeDeactivatedV1,
  EmployeeReactivatedV1,
  EmployeeEmailChangedV1,
  EmployeeInvitedV1,
  EmployeeErasedV1,
  EmployeeRecordV1,
  ConnectionRequestedV1,
  ConnectionAcceptedV1,
  ConnectionDeclinedV1,
  ConnectionRequestWithdrawnV1,
  ConnectionRequestCancelledV1,
  ConnectionRemovedV1,
  ConnectionsErasureCompletedV1,
  RecommendationRequestedV1,
  RecommendationRequestDeclinedV1,
  RecommendationRequestWithdrawnV1,
  RecommendationRequestExpiredV1,
  RecommendationRequestFulfilledV1,
  RecommendationGivenV1,
  RecommendationRevisedV1,
  RecommendationAcceptedV1,
  RecommendationHiddenV1,
  RecommendationRevisionRequestedV1,
  RecommendationWithdrawnV1,
  RecommendationTakenDownV1,
  RecommendationReciprocatedV1,
  RecommendationReciprocityEndedV1,
  RecommendationsErasureCompletedV1,
  EmailSentV1,
  EmailFailedV1,
  NotificationsErasureCompletedV1,
];

/** Looks event definitions up by type and schema version. */
export class EventCatalogue {
  private readonly byTypeAndVersion = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      const key = EventCatalogue.key(definition.type, definition.version);
      if (this.byTypeAndVersion.has(key)) throw new Error(`event ${key} is defined twice`);
      this.byTypeAndVersion.set(key, definition);
    }
  }

  find(type: string, version: number): EventDefinition | undefined {
    return this.byTypeAndVersion.get(EventCatalogue.key(type, version));
  }

  /** The topic that carries events of a type (any version). */
  topicOf(type: string): string | undefined {
    for (const definition of this.byTypeAndVersion.values()) {
      if (definition.type === type) return definition.topic;
    }
    return undefined;
  }

  private static key(type: string, version: number): string {
    return `${type}@v${version}`;
  }
}
