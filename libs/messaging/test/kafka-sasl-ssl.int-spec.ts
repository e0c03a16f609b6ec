import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Partitioners,
  ResourcePatternTypes,
  logLevel,
} from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  DedicatedKafkaBroker,
  testKafka,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { createKafkaClient, explainKafkaError, type KafkaConnection } from '@vouch/kafka-client';
import { MessagingReadiness } from '../src';
import { createProbeApp, recordProbes } from './fixtures/probe-app';

/** Connects an admin client and asks for the topics, failing at once: how an operator's first try goes. */
async function firstContact(brokers: string[], connection: KafkaConnection): Promise<string> {
  const admin = createKafkaClient({
    clientId: 'sasl-ssl-test',
    brokers,
    connection,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 5_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return 'connected';
  } catch (error) {
    return explainKafkaError(error, connection);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

describe('Kafka over SASL_SSL with ACLs', () => {
  const prefix = uniqueTopicPrefix('sasl_ssl');
  let broker: DedicatedKafkaBroker;
  let database: TestDatabase;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    // A broker of this file's own: TLS, SCRAM users and ACLs for the services under this prefix.
    [broker, database] = await Promise.all([
      DedicatedKafkaBroker.start({ security: 'sasl_ssl', aclTopicPrefix: prefix }),
      createTestDatabase('sasl_ssl'),
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await broker?.destroy();
  });

  it("relays and consumes events as a service's user, its client made by the one factory", async () => {
    // The probe events' topic is no service's: granted here as notifications would be granted its own.
    const admin = testKafka(broker.brokers, await broker.connectionAs('admin')).admin();
    await admin.connect();
    await admin.createAcls({
      acl: ['WRITE', 'READ', 'CREATE', 'DESCRIBE'].map((operation) => ({
        principal: 'User:notifications',
        host: '*',
        resourceType: AclResourceTypes.TOPIC,
        resourceName: `${prefix}vouch.test.`,
        resourcePatternType: ResourcePatternTypes.PREFIXED,
        operation: AclOperationTypes[operation as 'READ'],
        permissionType: AclPermissionTypes.ALLOW,
      })),
    });
    await admin.disconnect();

    app = await createProbeApp({
      databaseUrl: database.url,
      brokers: broker.brokers,
      topicPrefix: prefix,
      serviceName: 'notifications',
      connection: await broker.connectionAs('notifications'),
      consumes: true,
    });
    const dataSource = app.get(DataSource);
    const [eventId] = await recordProbes(app, [{ aggregateId: randomUUID(), sequence: 0 }]);
    await waitFor(
      `event ${eventId} relayed and consumed`,
      () => dataSource.query(`SELECT 1 FROM probe_effect WHERE event_id = $1`, [eventId]),
      (rows: unknown[]) => rows.length > 0,
      { timeoutMs: 30_000 },
    );
    await expect(app.get(MessagingReadiness).check()).resolves.toMatchObject({ ok: true });
  });

  it("refuses a service's user on another service's topic and group", async () => {
    const kafka = testKafka(broker.brokers, await broker.connectionAs('connections'));
    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
      retry: { retries: 0 },
    });
    await producer.connect();
    try {
      const admin = kafka.admin();
      await admin.connect();
      // Its own topic: created and written.
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: `${prefix}vouch.connections.connections.v1`, numPartitions: 1 }],
      });
      await admin.disconnect();
      await producer.send({
        topic: `${prefix}vouch.connections.connections.v1`,
        messages: [{ key: 'k', value: 'v' }],
      });

      const refused = await producer
        .send({ topic: `${prefix}vouch.recommendations.recommendations.v1`, messages: [{ value: 'v' }] })
        .then(
          () => 'sent',
          (error: unknown) => explainKafkaError(error),
        );
      expect(refused).toMatch(/lacks an ACL/);
    } finally {
      await producer.disconnect();
    }

    const consumer = kafka.consumer({ groupId: `${prefix}notifications`, retry: { retries: 0 } });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: `${prefix}vouch.connections.connections.v1` });
      const crashed = new Promise<unknown>((resolve) => consumer.on(consumer.events.CRASH, resolve));
      await consumer.run({ eachMessage: async () => undefined });
      const crash = (await crashed) as { payload: { error: unknown } };
      expect(explainKafkaError(crash.payload.error)).toMatch(
        /the principal may lack an ACL \(READ on the group\)/,
      );
    } finally {
      await consumer.disconnect();
    }
  });

  it('tells the operator that a password is wrong', async () => {
    const connection = await broker.connectionAs('identity');
    const wrong: KafkaConnection = {
      ...connection,
      sasl: { mechanism: 'scram-sha-512', username: 'identity', password: 'not-the-password' },
    };

    expect(await firstContact(broker.brokers, connection)).toBe('connected');
    expect(await firstContact(broker.brokers, wrong)).toMatch(
      /^Kafka refused the SASL SCRAM-SHA-512 login: wrong username or password/,
    );
  });

  it("tells the operator to set the CA when the broker's certificate is not trusted", async () => {
    const { sasl } = await broker.connectionAs('identity');

    expect(await firstContact(broker.brokers, { tls: {}, sasl })).toMatch(
      /^Kafka's TLS certificate is not trusted: set KAFKA_TLS_CA_FILE/,
    );
  });
});
