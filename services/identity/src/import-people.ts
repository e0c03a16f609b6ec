import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AuthModule } from '@vouch/auth';
import { DataSource } from 'typeorm';
import { Outbox, UnitOfWork } from '@vouch/messaging';
import { serviceDataSourceOptions } from '@vouch/persistence';
import { databaseTimeoutsOf, loadConfig } from '@vouch/platform';
import { identityEntities, identityMigrations } from './app.module';
import { identityEnvironment, type IdentityEnvironment } from './config';
import { EmployeesModule } from './employees/employees.module';
import { InvitationsModule } from './invitations/invitations.module';
import { ImportPeople, type ImportReport } from './provisioning/application/import-people.use-case';
import { PeopleImportModule } from './provisioning/people-import.module';

const USAGE = `usage: npm run import -- <people.csv | -> [--dry-run] [--deactivate-missing] [--json]
       node services/identity/src/import-people.js …   (in identity's image; - reads the file from stdin)

Imports the company's people from a CSV file into identity's database (DATABASE_URL and the rest of
identity's environment), all of it or, if any line is bad, nothing. The running identity's outbox
relay publishes the events afterwards.

  --dry-run             check the file and say what the import would do; write nothing
  --deactivate-missing  deactivate the active employees the file does not list
  --json                print the report as JSON
`;

/**
 * Writes events to the outbox as identity does, through the same unit of work; identity's own relay
 * publishes them. No relay runs here: the import ends as soon as it has committed.
 */
@Global()
@Module({
  providers: [
    { provide: Outbox, useValue: new Outbox('/vouch/identity') },
    {
      provide: UnitOfWork,
      inject: [DataSource, Outbox],
      useFactory: (dataSource: DataSource, outbox: Outbox) => new UnitOfWork(dataSource, outbox),
    },
  ],
  exports: [Outbox, UnitOfWork],
})
class OutboxOnlyModule {}

/** Just what the import needs of identity: its database, the employees' use cases, invitations. */
@Module({})
class PeopleImportCommandModule {
  static forRoot(environment: IdentityEnvironment): DynamicModule {
    const employees = EmployeesModule.forRoot(environment);
    const invitations = InvitationsModule.forRoot(environment, employees);
    return {
      module: PeopleImportCommandModule,
      imports: [
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions({
            url: environment.DATABASE_URL,
            preparedStatements: environment.DATABASE_PREPARED_STATEMENTS,
            poolSize: 2,
            timeouts: databaseTimeoutsOf(environment),
            applicationName: 'identity-import',
            entities: identityEntities,
            migrations: identityMigrations,
          }),
          // identity migrates its database as it starts; the import only checks it is up to date.
          migrationsRun: false,
        }),
        OutboxOnlyModule,
        AuthModule.forRoot(environment),
        PeopleImportModule.forRoot(employees, invitations, { api: false }),
      ],
    };
  }
}

function printReport(report: ImportReport, file: string): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const { summary } = report;
  if (report.errors.length > 0) {
    out(`${file}: ${report.errors.length} problem(s), nothing was imported:`);
    for (const error of report.errors)
      out(`  line ${error.line}${error.field === null ? '' : `, ${error.field}`}: ${error.message}`);
    return;
  }
  out(
    `${file}: ${report.dryRun ? 'dry run, nothing written: would import' : 'imported'} ${summary.people} people: ` +
      `${summary.created} created, ${summary.updated} updated (${summary.reactivated} reactivated), ` +
      `${summary.unchanged} unchanged, ${summary.invited} invited; ${summary.missing} missing from the file, ` +
      `${summary.deactivated} deactivated`,
  );
  for (const change of report.changes)
    out(`  line ${change.line}: ${change.email} ${change.outcome} (${change.fields.join(', ') || 'new'})`);
  for (const person of report.missing)
    out(`  missing: ${person.email} (${person.name})${person.deactivated ? ', deactivated' : ''}`);
}

async function standardInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'deactivate-missing': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [path, ...extra] = positionals;
  if (values.help || path === undefined || extra.length > 0) {
    process.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  const file = path === '-' ? await standardInput() : await readFile(path);
  // Services' warnings at boot (a signing key or invitation secret made for this process) concern
  // serving requests, which a command does not: it says what it did on stdout, and errors.
  Logger.overrideLogger(['error']);
  const environment = loadConfig(identityEnvironment, { LOG_LEVEL: 'warn', ...process.env });
  const app = await NestFactory.createApplicationContext(PeopleImportCommandModule.forRoot(environment), {
    logger: ['error'],
  });
  try {
    if (await app.get(DataSource).showMigrations())
      throw new Error(
        "identity's database is not up to date: start identity (npm start, or roll it out) to migrate it, then import",
      );
    const report = await app.get(ImportPeople).execute({
      file,
      dryRun: values['dry-run'],
      deactivateMissing: values['deactivate-missing'],
    });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printReport(report, path);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await app.close();
  }
}

// Exits by itself once the context is closed, so a long report written to a pipe is not cut short.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
