import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  EmployeeRegisteredV1,
  fromKafkaRecord,
  type CloudEvent,
  type EventData,
  type EventDefinition,
} from '@vouch/contracts';
import { createServiceApp, loadConfig } from '@vouch/platform';
import {
  createTestDatabase,
  publishEvents,
  testInfrastructure,
  testKafka,
  TestTokenAuthority,
  uniqueName,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { AppModule, serviceDescription } from '../../src/app.module';
import { connectionsEnvironment } from '../../src/config';

export interface Answer<T = unknown> {
  status: number;
  contentType: string | null;
  body: T;
}

/** An employee known to the service (through identity's event) with a token of their own. */
export interface TestEmployee {
  id: string;
  name: string;
  token: string;
}

/** The connections service started as in production, on its own database and topic prefix. */
export class ConnectionsTestApp {
  private constructor(
    private readonly app: INestApplication,
    private readonly database: TestDatabase,
    readonly authority: TestTokenAuthority,
    readonly baseUrl: string,
    readonly brokers: string[],
    readonly topicPrefix: string,
  ) {}

  static async start(label: string): Promise<ConnectionsTestApp> {
    const { kafkaBrokers } = testInfrastructure();
    const database = await createTestDatabase(label);
    const authority = await TestTokenAuthority.start();
    const topicPrefix = uniqueTopicPrefix(label);
    const environment = loadConfig(connectionsEnvironment, {
      ...authority.environment,
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      LOG_LEVEL: 'silent',
    });
    const app = await createServiceApp(AppModule.forRoot(environment), serviceDescription, database.url);
    await app.listen(0, '127.0.0.1');
    return new ConnectionsTestApp(app, database, authority, await app.getUrl(), kafkaBrokers, topicPrefix);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.authority.close();
    await this.database.drop();
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  }

  /** Publishes identity's events as identity would, on this app's topics. */
  publish<TDefinition extends EventDefinition>(
    definition: TDefinition,
    events: Array<{ subject: string; data: EventData<TDefinition> }>,
  ): Promise<CloudEvent[]> {
    return publishEvents(this.brokers, this.topicPrefix, definition, events);
  }

  /**
   * Registers employees through identity's event and waits until the replica has them: test set-up,
   * so it may look at the database; assertions go through HTTP.
   */
  async hire(
    ...employees: Array<{ name?: string; title?: string | null; managerId?: string | null }>
  ): Promise<TestEmployee[]> {
    const hired = employees.map((employee) => ({
      id: randomUUID(),
      name: employee.name ?? `Employee ${uniqueName('e')}`,
      title: employee.title ?? null,
      managerId: employee.managerId ?? null,
    }));
    await this.publish(
      EmployeeRegisteredV1,
      hired.map((employee) => ({
        subject: employee.id,
        data: {
          employeeId: employee.id,
          email: `${employee.id}@example.com`,
          name: employee.name,
          title: employee.title,
          managerId: employee.managerId,
          timeZone: null,
          registeredAt: new Date().toISOString(),
        },
      })),
    );
    await this.waitForReplica(
      'the registered employees',
      `SELECT count(*)::int AS n FROM employee WHERE id = ANY($1)`,
      [hired.map((employee) => employee.id)],
      hired.length,
    );
    return Promise.all(
      hired.map(async (employee) => ({
        id: employee.id,
        name: employee.name,
        token: (await this.authority.tokenFor({ id: employee.id })).token,
      })),
    );
  }

  /** Waits until the replica has applied an event: a count query reaches the expected number. */
  async waitForReplica(description: string, countQuery: string, parameters: unknown[], expected: number) {
    const dataSource = this.app.get(DataSource);
    await waitFor(
      description,
      async () => ((await dataSource.query(countQuery, parameters)) as Array<{ n: number }>)[0]?.n,
      (count) => count === expected,
      { timeoutMs: 60_000 },
    );
  }

  /** Reads the service's connection events about one connection, from the start of the topic. */
  async eventsAbout(connectionId: string, count: number): Promise<CloudEvent[]> {
    const consumer = testKafka(this.brokers).consumer({ groupId: uniqueName('events_reader') });
    const events: CloudEvent[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({
        topic: `${this.topicPrefix}vouch.connections.connections.v1`,
        fromBeginning: true,
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`read ${events.length} of ${count} events about ${connectionId}`)),
          60_000,
        );
        void consumer.run({
          eachMessage: async ({ message }) => {
            const event = fromKafkaRecord(message);
            if (event.subject !== connectionId) return;
            events.push(event);
            if (events.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      return events;
    } finally {
      await consumer.disconnect();
    }
  }
}
