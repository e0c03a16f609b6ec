import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ConnectionRequestedV1, EmployeeRegisteredV1 } from '@vouch/contracts';
import {
  createTestDatabase,
  freePort,
  publishEvents,
  ServiceProcess,
  testInfrastructure,
  TestTokenAuthority,
  uniqueName,
  uniqueTopicPrefix,
  waitFor,
  withClient,
  type TestDatabase,
} from '@vouch/testing';
import { ScriptedSmtpServer } from './support/scripted-smtp-server';
import { testEnvironment } from './support/test-environment';

const messageIdOf = (raw: string) => /^Message-ID:\s*(\S+)/im.exec(raw)?.[1];

/** The lease under which a lane holds what it claimed: SMTP's timeouts are a quarter of it. */
const LEASE_MS = 8_000;

describe('a sender stopped while it holds claimed deliveries', () => {
  let smtp: ScriptedSmtpServer;
  let authority: TestTokenAuthority;
  const databases: TestDatabase[] = [];
  const processes: ServiceProcess[] = [];

  beforeAll(async () => {
    smtp = await ScriptedSmtpServer.start();
    authority = await TestTokenAuthority.start();
  });

  afterAll(async () => {
    await Promise.all(processes.map((instance) => instance.stop()));
    await Promise.all(databases.map((database) => database.drop()));
    await authority?.close();
    await smtp?.close();
  });

  /** notifications on a database and topics of its own, with Ana and the colleagues she asks to connect. */
  async function platformWith(label: string, colleagues: number) {
    const { kafkaBrokers } = testInfrastructure();
    const database = await createTestDatabase(label);
    databases.push(database);
    const topicPrefix = uniqueTopicPrefix(label);
    const environment = {
      ...testEnvironment({
        authority,
        databaseUrl: database.url,
        kafkaBrokers,
        topicPrefix,
        partitions: 3,
        smtpUrl: smtp.url,
      }),
      LOG_LEVEL: 'warn',
      // One lane: what it claimed waits behind the email in its hands.
      SENDER_CONCURRENCY: '1',
      SENDER_LEASE_MS: String(LEASE_MS),
    };
    const start = async () => {
      const instance = await ServiceProcess.start('notifications', await freePort(), environment);
      processes.push(instance);
      return instance;
    };
    const ana = { id: randomUUID(), email: `${uniqueName('ana')}@example.com`, name: 'Ana Lima' };
    const others = Array.from({ length: colleagues }, (_, index) => ({
      id: randomUUID(),
      email: `${uniqueName('colleague')}@example.com`,
      name: `Colleague ${index + 1}`,
    }));
    const first = await start();
    await publishEvents(
      kafkaBrokers,
      topicPrefix,
      EmployeeRegisteredV1,
      [ana, ...others].map((employee) => ({
        subject: employee.id,
        data: {
          employeeId: employee.id,
          email: employee.email,
          name: employee.name,
          title: null,
          managerId: null,
          timeZone: null,
          registeredAt: new Date().toISOString(),
        },
      })),
    );
    // Known to notifications before Ana asks: identity's topic is not ordered with the others, and a
    // request read first would wait for its employee and be planned alone, in a transaction of its own.
    await waitFor(
      'notifications to know every employee',
      () =>
        withClient(database.url, async (client) => {
          const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM employee`);
          return rows[0]?.n ?? 0;
        }),
      (known) => known === colleagues + 1,
      { timeoutMs: 30_000 },
    );
    /** Ana asks each colleague to connect: one produce, one key, so one handler transaction commits all. */
    const askEveryone = () =>
      publishEvents(
        kafkaBrokers,
        topicPrefix,
        ConnectionRequestedV1,
        others.map((colleague) => ({
          subject: ana.id,
          data: {
            connectionId: randomUUID(),
            requesterId: ana.id,
            addresseeId: colleague.id,
            message: null,
            requestedAt: new Date().toISOString(),
          },
        })),
      );
    return { database, first, start, others, askEveryone };
  }

  it('killed between claiming a delivery and finishing it: the email goes once more, with the same Message-ID, when the lease ends', async () => {
    const { first, start, others, askEveryone } = await platformWith('sender_crash', 1);
    const benEmail = others[0]?.email ?? '';
    smtp.hang(benEmail);
    await askEveryone();
    const hung = await waitFor(
      'the first process to be in the middle of sending',
      async () => smtp.hungMessages.find((raw) => raw.includes(benEmail)),
      (raw) => raw !== undefined,
    );

    first.kill();
    expect(await first.stop()).toBeNull();
    smtp.release(benEmail);
    await start();

    const [delivered] = await waitFor(
      'the email to be delivered after the restart',
      async () => smtp.acceptedFor(benEmail),
      (messages) => messages.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(smtp.acceptedFor(benEmail)).toHaveLength(1);
    expect(messageIdOf(delivered?.raw ?? '')).toMatch(/^<[0-9a-f-]{36}@vouch>$/);
    expect(messageIdOf(delivered?.raw ?? '')).toBe(messageIdOf(hung ?? ''));
  });

  it('stopped gracefully: it finishes the email in hand and gives back the rest of its claim, due at once', async () => {
    const { database, first, others, askEveryone } = await platformWith('sender_stop', 3);
    for (const colleague of others) smtp.hang(colleague.email);
    await askEveryone();
    await waitFor(
      'the lane to be in the middle of its first send',
      async () => smtp.hungMessages.filter((raw) => others.some(({ email }) => raw.includes(email))),
      (hung) => hung.length > 0,
    );
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const leased = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM delivery WHERE status = 'pending' AND next_attempt_at > now()`,
      );
      // The three emails are in the lane's one claim: held for it, not due.
      expect(leased.rows[0]?.n).toBe(others.length);

      // SIGTERM well before the lease ends: the send in hand times out (a quarter of the lease).
      await first.stop();
      const stoppedAt = Date.now();

      const deliveries = await db.query<{ attempts: number; dueIn: number }>(
        `SELECT attempts, extract(epoch FROM next_attempt_at - $1::timestamptz) * 1000 AS "dueIn"
           FROM delivery WHERE status = 'pending' ORDER BY attempts`,
        [new Date(stoppedAt)],
      );
      const [given0, given1, attempted] = deliveries.rows;
      // The two never tried are due at once again, not at the end of the lease.
      expect([given0?.attempts, given1?.attempts]).toEqual([0, 0]);
      expect(Number(given0?.dueIn)).toBeLessThanOrEqual(0);
      expect(Number(given1?.dueIn)).toBeLessThanOrEqual(0);
      // The one in hand timed out and waits for its retry.
      expect(attempted?.attempts).toBe(1);
    } finally {
      await db.end();
    }
  });
});
