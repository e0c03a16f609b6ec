import {
  ConnectionsErasureCompletedV1,
  NotificationsErasureCompletedV1,
  RecommendationsErasureCompletedV1,
  RecordedEvents,
  type EmployeeErasedV1,
  type EventCause,
  type EventData,
  type RecordedEvent,
  type RecordsEvents,
} from '@vouch/contracts';

/** The services that hold data about employees besides identity, each reporting its own erasure. */
export type ErasingService = 'connections' | 'recommendations' | 'notifications';

/**
 * One service's part of an erasure identity asked for (EmployeeErased): once the service has removed
 * or anonymised what it held, `complete` records the report identity gathers into the erasure's
 * progress, saved with the removals in one transaction so that it is sent if and only if they are.
 */
export class EmployeeErasure implements RecordsEvents {
  private readonly events = new RecordedEvents();

  constructor(
    readonly service: ErasingService,
    readonly erased: EventData<typeof EmployeeErasedV1>,
    private readonly cause: EventCause,
  ) {}

  get employeeId(): string {
    return this.erased.employeeId;
  }

  complete(completedAt: Date): void {
    const { erasureId, employeeId } = this.erased;
    const report = { subject: employeeId, cause: this.cause };
    const completed = { erasureId, employeeId, completedAt: completedAt.toISOString() };
    // One branch per service: each report's `service` is the literal its contract fixes.
    switch (this.service) {
      case 'connections':
        this.events.record(ConnectionsErasureCompletedV1, {
          ...report,
          data: { ...completed, service: 'connections' },
        });
        break;
      case 'recommendations':
        this.events.record(RecommendationsErasureCompletedV1, {
          ...report,
          data: { ...completed, service: 'recommendations' },
        });
        break;
      case 'notifications':
        this.events.record(NotificationsErasureCompletedV1, {
          ...report,
          data: { ...completed, service: 'notifications' },
        });
        break;
    }
  }

  pullEvents(): RecordedEvent[] {
    return this.events.pull();
  }
}
