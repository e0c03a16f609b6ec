import { Client } from 'pg';
import { databaseName, withDatabase } from './database-url';

const RACED_CREATION = new Set(['42P04', '23505']);

/**
 * Creates the database a URL names, if missing, by connecting to the server's `postgres` database.
 * Each service owns one database; on a fresh server it brings its own into being at boot.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    try {
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    } catch (error) {
      // Another instance of the service created it at the same moment: that is what we wanted.
      // PostgreSQL says so as 42P04 (it exists), or as 23505 when both inserts raced in its catalogue.
      if (!RACED_CREATION.has((error as { code?: string }).code ?? '')) throw error;
    }
  } finally {
    await admin.end();
  }
}

export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
