import { Client } from 'pg';
import type { CloudEvent } from '@vouch/contracts';
import {
  ConnectionRequestLoad,
  createTestDatabase,
  freePort,
  ServiceProcess,
  testInfrastructure,
  testKafka,
  TestTokenAuthority,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { ScriptedSmtpServer, type AcceptedMessage } from './support/scripted-smtp-server';
import { testEnvironment } from './support/test-environment';

const EVENTS = 600;
const SLICES = 6;
/** Divisible by every group size the test goes through (2, 1, 2), so each member gets partitions. */
const PARTITIONS = 6;
/**
 * Deliveries an instance sends at once (the default): a killed instance may leave up to this many
 * emails accepted by the SMTP server but not recorded as sent, to be re-sent with the same Message-ID.
 */
const SENDER_CONCURRENCY = 4;

const headerOf = (name: string, message: AcceptedMessage) =>
  new RegExp(`^${name}:\\s*(\\S+)`, 'im').exec(message.raw)?.[1];

describe('notifications scaled out to several instances on one database and consumer group', () => {
  let smtp: ScriptedSmtpServer;
  let authority: TestTokenAuthority;
  let database: TestDatabase;
  let db: Client;
  const instances: ServiceProcess[] = [];

  beforeAll(async () => {
    smtp = await ScriptedSmtpServer.start();
    authority = await TestTokenAuthority.start();
    database = await createTestDatabase('scaling');
    db = new Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await db?.end();
    await database?.drop();
    await authority?.close();
    await smtp?.close();
  });

  it('sends one email per event, none lost, while an instance is killed and another added mid-stream', async () => {
    const { kafkaBrokers } = testInfrastructure();
    const topicPrefix = uniqueTopicPrefix('scaling');
    const environment = {
      ...testEnvironment({
        authority,
        databaseUrl: database.url,
        kafkaBrokers,
        topicPrefix,
        partitions: PARTITIONS,
        smtpUrl: smtp.url,
      }),
      LOG_LEVEL: 'warn',
      SENDER_CONCURRENCY: String(SENDER_CONCURRENCY),
      // What the killed instance had claimed comes back within the test's wait.
      SENDER_LEASE_MS: '5000',
      // One email per recipient here, but the cap must never fold one into a digest.
      MAX_EMAILS_PER_DAY: '1000000',
    };
    const startInstance = async () => {
      const port = await freePort();
      const instance = await ServiceProcess.start('notifications', port, { ...environment });
      instances.push(instance);
      return { instance, port };
    };
    // One after the other: the first runs the migrations.
    const doomed = await startInstance();
    await startInstance();

    const load = await ConnectionRequestLoad.register({ kafkaBrokers, topicPrefix, database: db }, EVENTS);

    const sliceSize = EVENTS / SLICES;
    const published: CloudEvent[] = [];
    const publishSlice = async (slice: number) => {
      published.push(...(await load.publish(slice * sliceSize, (slice + 1) * sliceSize)));
    };
    for (let slice = 0; slice < SLICES / 2; slice += 1) await publishSlice(slice);
    await waitFor(
      'the first emails to go out',
      async () => smtp.accepted.length,
      (accepted) => accepted >= sliceSize,
      { timeoutMs: 60_000, intervalMs: 20 },
    );
    doomed.instance.kill();
    const kills = 1;
    const publishedAtKill = published.length;
    // Exits with no code: the signal ended it, not a shutdown of its own.
    expect(await doomed.instance.stop()).toBeNull();
    // Whatever it handed the SMTP server before it died has arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const acceptedAtKill = smtp.accepted.length;

    await publishSlice(SLICES / 2);
    await startInstance();
    for (let slice = SLICES / 2 + 1; slice < SLICES; slice += 1) await publishSlice(slice);

    const statuses = await waitFor(
      'every delivery to be sent',
      async () =>
        (
          await db.query<{ status: string; n: number }>(
            `SELECT status, count(*)::int AS n FROM delivery GROUP BY status ORDER BY status`,
          )
        ).rows,
      (rows) => rows.length === 1 && rows[0]?.status === 'sent' && rows[0]?.n === EVENTS,
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    expect(statuses).toEqual([{ status: 'sent', n: EVENTS }]);
    // The killed instance left the consumer group; the survivor and the one added share it.
    const admin = testKafka(kafkaBrokers).admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([`${topicPrefix}notifications`]);
      expect(groups[0]?.members).toHaveLength(2);
    } finally {
      await admin.disconnect();
    }

    const messageIds = smtp.accepted.map((message) => headerOf('Message-ID', message));
    const eventIdsByMessageId = new Map(
      smtp.accepted.map((message) => [
        headerOf('Message-ID', message),
        headerOf('X-Vouch-Event-Id', message),
      ]),
    );
    const duplicates = smtp.accepted.length - EVENTS;
    const firstSeenOfResent = messageIds
      .filter((id, index) => messageIds.indexOf(id) !== index)
      .map((id) => messageIds.indexOf(id));
    process.stderr.write(
      `scaling: ${EVENTS} events, ${smtp.accepted.length} emails accepted (${acceptedAtKill} of ` +
        `${publishedAtKill} published before the kill), ` +
        `${eventIdsByMessageId.size} distinct Message-IDs, ${duplicates} re-sent after ${kills} kill(s)\n`,
    );
    expect(messageIds.every((id) => id !== undefined && /^<[0-9a-f-]{36}@vouch>$/.test(id))).toBe(true);
    expect(acceptedAtKill).toBeLessThan(publishedAtKill);
    // Each event's email is one Message-ID; a re-send repeats one the killed instance had in flight.
    expect(eventIdsByMessageId.size).toBe(EVENTS);
    expect([...eventIdsByMessageId.values()].sort()).toEqual(published.map((event) => event.id).sort());
    expect(duplicates).toBeGreaterThanOrEqual(0);
    expect(duplicates).toBeLessThanOrEqual(kills * SENDER_CONCURRENCY);
    expect(firstSeenOfResent).toHaveLength(duplicates);
    expect(firstSeenOfResent.every((index) => index < acceptedAtKill)).toBe(true);
  });
});
