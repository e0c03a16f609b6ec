import type { INestApplication, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fromKafkaRecord, type CloudEvent, type EventData, type EventDefinition } from '@vouch/contracts';
import { freePort } from './dedicated-kafka-broker';
import { publishEvents, testKafka, uniqueTopicPrefix, waitForTopic } from './kafka-test-kit';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testInfrastructure, uniqueName } from './test-infrastructure';
import { waitFor } from './wait-for';

/** What a test file's service gets of its own: a database, a topic prefix, a port. */
export interface ServiceTestContext {
  databaseUrl: string;
  kafkaBrokers: string[];
  topicPrefix: string;
  port: number;
}

export interface HttpAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A service started as in production, over real HTTP, PostgreSQL and Kafka, on a database and
 * topic prefix of its test file's own. Tests talk to it as clients do: HTTP in, events out.
 */
export class ServiceUnderTest {
  private published = 0;

  private constructor(
    private readonly app: INestApplication,
    private readonly database: TestDatabase,
    readonly context: ServiceTestContext,
    readonly baseUrl: string,
  ) {}

  static async start(
    label: string,
    createApp: (context: ServiceTestContext) => Promise<INestApplication>,
  ): Promise<ServiceUnderTest> {
    const database = await createTestDatabase(label);
    const context = {
      databaseUrl: database.url,
      kafkaBrokers: testInfrastructure().kafkaBrokers,
      topicPrefix: uniqueTopicPrefix(label),
      port: await freePort(),
    };
    const app = await createApp(context);
    await app.listen(context.port, '127.0.0.1');
    return new ServiceUnderTest(app, database, context, `http://127.0.0.1:${context.port}`);
  }

  /**
   * One of the running service's providers: for a test that drives a scheduled job at a time of its
   * own choosing (tomorrow's digest hour) instead of waiting for the clock.
   */
  get<T>(type: Type<T>): T {
    return this.app.get(type);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** Publishes events as their owning service would, on this service's topics. */
  async publish<TDefinition extends EventDefinition>(
    definition: TDefinition,
    events: Array<{ subject: string; data: EventData<TDefinition> }>,
  ): Promise<CloudEvent[]> {
    const published = await publishEvents(
      this.context.kafkaBrokers,
      this.context.topicPrefix,
      definition,
      events,
    );
    this.published += published.length;
    return published;
  }

  /**
   * Waits until the service has handled every event published through `publish` (a redelivery
   * counts as none). Test set-up, so it may look at the inbox; assertions go through HTTP and Kafka.
   */
  async settled(): Promise<void> {
    const dataSource = this.app.get(DataSource);
    await waitFor(
      'the service to handle every published event',
      async () =>
        ((await dataSource.query(`SELECT count(*)::int AS n FROM inbox`)) as Array<{ n: number }>)[0]?.n ?? 0,
      (handled) => handled >= this.published,
    );
  }

  /** Reads `count` events about one subject from a topic this service writes, from the beginning. */
  async eventsAbout(
    topic: string,
    subject: string,
    count: number,
    { timeoutMs = 60_000 } = {},
  ): Promise<CloudEvent[]> {
    const physical = `${this.context.topicPrefix}${topic}`;
    await waitForTopic(this.context.kafkaBrokers, physical, timeoutMs);
    const consumer = testKafka(this.context.kafkaBrokers).consumer({ groupId: uniqueName('events_reader') });
    const events: CloudEvent[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: physical, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`read ${events.length} of ${count} events about ${subject} from ${topic}`)),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: async ({ message }) => {
            // A tombstone of a compacted topic is no event.
            if (message.value === null) return;
            const event = fromKafkaRecord(message);
            if (event.subject !== subject) return;
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

  /**
   * Waits until a count query reaches a number: for test set-up that waits on a replica catching up
   * with events. Assertions go through HTTP and Kafka, not the database.
   */
  async waitForCount(
    description: string,
    countQuery: string,
    parameters: unknown[],
    expected: number,
  ): Promise<void> {
    const dataSource = this.app.get(DataSource);
    await waitFor(
      description,
      async () => ((await dataSource.query(countQuery, parameters)) as Array<{ n: number }>)[0]?.n,
      (count) => count === expected,
      { timeoutMs: 60_000 },
    );
  }
}
