import { DataSource } from 'typeorm';
import { Client } from 'pg';
import { quoteIdentifier, withDatabase } from '@vouch/persistence';
import { testInfrastructure, uniqueName } from './test-infrastructure';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of its own for one test file, on the shared test server. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = testInfrastructure().databaseUrl;
  const name = uniqueName(`t_${label}`);
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () =>
      onServer(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
      ),
  };
}

/**
 * Runs `migrations` not yet run on the database, as a service's boot does: for tests of a migration
 * on data written by the ones before it.
 */
export async function runMigrations(databaseUrl: string, migrations: Array<new () => object>): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, migrations });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** Runs `work` on a connection of its own to the database, closed afterwards whatever happens. */
export async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function onServer(serverUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  await withClient(withDatabase(serverUrl, 'postgres'), work);
}
