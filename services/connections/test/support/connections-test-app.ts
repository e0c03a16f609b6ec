import type { Type } from '@nestjs/common';
import { Topics, type CloudEvent, type EventData, type EventDefinition } from '@vouch/contracts';
import { createServiceApp, loadConfig } from '@vouch/platform';
import {
  announceHires,
  ServiceUnderTest,
  TestTokenAuthority,
  type HiredEmployee,
  type HttpAnswer,
  type NewHire,
} from '@vouch/testing';
import { AppModule, serviceDescription } from '../../src/app.module';
import { connectionsEnvironment } from '../../src/config';

/** An employee known to the service (through identity's event) with a token of their own. */
export type TestEmployee = HiredEmployee;

/** The connections service started as in production, with a token authority standing in for identity. */
export class ConnectionsTestApp {
  private constructor(
    private readonly service: ServiceUnderTest,
    readonly authority: TestTokenAuthority,
  ) {}

  static async start(label: string): Promise<ConnectionsTestApp> {
    const authority = await TestTokenAuthority.start();
    const service = await ServiceUnderTest.start(label, (context) => {
      const environment = loadConfig(connectionsEnvironment, {
        ...authority.environment,
        DATABASE_URL: context.databaseUrl,
        KAFKA_BROKERS: context.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: context.topicPrefix,
        KAFKA_TOPIC_PARTITIONS: '3',
        LOG_LEVEL: 'silent',
      });
      return createServiceApp(AppModule.forRoot(environment), serviceDescription, context.databaseUrl);
    });
    return new ConnectionsTestApp(service, authority);
  }

  get baseUrl(): string {
    return this.service.baseUrl;
  }

  async close(): Promise<void> {
    await this.service.close();
    await this.authority.close();
  }

  request<T = unknown>(
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

  /** Publishes identity's events as identity would, on this app's topics. */
  publish<TDefinition extends EventDefinition>(
    definition: TDefinition,
    events: Array<{ subject: string; data: EventData<TDefinition> }>,
  ): Promise<CloudEvent[]> {
    return this.service.publish(definition, events);
  }

  /**
   * Registers employees through identity's event and waits until the replica has them: test set-up,
   * so it may look at the database; assertions go through HTTP.
   */
  async hire(...employees: NewHire[]): Promise<TestEmployee[]> {
    const hired = await announceHires(this.service, this.authority, employees);
    await this.waitForReplica(
      'the registered employees',
      `SELECT count(*)::int AS n FROM employee WHERE id = ANY($1)`,
      [hired.map((employee) => employee.id)],
      hired.length,
    );
    return hired;
  }

  /** Waits until the replica has applied an event: a count query reaches the expected number. */
  waitForReplica(
    description: string,
    countQuery: string,
    parameters: unknown[],
    expected: number,
  ): Promise<void> {
    return this.service.waitForCount(description, countQuery, parameters, expected);
  }

  /** Waits until the service has handled every event published through `publish`. */
  settled(): Promise<void> {
    return this.service.settled();
  }

  /** Reads the service's events about one subject (a connection, an erased employee), from the start of the topic. */
  eventsAbout(subject: string, count: number): Promise<CloudEvent[]> {
    return this.service.eventsAbout(Topics.connections, subject, count);
  }

  /** Its database, for a test that looks through every table (an erasure's). */
  get databaseUrl(): string {
    return this.service.context.databaseUrl;
  }
}
