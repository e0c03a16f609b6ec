import type { ConnectionWithCounterpart } from '../infrastructure/connection.repository';

/** A colleague as lists show them. */
export interface ColleagueView {
  employeeId: string;
  name: string;
  title: string | null;
}

/** A connection request as the API shows it to one of its two employees. */
export interface ConnectionRequestView {
  id: string;
  requesterId: string;
  addresseeId: string;
  status: string;
  message: string | null;
  requestedAt: string;
  acceptedAt: string | null;
  /** The employee on the other side, seen from the caller. */
  employee: ColleagueView;
}

/** One of my connections. */
export interface ConnectionView extends ColleagueView {
  since: string;
}

export function toRequestView({ connection, counterpart }: ConnectionWithCounterpart): ConnectionRequestView {
  const state = connection.snapshot;
  return {
    id: state.id,
    requesterId: state.requesterId,
    addresseeId: state.addresseeId,
    status: state.status,
    message: state.message,
    requestedAt: state.requestedAt.toISOString(),
    acceptedAt: state.acceptedAt?.toISOString() ?? null,
    employee: { employeeId: counterpart.id, name: counterpart.name, title: counterpart.title },
  };
}
