import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Page } from '@vouch/contracts';
import { InvalidFieldsException } from './problem-details';

/** `?limit=&cursor=` of every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/**
 * Cursors are opaque to clients: the sort key and id of the last item, so a page never skips or
 * repeats items when rows are added meanwhile.
 */
export function encodeCursor(position: { key: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a cursor's sort key could have come from this API: an ISO time as `toISOString` writes it, or text. */
function isKeyOfKind(key: string, kind: 'time' | 'text'): boolean {
  if (kind === 'text') return !key.includes('\u0000');
  // Years 0001 to 9999 only: `toISOString` writes others as +/-YYYYYY, which PostgreSQL refuses.
  if (!/^(?!0000)\d{4}-/.test(key)) return false;
  const time = new Date(key);
  return !Number.isNaN(time.getTime()) && time.toISOString() === key;
}

/**
 * The position a cursor names. Every id is a UUID and every key is the kind its list sorts by, so a
 * forged cursor is a 400 naming `cursor`, never a query the database refuses (a 500).
 */
export function decodeCursor(
  cursor: string | undefined,
  keyKind: 'time' | 'text' = 'time',
): { key: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && UUID.test(id) && isKeyOfKind(key, keyKind))
      return { key, id };
  } catch {
    // fall through to the answer below
  }
  throw new InvalidFieldsException([{ field: 'cursor', message: 'cursor is not one this API handed out' }]);
}

/** Builds a page from `limit + 1` rows fetched in order: the extra row only says there is more. */
export function toPage<TRow, TItem>(
  rows: TRow[],
  limit: number,
  position: (row: TRow) => { key: string; id: string },
  toItem: (row: TRow) => TItem,
): Page<TItem> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null,
  };
}
