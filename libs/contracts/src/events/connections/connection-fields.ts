import { EntityId } from '../../vocabulary';

/** Which connection, and between whom: the fields every connection event starts with. */
export const connectionFields = {
  connectionId: EntityId.meta({
    description: 'The connection; the same id from the request through accept and remove.',
  }),
  requesterId: EntityId.meta({ description: 'Who asked to connect.' }),
  addresseeId: EntityId.meta({ description: 'Who was asked.' }),
};
