import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  ConnectionRequestedV1,
  EmployeeDeactivatedV1,
  EmployeeEmailChangedV1,
  EmployeeReactivatedV1,
  RecommendationGivenV1,
  toKafkaRecord,
  type CloudEvent,
  type EventData,
  type EventDefinition,
} from '@vouch/contracts';
import { createServiceApp, loadConfig } from '@vouch/platform';
import {
  announceHires,
  ServiceUnderTest,
  testInfrastructure,
  testKafka,
  TestTokenAuthority,
  waitFor,
  type HttpAnswer,
  type HiredEmployee,
} from '@vouch/testing';
import { AppModule, serviceDescription } from '../../src/app.module';
import { Clock } from '../../src/notifications/application/clock';
import { ComposeDueDigestsUseCase } from '../../src/notifications/application/compose-due-digests.use-case';
import {
  PurgeExpiredHistoryUseCase,
  type PurgedHistory,
} from '../../src/notifications/application/purge-expired-history.use-case';
import { notificationsEnvironment } from '../../src/config';
import { testEnvironment } from './test-environment';

/** An employee known to the service through identity's event, with a token and an inbox of their own. */
export type TestEmployee = HiredEmployee;

/** One line of `GET /v1/deliveries`. */
export interface DeliveryLogEntry {
  id: string;
  template: string;
  eventId: string;
  status: 'pending' | 'held' | 'digested' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** When it may first go out: later than `createdAt` for an email waiting for working hours. */
  dueAt: string;
}

/** Preferences with every category switched on, as everyone starts. */
export const ALL_ON = {
  reciprocity: true,
  recommendation_requests: true,
  recommendation_updates: true,
  connection_requests: true,
  connection_updates: true,
  reminders: true,
};

export const SAMPLE_TEXT = 'Ana made every release calmer; she explains, listens and follows through.';

/**
 * The notifications service started as in production, on its own database and topic prefix, fed by
 * the other services' events as they would publish them, sending to maildev unless told otherwise.
 */
export class NotificationsTestApp {
  private constructor(
    private readonly service: ServiceUnderTest,
    readonly authority: TestTokenAuthority,
  ) {}

  static async start(label: string, env: Record<string, string> = {}): Promise<NotificationsTestApp> {
    const authority = await TestTokenAuthority.start();
    const service = await ServiceUnderTest.start(label, (context) => {
      const environment = loadConfig(notificationsEnvironment, {
        ...testEnvironment({
          authority,
          databaseUrl: context.databaseUrl,
          kafkaBrokers: context.kafkaBrokers,
          topicPrefix: context.topicPrefix,
          partitions: 3,
          smtpUrl: testInfrastructure().smtpUrl,
        }),
        LOG_LEVEL: 'silent',
        // Links in the emails point at this very instance, so a test can follow them.
        PUBLIC_URL: `http://127.0.0.1:${context.port}`,
        SENDER_RETRY_INITIAL_DELAY_MS: '50',
        SENDER_RETRY_MAX_DELAY_MS: '200',
        ...env,
      });
      return createServiceApp(AppModule.forRoot(environment), serviceDescription, context.databaseUrl);
    });
    await waitFor(
      'the service to be ready (database, Kafka, consumer group joined)',
      () => service.request('GET', '/health/ready'),
      (answer) => answer.status === 200,
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    return new NotificationsTestApp(service, authority);
  }

  get baseUrl(): string {
    return this.service.baseUrl;
  }

  async close(): Promise<void> {
    await this.service.close();
    await this.authority.close();
  }

  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<HttpAnswer<T>> {
    return this.service.request<T>(method, path, options);
  }

  /** Composes the digests due at a given time, as the digest sweep would when that time comes. */
  composeDigestsAt(now: Date): Promise<number> {
    return this.service.get(ComposeDueDigestsUseCase).execute({ asOf: now });
  }

  /**
   * Plans the emails of the events handled from now on as if it were `at` (the service's Clock),
   * until the returned function is called: a test of the quiet hours picks the hour of the night.
   */
  planAt(at: Date): () => void {
    const clock = jest.spyOn(this.service.get(Clock), 'now').mockImplementation(() => new Date(at));
    return () => clock.mockRestore();
  }

  /** Runs the hourly retention purge now. */
  purgeExpiredHistory(): Promise<PurgedHistory> {
    return this.service.get(PurgeExpiredHistoryUseCase).execute(new Date());
  }

  /** The service's own database, to age rows as time would or read what a purge left. */
  query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.service.get(DataSource).query(sql, parameters);
  }

  /** Publishes another service's events, as that service would, on this app's topics. */
  async publish<TDefinition extends EventDefinition>(
    definition: TDefinition,
    data: EventData<TDefinition>,
    subject: string = randomUUID(),
  ): Promise<CloudEvent> {
    const [event] = await this.service.publish(definition, [{ subject, data }]);
    if (!event) throw new Error('nothing was published');
    return event;
  }

  /** `author` recommends `subject`, as the recommendations service announces it. */
  recommend(
    author: TestEmployee,
    subject: TestEmployee,
    changes: Partial<EventData<typeof RecommendationGivenV1>> = {},
  ): Promise<CloudEvent> {
    const data = recommendationGiven(author, subject, changes);
    return this.publish(RecommendationGivenV1, data, data.recommendationId);
  }

