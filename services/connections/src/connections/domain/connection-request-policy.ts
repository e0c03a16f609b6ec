import type { Connection } from './connection';
import {
  AlreadyConnectedError,
  CannotConnectToSelfError,
  EmployeeNotFoundError,
  InactiveRequesterError,
  RequestAlreadyPendingError,
} from './connection.errors';

/** What the replica knows of an employee that matters to a request. */
export interface Party {
  id: string;
  active: boolean;
}

export type RequestDecision =
  | { kind: 'create' }
  /** The addressee had already asked the requester: asking back accepts theirs. */
  | { kind: 'accept-theirs'; connection: Connection };

/**
 * Decides what asking to connect does, given both employees as the replica knows them (null when
 * unknown) and the open connection between them, if any.
 */
export function decideConnectionRequest(input: {
  requesterId: string;
  addresseeId: string;
  requester: Party | null;
  addressee: Party | null;
  open: Connection | null;
}): RequestDecision {
  const { requesterId, addresseeId, open } = input;
  if (requesterId === addresseeId) throw new CannotConnectToSelfError();
  if (!input.requester?.active) throw new InactiveRequesterError();
  if (!input.addressee?.active) throw new EmployeeNotFoundError(addresseeId);
  if (!open) return { kind: 'create' };
  if (open.status === 'accepted') throw new AlreadyConnectedError(addresseeId);
  if (open.snapshot().requesterId === requesterId) throw new RequestAlreadyPendingError(addresseeId);
  return { kind: 'accept-theirs', connection: open };
}
