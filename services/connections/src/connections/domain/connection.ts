import {
  ConnectionAcceptedV1,
  ConnectionDeclinedV1,
  ConnectionRemovedV1,
  ConnectionRequestCancelledV1,
  ConnectionRequestedV1,
  ConnectionRequestWithdrawnV1,
  RecordedEvents,
  type ConnectionStatus,
  type EmployeeDeactivatedV1,
  type EventCause,
  type EventData,
  type RecordedEvent,
  type RecordsEvents,
} from '@vouch/contracts';
import {
  CannotConnectToSelfError,
  ConnectionRequestNotFoundError,
  NotConnectedError,
  RequestNoLongerPendingError,
} from './connection.errors';

/** At most one open connection exists between two employees; the others are history. */

export const OPEN_STATUSES: readonly ConnectionStatus[] = ['pending', 'accepted'];

export interface ConnectionState {
  id: string;
  requesterId: string;
  addresseeId: string;
  message: string | null;
  status: ConnectionStatus;
  requestedAt: Date;
  acceptedAt: Date | null;
  closedAt: Date | null;
  removedBy: string | null;
}

/**
 * One connection between two employees, from the request to its end. Its id stays the same through
 * request, accept and remove: it is the aggregate and the key of its events. Each change records
 * the event that tells the other services.
 */
export class Connection implements RecordsEvents {
  private readonly events = new RecordedEvents();

  private constructor(private state: ConnectionState) {}

  static request(init: {
    id: string;
    requesterId: string;
    addresseeId: string;
    message: string | null;
    at: Date;
  }): Connection {
    if (init.requesterId === init.addresseeId) throw new CannotConnectToSelfError();
    const connection = new Connection({
      id: init.id,
      requesterId: init.requesterId,
      addresseeId: init.addresseeId,
      message: init.message,
      status: 'pending',
      requestedAt: init.at,
      acceptedAt: null,
      closedAt: null,
      removedBy: null,
    });
    connection.events.record(ConnectionRequestedV1, {
      subject: init.id,
      data: {
        ...connection.eventFields(),
        message: init.message,
        requestedAt: init.at.toISOString(),
      },
    });
    return connection;
  }

  static restore(state: ConnectionState): Connection {
    return new Connection({ ...state });
  }

  pullEvents(): RecordedEvent[] {
    return this.events.pull();
  }

  snapshot(): Readonly<ConnectionState> {
    return { ...this.state };
  }

  get id(): string {
    return this.state.id;
  }

  get status(): ConnectionStatus {
    return this.state.status;
  }

  isOpen(): boolean {
    return OPEN_STATUSES.includes(this.state.status);
  }

  /** The addressee accepts; anyone else is told the request does not exist. */
  accept(by: string, at: Date): void {
    this.requirePendingFor(this.state.addresseeId, by);
    this.state = { ...this.state, status: 'accepted', acceptedAt: at };
    this.events.record(ConnectionAcceptedV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), acceptedAt: at.toISOString() },
    });
  }

  /** The addressee declines; anyone else is told the request does not exist. */
  decline(by: string, at: Date): void {
    this.requirePendingFor(this.state.addresseeId, by);
    this.state = { ...this.state, status: 'declined', closedAt: at };
    this.events.record(ConnectionDeclinedV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), declinedAt: at.toISOString() },
    });
  }

  /** The requester takes the request back; anyone else is told the request does not exist. */
  withdraw(by: string, at: Date): void {
    this.requirePendingFor(this.state.requesterId, by);
    this.state = { ...this.state, status: 'withdrawn', closedAt: at };
    this.events.record(ConnectionRequestWithdrawnV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), withdrawnAt: at.toISOString() },
    });
  }

  /**
   * A pending request ends without an answer because one side left the company (the `cause`), at
   * the time of the departure; anything else stays as it is.
   */
  cancel(deactivation: EventData<typeof EmployeeDeactivatedV1>, cause?: EventCause): void {
    if (this.state.status !== 'pending') return;
    this.state = { ...this.state, status: 'cancelled', closedAt: new Date(deactivation.deactivatedAt) };
    this.events.record(ConnectionRequestCancelledV1, {
      subject: this.state.id,
      data: {
        ...this.eventFields(),
        reason: 'employee_deactivated',
        deactivatedEmployeeId: deactivation.employeeId,
        cancelledAt: deactivation.deactivatedAt,
      },
      cause,
    });
  }

  /** Either side ends an accepted connection. */
  remove(by: string, at: Date): void {
    if (this.state.status !== 'accepted' || !this.involves(by)) {
      throw new NotConnectedError(this.otherThan(by));
    }
    this.state = { ...this.state, status: 'removed', closedAt: at, removedBy: by };
    this.events.record(ConnectionRemovedV1, {
      subject: this.state.id,
      data: { ...this.eventFields(), removedBy: by, removedAt: at.toISOString() },
    });
  }

  /** When the two got connected; asked of a connection that is not accepted, it is a bug. */
  connectedSince(): Date {
    if (this.state.status !== 'accepted' || !this.state.acceptedAt)
      throw new Error(`connection ${this.state.id} is ${this.state.status}, not accepted`);
    return this.state.acceptedAt;
  }

  involves(employeeId: string): boolean {
    return this.state.requesterId === employeeId || this.state.addresseeId === employeeId;
  }

  /** The other side of the connection, seen from one of its two employees. */
  otherThan(employeeId: string): string {
    return this.state.requesterId === employeeId ? this.state.addresseeId : this.state.requesterId;
  }

  /** The fields every connection event starts with: which one, and where it stands after it. */
  private eventFields(): {
    connectionId: string;
    requesterId: string;
    addresseeId: string;
    status: ConnectionStatus;
  } {
    const { id, requesterId, addresseeId, status } = this.state;
    return { connectionId: id, requesterId, addresseeId, status };
  }

  private requirePendingFor(allowed: string, by: string): void {
    if (by !== allowed) throw new ConnectionRequestNotFoundError(this.state.id);
    if (this.state.status !== 'pending')
      throw new RequestNoLongerPendingError(this.state.id, this.state.status);
  }
}
