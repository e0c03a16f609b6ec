import { EmployeeErasedV1, RecordedEvents, type RecordedEvent, type RecordsEvents } from '@vouch/contracts';

/** The services that each erase what they hold about a person; identity first, the others on EmployeeErased. */
export const ERASURE_PARTS = ['identity', 'connections', 'recommendations', 'notifications'] as const;
export type ErasurePart = (typeof ERASURE_PARTS)[number];
/** The parts that report their completion by an event. */
export type ReportedErasurePart = Exclude<ErasurePart, 'identity'>;

export interface ErasureState {
  id: string;
  employeeId: string;
  requestedAt: Date;
  /** The admin who erased the person. */
  requestedBy: string;
  /** The request it answers (a ticket, a reference): why, as the audit log keeps it. */
  reason: string;
  /** When each service finished its part; null while it has not. */
  parts: Record<ErasurePart, Date | null>;
  /** When the last part finished. */
  completedAt: Date | null;
}

/**
 * A person's erasure at their request, and its progress: identity erases its own data in the
 * request's transaction and publishes EmployeeErased; each other service reports its part done.
 * Complete when all four parts are.
 */
export class Erasure implements RecordsEvents {
  private readonly events = new RecordedEvents();

  private constructor(private state: ErasureState) {}

  /** An erasure that identity has carried out at `at`, telling the other services to do theirs. */
  static begin(init: {
    id: string;
    employeeId: string;
    requestedBy: string;
    reason: string;
    at: Date;
  }): Erasure {
    const erasure = new Erasure({
      id: init.id,
      employeeId: init.employeeId,
      requestedAt: init.at,
      requestedBy: init.requestedBy,
      reason: init.reason.trim(),
      parts: { identity: init.at, connections: null, recommendations: null, notifications: null },
      completedAt: null,
    });
    erasure.events.record(EmployeeErasedV1, {
      subject: init.employeeId,
      data: { employeeId: init.employeeId, erasureId: init.id, erasedAt: init.at.toISOString() },
    });
    return erasure;
  }

  static restore(state: ErasureState): Erasure {
    return new Erasure({ ...state, parts: { ...state.parts } });
  }

  pullEvents(): RecordedEvent[] {
    return this.events.pull();
  }

  snapshot(): Readonly<ErasureState> {
    return this.state;
  }

  get isComplete(): boolean {
    return this.state.completedAt !== null;
  }

  /**
   * A service's report that its part is done. A report of a part already done changes nothing
   * (events may arrive twice): returns false then. The erasure is complete when the last part was
   * done, by the parts' own times: reports on different topics arrive in any order.
   */
  completePart(part: ReportedErasurePart, at: Date): boolean {
    if (this.state.parts[part] !== null) return false;
    const parts = { ...this.state.parts, [part]: at };
    const times = ERASURE_PARTS.map((each) => parts[each]);
    const completedAt = times.every((time) => time !== null)
      ? new Date(Math.max(...times.map((time) => time.getTime())))
      : null;
    this.state = { ...this.state, parts, completedAt };
    return true;
  }
}
