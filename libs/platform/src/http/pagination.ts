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

export function decodeCursor(cursor: string | undefined): { key: string; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
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
