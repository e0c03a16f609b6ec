import type { INestApplication, Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { Client } from 'pg';
import {
  ConnectionAcceptedV1,
  ConnectionRemovedV1,
  EmployeeDeactivatedV1,
  EmployeeReactivatedV1,
  EmployeeManagerChangedV2,
  EmployeeProfileUpdatedV1,
  fromKafkaRecord,
  Topics,
  type CloudEvent,
  type EventData,
  type EventDefinition,
  type ManagerSource,
} from '@vouch/contracts';
import { createServiceApp, loadConfig } from '@vouch/platform';
import {
  announceHires,
  createTopic,
  ServiceUnderTest,
  testKafka,
  TestTokenAuthority,
  uniqueName,
  waitFor,
  type HttpAnswer,
  type HiredEmployee,
  type NewHire,
} from '@vouch/testing';
import { AppModule, serviceDescription } from '../../src/app.module';
import { recommendationsEnvironment, type RecommendationsEnvironment } from '../../src/config';

/** An employee known to the service through identity's event, with a token of their own. */
export type TestEmployee = HiredEmployee;

export const SAMPLE_TEXT = 'Ana made every release calmer; she explains, listens and follows through.';

/**
 * The recommendations service started as in production, on its own database and topic prefix, fed
 * by identity's and connections' events as those services would publish them, with everything it
 * publishes collected from Kafka.
 */
export class RecommendationsTestApp {
  private constructor(
    private readonly service: ServiceUnderTest,
    private readonly environment: RecommendationsEnvironment,
    /** Everything the service published, as read from Kafka, in order per aggregate. */
    readonly events: CloudEvent[],
    private readonly reader: Consumer,
    private readonly db: Client,
    readonly authority: TestTokenAuthority,
  ) {}

  static async start(label: string, env: Record<string, string> = {}): Promise<RecommendationsTestApp> {
    const authority = await TestTokenAuthority.start();
    let environment: RecommendationsEnvironment | undefined;
    const service = await ServiceUnderTest.start(label, (context) => {
      environment = loadConfig(recommendationsEnvironment, {
        ...authority.environment,
        DATABASE_URL: context.databaseUrl,
        KAFKA_BROKERS: context.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: context.topicPrefix,
        KAFKA_TOPIC_PARTITIONS: '3',
        LOG_LEVEL: 'silent',
        ...env,
      });
      return createServiceApp(AppModule.forRoot(environment), serviceDescription, context.databaseUrl);
    });
    if (!environment) throw new Error('the service started without its environment');
    const { kafkaBrokers, topicPrefix, databaseUrl } = service.context;

    // The consumer joins its group in the background; on a busy shared broker that takes a while,
    // and no test should spend its own time budget on it.
    await waitFor(
      'the service to be ready (database, Kafka, consumer group joined)',
      () => service.request('GET', '/health/ready'),
      (answer) => answer.status === 200,
      { timeoutMs: 150_000, intervalMs: 500 },
    );

    const topic = `${topicPrefix}${Topics.recommendations}`;
    await createTopic(kafkaBrokers, topic);
    const reader = testKafka(kafkaBrokers).consumer({ groupId: uniqueName('reader') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    const events: CloudEvent[] = [];
    await reader.run({
      eachMessage: async ({ message }) => {
        events.push(fromKafkaRecord(message));
      },
    });

    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    return new RecommendationsTestApp(service, environment, events, reader, db, authority);
  }

  /** One more instance of the service on the same database and topics, as in a scaled deployment. */
  async startAnotherInstance(): Promise<INestApplication> {
    const app = await createServiceApp(
      AppModule.forRoot(this.environment),
      serviceDescription,
      this.environment.DATABASE_URL,
    );
    await app.init();
    return app;
  }

  async close(): Promise<void> {
    await this.reader.disconnect();
    await this.db.end();
    await this.service.close();
    await this.authority.close();
  }

  /** Where the service listens: for an answer that is not JSON (a CSV file). */
  get baseUrl(): string {
    return this.service.baseUrl;
  }

  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer<T>> {
    return this.service.request<T>(method, path, options);
  }

  /** One of the service's providers: for a test that runs a sweep now, or ages a row to expire it. */
  get<TProvider>(type: Type<TProvider>): TProvider {
    return this.service.get(type);
  }

  /** Publishes another service's events, as that service would, on this app's topics. */
  async publish<TDefinition extends EventDefinition>(
    definition: TDefinition,
    events: Array<{ subject: string; data: EventData<TDefinition> }>,
  ): Promise<void> {
    await this.service.publish(definition, events);
  }

  /** Waits until the service has handled every event published to it. */
  settled(): Promise<void> {
    return this.service.settled();
  }

  /** Registers employees through identity's event, waits until the service knows them. */
  async hire(...employees: NewHire[]): Promise<TestEmployee[]> {
    const hired = await announceHires(this.service, this.authority, employees);
    await this.settled();
    return hired;
  }

  async adminToken(): Promise<string> {
    return (await this.authority.tokenFor({ roles: ['employee', 'admin'] })).token;
  }

  /** A member of HR's token: HR read the coverage as admins do. */
  async hrToken(): Promise<string> {
    return (await this.authority.tokenFor({ roles: ['employee', 'hr'] })).token;
  }

  /** A member of HR, with the id their actions are recorded under. */
  async hrMember(): Promise<{ id: string; token: string }> {
    return this.authority.tokenFor({ roles: ['employee', 'hr'] });
  }

  /** Connects each pair through connections' event; returns the connection ids. */
  async connect(...pairs: Array<[TestEmployee, TestEmployee]>): Promise<string[]> {
    const connections = pairs.map(([a, b]) => ({ connectionId: randomUUID(), a, b }));
    await this.publish(
      ConnectionAcceptedV1,
      connections.map(({ connectionId, a, b }) => ({
        subject: connectionId,
        data: { connectionId, requesterId: a.id, addresseeId: b.id, acceptedAt: new Date().toISOString() },
      })),
    );
    await this.settled();
    return connections.map((connection) => connection.connectionId);
  }

  async disconnect(connectionId: string, a: TestEmployee, b: TestEmployee): Promise<void> {
    await this.publish(ConnectionRemovedV1, [
      {
        subject: connectionId,
        data: {
          connectionId,
          requesterId: a.id,
          addresseeId: b.id,
          removedBy: a.id,
          removedAt: new Date().toISOString(),
        },
      },
    ]);
    await this.settled();
  }

  async deactivate(employee: TestEmployee): Promise<void> {
    await this.publish(EmployeeDeactivatedV1, [
      {
        subject: employee.id,
        data: { employeeId: employee.id, deactivatedAt: new Date().toISOString() },
      },
    ]);
    await this.settled();
    await this.tokenAnswers(employee, 401);
  }

  async reactivate(employee: TestEmployee): Promise<void> {
    await this.publish(EmployeeReactivatedV1, [
      {
        subject: employee.id,
        data: { employeeId: employee.id, reactivatedAt: new Date().toISOString() },
      },
    ]);
    await this.settled();
    await this.tokenAnswers(employee, 200);
  }

  /**
   * Waits for the service's next read of the deactivated employees (once a second): from then on it
   * refuses (401) or accepts (200) the employee's token again.
   */
  private async tokenAnswers(employee: TestEmployee, status: 200 | 401): Promise<void> {
    await waitFor(
      `the service to answer ${status} to the token of ${employee.id}`,
      () => this.request('GET', '/v1/recommendations/received', { token: employee.token }),
      (answer) => answer.status === status,
      { timeoutMs: 5_000, intervalMs: 50 },
    );
  }

  /** identity's EmployeeManagerChanged v2; the link's source is SCIM unless told otherwise. */
  async changeManager(
    employee: TestEmployee,
    manager: TestEmployee | null,
    source: ManagerSource = 'scim',
  ): Promise<void> {
    await this.publish(EmployeeManagerChangedV2, [
      {
        subject: employee.id,
        data: {
          employeeId: employee.id,
          managerId: manager?.id ?? null,
          managerSource: manager ? source : null,
          previousManagerId: null,
          changedAt: new Date().toISOString(),
        },
      },
    ]);
    await this.settled();
  }

  async rename(employee: TestEmployee, name: string): Promise<void> {
    await this.publish(EmployeeProfileUpdatedV1, [
      {
        subject: employee.id,
        data: {
          employeeId: employee.id,
          name,
          title: 'Staff engineer',
          headline: null,
          timeZone: null,
          completeness: 50,
          changedFields: ['name', 'title'],
          updatedAt: new Date().toISOString(),
        },
      },
    ]);
    await this.settled();
  }

  /** Waits for the service's events of a type about one aggregate to arrive on Kafka. */
  async eventsAbout(type: string, subject: string, count = 1): Promise<CloudEvent[]> {
    return waitFor(
      `${count} ${type} event(s) about ${subject} on Kafka`,
      async () => this.events.filter((event) => event.type === type && event.subject === subject),
      (found) => found.length >= count,
      { timeoutMs: 30_000 },
    );
  }

  /** Every event the service published about one aggregate so far, in order. */
  eventTypesAbout(subject: string): string[] {
    return this.events.filter((event) => event.subject === subject).map((event) => event.type);
  }

  /** Moves a request's expiry into the past, as if its lifetime had run out. */
  async ageRequest(requestId: string): Promise<void> {
    await this.db.query(
      `UPDATE recommendation_request SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [requestId],
    );
  }

  /** Its database, for a test that looks through every table (an erasure's). */
  get databaseUrl(): string {
    return this.service.context.databaseUrl;
  }
}
