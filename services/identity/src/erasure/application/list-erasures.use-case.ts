import { Injectable } from '@nestjs/common';
import type { Page } from '@vouch/contracts';
import { InvalidFieldsException, decodeCursor, toPage } from '@vouch/platform';
import type { Erasure } from '../domain/erasure';
import { ErasureRepository } from '../infrastructure/erasure.repository';

@Injectable()
export class ListErasures {
  constructor(private readonly erasures: ErasureRepository) {}

  /** Erasures, newest first. */
  async execute(query: { limit: number; cursor?: string }): Promise<Page<Erasure>> {
    const rows = await this.erasures.list(query.limit + 1, positionOf(query.cursor));
    return toPage(
      rows,
      query.limit,
      (erasure) => ({ key: erasure.snapshot().requestedAt.toISOString(), id: erasure.snapshot().id }),
      (erasure) => erasure,
    );
  }
}

function positionOf(cursor: string | undefined): { requestedAt: Date; id: string } | undefined {
  const position = decodeCursor(cursor);
  if (position === undefined) return undefined;
  const requestedAt = new Date(position.key);
  if (Number.isNaN(requestedAt.getTime()))
    throw new InvalidFieldsException([{ field: 'cursor', message: 'cursor is not one this API handed out' }]);
  return { requestedAt, id: position.id };
}
