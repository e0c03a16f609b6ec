import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ConnectionRequestedV1, EmployeeRegisteredV1 } from '@vouch/contracts';
import {
  createTestDatabase,
  freePort,
  publishEvents,
  testInfrastructure,
  TestTokenAuthority,
  uniqueName,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { ScriptedSmtpServer } from './support/scripted-smtp-server';

const repoRoot = path.resolve(__dirname, '../../..');

/** The service as `npm start` runs it, in a process of its own that the test can kill outright. */
async function startProcess(environment: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join('services', 'notifications', 'src', 'main.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, SWC_NODE_PROJECT: path.join(repoRoot, 'tsconfig.json'), ...environment },
      stdio: 'ignore',
    },
  );
  await waitFor(
    'the notifications process to be ready',
    () =>
      fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (response) => response.status,
        () => 0,
      ),
    (status) => status === 200,
    { timeoutMs: 150_000, intervalMs: 500 },
  );
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const messageIdOf = (raw: string) => /^Message-ID:\s*(\S+)/im.exec(raw)?.[1];

describe('a sender killed between claiming a delivery and finishing it', () => {
  let smtp: ScriptedSmtpServer;
  let authority: TestTokenAuthority;
  let database: TestDatabase;
  const processes: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await ScriptedSmtpServer.start();
    authority = await TestTokenAuthority.start();
    database = await createTestDatabase('sender_crash');
  });

  afterAll(async () => {
    await Promise.all(processes.map(kill));
    await database?.drop();
    await authority?.close();
    await smtp?.close();
  });

  it('delivers the email once, with the same Message-ID, after a restart', async () => {
    const { kafkaBrokers } = testInfrastructure();
    const topicPrefix = uniqueTopicPrefix('sender_crash');
    const port = await freePort();
    const environment = {
      ...authority.environment,
      PORT: String(port),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      LOG_LEVEL: 'silent',
      SMTP_URL: smtp.url,
      UNSUBSCRIBE_SECRET: 'a-test-secret-that-is-long-enough',
      SENDER_POLL_INTERVAL_MS: '100',
      // What the killed process had claimed is sent again once this lease ends.
      SENDER_LEASE_MS: '5000',
    };
    const first = await startProcess(environment, port);
    processes.push(first);
    const [ana, ben] = [randomUUID(), randomUUID()];
    const benEmail = `${uniqueName('ben')}@example.com`;
    smtp.hang(benEmail);
    await publishEvents(
      kafkaBrokers,
      topicPrefix,
      EmployeeRegisteredV1,
      [
        { id: ana, email: `${uniqueName('ana')}@example.com`, name: 'Ana Lima' },
        { id: ben, email: benEmail, name: 'Ben Okafor' },
      ].map((employee) => ({
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
    const connectionId = randomUUID();
    await publishEvents(kafkaBrokers, topicPrefix, ConnectionRequestedV1, [
      {
        subject: connectionId,
        data: {
          connectionId,
          requesterId: ana,
          addresseeId: ben,
          message: null,
          requestedAt: new Date().toISOString(),
        },
      },
    ]);
    const hung = await waitFor(
      'the first process to be in the middle of sending',
      async () => smtp.hungMessages.find((raw) => raw.includes(benEmail)),
      (raw) => raw !== undefined,
    );

    await kill(first);
    smtp.release(benEmail);
    processes.push(await startProcess(environment, port));

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
});
