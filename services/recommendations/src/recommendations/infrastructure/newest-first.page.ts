import type { SelectQueryBuilder } from 'typeorm';

/** Where a page starts: after the item with this creation time and id (newest first). */
export interface PagePosition {
  after?: { key: string; id: string };
  limit: number;
}

/** Newest first, `limit + 1` rows so the caller can tell whether there is a next page. */
export function pageOf<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  position: PagePosition,
): SelectQueryBuilder<T> {
  if (position.after) {
    query.andWhere(
      `(${alias}.createdAt, ${alias}.id) < (CAST(:afterKey AS timestamptz), CAST(:afterId AS uuid))`,
      {
        afterKey: position.after.key,
        afterId: position.after.id,
      },
    );
  }
  return query
    .orderBy(`${alias}.createdAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(position.limit + 1);
}
