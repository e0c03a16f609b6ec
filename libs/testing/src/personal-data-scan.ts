import { quoteIdentifier } from '@vouch/persistence';
import { withClient } from './test-database';

/** A column of a table that holds one of the values looked for. */
export interface FoundValue {
  table: string;
  column: string;
  value: string;
  rows: number;
}

/**
 * Where a database still holds any of `values` (a person's name, their email): every column of
 * text, character, JSON or array type of every table in the public schema, searched
 * case-insensitively within the column's text, by URL so that it reads a service under test and a
 * whole platform's alike. For tests of an erasure; slow on a large database.
 */
export async function findValuesInDatabase(
  databaseUrl: string,
  values: readonly string[],
): Promise<FoundValue[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
        ORDER BY c.table_name, c.column_name`,
    );
    const found: FoundValue[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      // One scan of the table for every value, in the order they were given.
      const { rows } = await client.query<{ value: string; rows: number }>(
        `SELECT v.value, count(*)::int AS rows
           FROM unnest($1::text[]) WITH ORDINALITY AS v(value, position)
           JOIN ${quoteIdentifier(table)} t ON strpos(lower(t.${quoteIdentifier(column)}::text), lower(v.value)) > 0
          GROUP BY v.value, v.position
          ORDER BY v.position`,
        [values],
      );
      for (const { value, rows: count } of rows) found.push({ table, column, value, rows: count });
    }
    return found;
  });
}