  /** `requester` asks `addressee` to connect, as the connections service announces it. */
  askToConnect(
    requester: Pick<TestEmployee, 'id'>,
    addressee: Pick<TestEmployee, 'id'>,
    message: string | null = null,
  ): Promise<CloudEvent> {
    const connectionId = randomUUID();
    return this.publish(
      ConnectionRequestedV1,
      {
        connectionId,
        requesterId: requester.id,
        addresseeId: addressee.id,
        message,
        requestedAt: new Date().toISOString(),
      },
      connectionId,
    );
  }

  /** Publishes an event that was already published, as Kafka does when it redelivers one. */
  async redeliver(definition: EventDefinition, event: CloudEvent): Promise<void> {
    const producer = testKafka(this.service.context.kafkaBrokers).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    try {
      await producer.send({
        topic: `${this.service.context.topicPrefix}${definition.topic}`,
        acks: -1,
        messages: [toKafkaRecord(event)],
      });
    } finally {
      await producer.disconnect();
    }
  }

  /** Waits until the service has handled every event published to it (a redelivery counts as none). */
  settled(): Promise<void> {
    return this.service.settled();
  }

  /** Someone, and `count` colleagues who may each ask them to connect: one email each. */
  async hireAddresseeAndRequesters(
    count: number,
  ): Promise<{ addressee: TestEmployee; requesters: TestEmployee[] }> {
    const [addressee, ...requesters] = await this.hire(
      'Dana Cruz',
      ...Array.from({ length: count }, (_, index) => `Requester ${index + 1}`),
    );
    if (!addressee) throw new Error('nobody was hired');
    return { addressee, requesters };
  }

  /** Registers employees through identity's event, waits until the service knows them. */
  hire(...names: string[]): Promise<TestEmployee[]> {
    return this.hireIn(null, ...names);
  }

  /** Registers employees who live in a time zone. */
  async hireIn(timeZone: string | null, ...names: string[]): Promise<TestEmployee[]> {
    const hired = await announceHires(
      this.service,
      this.authority,
      names.map((name) => ({ name, timeZone })),
    );
    await this.settled();
    return hired;
  }

  /** Registers an employee who reads `language` and lives in a time zone. */
  async hireReading(language: string, timeZone: string | null, name: string): Promise<TestEmployee> {
    const [hired] = await announceHires(this.service, this.authority, [{ name, timeZone, language }]);
    await this.settled();
    if (!hired) throw new Error('nobody was hired');
    return hired;
  }

  async deactivate(employee: TestEmployee): Promise<void> {
    await this.publish(
      EmployeeDeactivatedV1,
      { employeeId: employee.id, deactivatedAt: new Date().toISOString() },
      employee.id,
    );
    await this.settled();
  }

  async reactivate(employee: TestEmployee): Promise<void> {
    await this.publish(
      EmployeeReactivatedV1,
      { employeeId: employee.id, reactivatedAt: new Date().toISOString() },
      employee.id,
    );
    await this.settled();
  }

  /** Gives an employee a new work email as identity announces it; returns them with it. */
  async changeEmail(employee: TestEmployee, email: string): Promise<TestEmployee> {
    await this.publish(
      EmployeeEmailChangedV1,
      { employeeId: employee.id, email, previousEmail: employee.email, changedAt: new Date().toISOString() },
      employee.id,
    );
    await this.settled();
    return { ...employee, email };
  }

  async adminToken(): Promise<string> {
    return (await this.authority.tokenFor({ roles: ['employee', 'admin'] })).token;
  }

  /** A member of HR's token: HR read the delivery log as admins do. */
  async hrToken(): Promise<string> {
    return (await this.authority.tokenFor({ roles: ['employee', 'hr'] })).token;
  }

  /** The delivery log of one recipient, as an admin reads it. */
  async deliveriesOf(employee: TestEmployee): Promise<DeliveryLogEntry[]> {
    const answer = await this.request<{ items: DeliveryLogEntry[] }>(
      'GET',
      `/v1/deliveries?recipientId=${employee.id}`,
      { token: await this.adminToken() },
    );
    if (answer.status !== 200) throw new Error(`the delivery log answered ${answer.status}`);
    return answer.body.items;
  }

  /** Waits until every delivery to an employee has ended (sent or failed), and returns the log. */
  finishedDeliveriesOf(employee: TestEmployee, count = 1): Promise<DeliveryLogEntry[]> {
    return waitFor(
      `${count} finished delivery(ies) to ${employee.email}`,
      () => this.deliveriesOf(employee),
      (log) => log.length >= count && log.every((entry) => entry.status !== 'pending'),
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  }

  /** Reads one topic this service writes, for events about one subject. */
  eventsAbout(topic: string, subject: string, count = 1): Promise<CloudEvent[]> {
    return this.service.eventsAbout(topic, subject, count);
  }

  /** Its database, for a test that looks through every table (an erasure's). */
  get databaseUrl(): string {
    return this.service.context.databaseUrl;
  }
}

/** The data of a `RecommendationGiven` event, coworker and not reciprocal unless `changes` say otherwise. */
export function recommendationGiven(
  author: TestEmployee,
  subject: TestEmployee,
  changes: Partial<EventData<typeof RecommendationGivenV1>> = {},
): EventData<typeof RecommendationGivenV1> {
  return {
    recommendationId: randomUUID(),
    authorId: author.id,
    subjectId: subject.id,
    relationship: 'coworker',
    text: SAMPLE_TEXT,
    verified: false,
    reciprocal: false,
    requestId: null,
    givenAt: new Date().toISOString(),
    ...changes,
  };
}
