import { decodeCursor, InvalidFieldsException } from '@vouch/platform';
import type { PagePosition } from '../infrastructure/newest-first.page';

/** `?limit=&cursor=` of a list, as the controller parsed it. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the requested page starts; a cursor this API did not hand out is a 400, never a 500. */
export function pagePosition(page: PageRequest): PagePosition {
  const after = decodeCursor(page.cursor);
  if (after && (Number.isNaN(Date.parse(after.key)) || !UUID.test(after.id)))
    throw new InvalidFieldsException([{ field: 'cursor', message: 'cursor is not one this API handed out' }]);
  return { after, limit: page.limit };
}
