import type { INestApplication } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DataSource } from 'typeorm';
import {
  createTestDatabase,
  testInfrastructure,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@vouch/testing';
import { createProbeApp, interleavedProbes, recordProbes, summarizeEffects } from './fixtures/probe-app';

const repoRoot = path.resolve(__dirname, '../../..');

/** Starts the probe consumer as a process of its own and resolves once it has joined the group. */
function startConsumerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'fixtures/probe-consumer.main.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env, SWC_NODE_PROJECT: path.join(repoRoot, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`consumer did not get ready:\n${output}`)), 90_000);
    child.stdout?.on('data', () => {
      if (/^ready$/m.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`consumer exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('a consumer stopped with SIGTERM mid-stream', () => {
  const { kafkaBrokers } = testInfrastructure();
  let database: TestDatabase;
  let writer: INestApplication | undefined;
  let consumer: ChildProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('sigterm');
  });

  afterAll(async () => {
    consumer?.kill('SIGKILL');
    await writer?.close();
    await database.drop();
  });

  it('finishes the event in flight, exits cleanly, and after a restart loses nothing and applies nothing twice', async () => {
    const topicPrefix = uniqueTopicPrefix('sigterm');
    const env = {
      PROBE_DATABASE_URL: database.url,
      PROBE_BROKERS: kafkaBrokers.join(','),
      PROBE_TOPIC_PREFIX: topicPrefix,
    };
    // This process only writes and relays; the consumer runs in the child.
    writer = await createProbeApp({
      databaseUrl: database.url,
      brokers: kafkaBrokers,
      topicPrefix,
      consumes: false,
    });
    const dataSource = writer.get(DataSource);

    const first = await startConsumerProcess(env);
    consumer = first.child;
    await recordProbes(writer, interleavedProbes(1_000, 12, { workMs: 5 }));
    await waitFor(
      'the consumer to be mid-stream',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 150,
    );

    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    // Nest re-raises the signal once it has shut down, so the exit itself says SIGTERM either way;
    // the log says whether the consumer stopped cleanly before that.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(first.output()).toMatch(/consumer group probe stopped/);
    const appliedBeforeRestart = (await summarizeEffects(dataSource)).total;
    expect(appliedBeforeRestart).toBeLessThan(1_000);

    consumer = (await startConsumerProcess(env)).child;
    await waitFor(
      'all 1,000 effects',
      () => summarizeEffects(dataSource),
      (s) => s.total >= 1_000,
      { timeoutMs: 120_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(await summarizeEffects(dataSource)).toEqual({
      total: 1_000,
      distinctEvents: 1_000,
      outOfOrderAggregates: 0,
    });
    const processes: Array<{ pid: number }> = await dataSource.query(`SELECT DISTINCT pid FROM probe_effect`);
    expect(processes).toHaveLength(2);
  });
});
