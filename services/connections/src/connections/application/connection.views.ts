import type { ConnectionRequestView } from '@vouch/contracts';
import type { ConnectionWithCounterpart } from '../infrastructure/connection.queries';

export function toRequestView({ connection, counterpart }: ConnectionWithCounterpart): ConnectionRequestView {
  const state = connection.snapshot();
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
