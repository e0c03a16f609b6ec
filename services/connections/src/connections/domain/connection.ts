import type { ConnectionStatus } from '@vouch/contracts';
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
 * request, accept and remove: it is the aggregate and the key of its events.
 */
export class Connection {
  private constructor(private state: ConnectionState) {}

  static request(init: {
    id: string;
    requesterId: string;
    addresseeId: string;
    message: string | null;
    at: Date;
  }): Connection {
    if (init.requesterId === init.addresseeId) throw new CannotConnectToSelfError();
    return new Connection({
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
  }

  static restore(state: ConnectionState): Connection {
    return new Connection({ ...state });
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
  }

  /** The addressee declines; anyone else is told the request does not exist. */
  decline(by: string, at: Date): void {
    this.requirePendingFor(this.state.addresseeId, by);
    this.state = { ...this.state, status: 'declined', closedAt: at };
  }

  /** The requester takes the request back; anyone else is told the request does not exist. */
  withdraw(by: string, at: Date): void {
    this.requirePendingFor(this.state.requesterId, by);
    this.state = { ...this.state, status: 'withdrawn', closedAt: at };
  }

  /** A pending request ends without an answer, e.g. because one side left the company. */
  cancel(at: Date): void {
    if (this.state.status !== 'pending') return;
    this.state = { ...this.state, status: 'cancelled', closedAt: at };
  }

  /** Either side ends an accepted connection. */
  remove(by: string, at: Date): void {
    if (this.state.status !== 'accepted' || !this.involves(by)) {
      throw new NotConnectedError(this.otherThan(by));
    }
    this.state = { ...this.state, status: 'removed', closedAt: at, removedBy: by };
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

  private requirePendingFor(allowed: string, by: string): void {
    if (by !== allowed) throw new ConnectionRequestNotFoundError(this.state.id);
    if (this.state.status !== 'pending')
      throw new RequestNoLongerPendingError(this.state.id, this.state.status);
  }
}
