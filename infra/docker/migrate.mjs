#!/usr/bin/env node
// @ts-check
/**
 * Applies a built service's migrations and exits: the Kubernetes init container and the Compose
 * command run it before the service starts. The service would apply them at boot anyway
 * (TypeORM `migrationsRun`), but TypeORM takes no lock, so replicas starting together on a new
 * release would race on the same migration; here a PostgreSQL advisory lock makes them take turns,
 * and whoever comes second finds nothing left to do.
 *
 * It reads the service's own data source options (entities, migrations) from its root module, as
 * `AppModule.forRoot(environment)` hands them to TypeORM, so the list of migrations is never
 * repeated here.
 *
 *   node migrate.mjs                                   (in the image: /app is the built service)
 *   node infra/docker/migrate.mjs dist/services/<service>
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** The key of the lock migrations are applied under, per database (the relay's leader lock is 42). */
const MIGRATION_LOCK = { namespace: 48_151_623, id: 1 };
/** What @nestjs/typeorm names the options it is given (TYPEORM_MODULE_OPTIONS). */
const TYPEORM_OPTIONS_TOKEN = 'TypeOrmModuleOptions';

/**
 * The TypeORM options a module tree carries, found by walking its dynamic modules' imports.
 * @param {unknown} module
 * @returns {Record<string, unknown> | undefined}
 */
function typeOrmOptions(module) {
  if (typeof module !== 'object' || module === null) return undefined;
  const { providers = [], imports = [] } = /** @type {{ providers?: unknown[], imports?: unknown[] }} */ (
    module
  );
  for (const provider of providers) {
    if (
      typeof provider === 'object' &&
      provider !== null &&
      'provide' in provider &&
      'useValue' in provider
    ) {
      if (provider.provide === TYPEORM_OPTIONS_TOKEN)
        return /** @type {Record<string, unknown>} */ (provider.useValue);
    }
  }
  for (const imported of imports) {
    const found = typeOrmOptions(imported);
    if (found) return found;
  }
  return undefined;
}

/** @param {string} serviceRoot a built service: dist/services/<service>, or /app in the image */
export async function migrate(serviceRoot) {
  const root = path.resolve(serviceRoot);
  /** @type {{ main: string }} */
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const sourceDir = path.join(root, path.dirname(manifest.main));
  const service = path.basename(path.dirname(path.dirname(manifest.main)));
  const requireFromService = createRequire(path.join(root, 'package.json'));

  const { loadConfig } = requireFromService(path.join(root, 'libs/platform/src'));
  const { ensureDatabase } = requireFromService(path.join(root, 'libs/persistence/src'));
  const { AppModule } = requireFromService(path.join(sourceDir, 'app.module'));
  const config = requireFromService(path.join(sourceDir, 'config'));
  const schema = config[`${service}Environment`];
  if (!schema) throw new Error(`${service}: config exports no ${service}Environment`);
  const environment = loadConfig(schema);

  const options = typeOrmOptions(AppModule.forRoot(environment));
  if (!options) throw new Error(`${service}: no TypeORM options in AppModule.forRoot()`);
  /** @type {typeof import('typeorm')} */
  const { DataSource } = requireFromService('typeorm');

  try {
    await ensureDatabase(environment.DATABASE_URL);
  } catch (error) {
    // Two replicas creating the database at the same moment: the loser's CREATE DATABASE can fail
    // on pg_database's unique index (23505) rather than with "already exists"; either way it exists.
    if (/** @type {{ code?: string }} */ (error).code !== '23505') throw error;
  }
  const dataSource = new DataSource(
    /** @type {import('typeorm').DataSourceOptions} */ ({ ...options, migrationsRun: false }),
  );
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    // The service's session limits (DATABASE_*_TIMEOUT_MS) would cut the wait for a replica that
    // migrates first; its migrations themselves run without statement_timeout (serviceDataSourceOptions).
    await lock.query('SET lock_timeout = 0');
    await lock.query('SET statement_timeout = 0');
    await lock.query('SELECT pg_advisory_lock($1, $2)', [MIGRATION_LOCK.namespace, MIGRATION_LOCK.id]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { service, applied: applied.map((migration) => migration.name) };
  } finally {
    // Closing the connection releases the lock, whatever happened.
    await lock.release();
    await dataSource.destroy();
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url))) {
  try {
    const { service, applied } = await migrate(process.argv[2] ?? '.');
    process.stdout.write(
      `${service}: ${applied.length === 0 ? 'schema up to date' : `applied ${applied.join(', ')}`}\n`,
    );
  } catch (error) {
    process.stderr.write(`migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
