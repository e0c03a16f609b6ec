import { Client } from 'pg';
import { quoteIdentifier } from '@vouch/persistence';

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
 * case-insensitively within the column's text. For tests of an erasure; slow on a large database.
 */
export async function findValuesInDatabase(
  databaseUrl: string,
  values: readonly string[],
): Promise<FoundValue[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
        ORDER BY c.table_name, c.column_name`,
    );
    const found: FoundValue[] = [];
    for (const { table_name: table, column_name: column } of columns)
      for (const value of values) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${quoteIdentifier(table)}
            WHERE strpos(lower(${quoteIdentifier(column)}::text), lower($1)) > 0`,
          [value],
        );
        const count = rows[0]?.n ?? 0;
        if (count > 0) found.push({ table, column, value, rows: count });
      }
    return found;
  } finally {
    await client.end();
  }
}
