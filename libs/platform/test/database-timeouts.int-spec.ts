import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createTestDatabase, testInfrastructure, uniqueTopicPrefix, type TestDatabase } from '@vouch/testing';
import { createServiceApp, loadConfig, serviceEnvironment, ServicePlatformModule } from '../src';

const STATEMENT_TIMEOUT_MS = 300;

/** A migration that runs longer than the sessions' statement limit, in its transaction. */
class SlowMigration1800000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_sleep(${(3 * STATEMENT_TIMEOUT_MS) / 1000})`);
    await queryRunner.query('CREATE TABLE slow_one (id int)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE slow_one');
  }
}

/** One outside a transaction, as CREATE INDEX CONCURRENTLY needs. */
class SlowMigrationOutsideTransaction1800000000002 implements MigrationInterface {
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pg_sleep(${(3 * STATEMENT_TIMEOUT_MS) / 1000})`);
    await queryRunner.query('CREATE INDEX CONCURRENTLY slow_one_id ON slow_one (id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX slow_one_id');
  }
}

@Controller('v1/reports')
class ReportsController {
  constructor(private readonly dataSource: DataSource) {}

  /** A report whose statement takes longer than the limit. */
  @Get('slow')
  async slow(): Promise<{ done: boolean }> {
    await this.dataSource.query(`SELECT pg_sleep(${(10 * STATEMENT_TIMEOUT_MS) / 1000})`);
    return { done: true };
  }

  /** The limits the session that answers has. */
  @Get('limits')
  async limits(): Promise<Record<string, string>> {
    const [row]: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );
    return row ?? {};
  }
}

describe("a service's database time limits", () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('db_timeouts');
    const environment = loadConfig(serviceEnvironment({ name: 'sample', port: 0 }), {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('db-timeouts'),
      LOG_LEVEL: 'silent',
      DATABASE_POOL_SIZE: '2',
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DATABASE_LOCK_TIMEOUT_MS: '2000',
      DATABASE_IDLE_TRANSACTION_TIMEOUT_MS: '5000',
    });
    @Module({
      imports: [
        ServicePlatformModule.forRoot({
          name: 'sample',
          environment,
          entities: [],
          migrations: [SlowMigration1800000000001, SlowMigrationOutsideTransaction1800000000002],
        }),
      ],
      controllers: [ReportsController],
    })
    class SampleModule {}
    app = await createServiceApp(
      SampleModule,
      { title: 'sample', description: 'a sample service' },
      database.url,
    );
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('applies migrations that run longer than the statement limit, under their own names', async () => {
    const applied: Array<{ name: string }> = await app
      .get(DataSource)
      .query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['SlowMigration1800000000001', 'SlowMigrationOutsideTransaction1800000000002']),
    );
  });

  it('gives every pooled session the configured limits, the connection that ran the migrations too', async () => {
    // Both pool connections at once: one of them ran the migrations.
    const answers = await Promise.all(
      [1, 2].map(async () => (await fetch(`${baseUrl}/v1/reports/limits`)).json()),
    );
    expect(answers).toEqual([
      { statement: `${STATEMENT_TIMEOUT_MS}ms`, lock: '2s', idle: '5s' },
      { statement: `${STATEMENT_TIMEOUT_MS}ms`, lock: '2s', idle: '5s' },
    ]);
  });

  it('answers 503 problem+json with Retry-After when a statement runs past the limit, on every connection', async () => {
    const started = Date.now();
    const responses = await Promise.all([1, 2].map(() => fetch(`${baseUrl}/v1/reports/slow`)));
    expect(Date.now() - started).toBeLessThan(5 * STATEMENT_TIMEOUT_MS);
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.json()).toEqual({
        type: 'https://httpstatuses.io/503',
        title: 'Service unavailable',
        status: 503,
        detail: 'the database did not answer in time; try again',
      });
    }
  });

  it('declares that 503 on every operation of its OpenAPI document, with Retry-After', async () => {
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { responses: Record<string, { headers: Record<string, { required?: boolean }> }> };
    };

    const operations = Object.values(document.paths).flatMap((path) => Object.values(path));
    expect(operations).toHaveLength(2);
    for (const operation of operations)
      expect(operation.responses['503']).toEqual({ $ref: '#/components/responses/DatabaseTimeout' });
    expect(document.components.responses['DatabaseTimeout']?.headers['Retry-After']?.required).toBe(true);
  });
});
