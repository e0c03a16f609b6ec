import { EntityId } from '../../vocabulary';

/** Which connection, and between whom: the fields every connection event starts with. */
export const connectionFields = {
  /** The connection; the same id from the request through accept and remove. */
  connectionId: EntityId,
  /** Who asked to connect. */
  requesterId: EntityId,
  /** Who was asked. */
  addresseeId: EntityId,
};
