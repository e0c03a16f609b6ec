import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigResourceTypes } from 'kafkajs';
import { freePort } from './dedicated-kafka-broker';
import { testKafka } from './kafka-test-kit';
import { waitFor } from './wait-for';

const run = promisify(execFile);
const infraCli = path.resolve(__dirname, '../../../infra/scripts/infra.mjs');

/** One partition as the cluster's metadata describes it, by node ids. */
export interface PartitionState {
  topic: string;
  partition: number;
  /** -1 while it has none. */
  leader: number;
  replicas: number[];
  isr: number[];
}

/**
 * A three-node Kafka cluster of one test's own (`infra.mjs up --kafka-nodes 3`: KRaft, each node a
 * broker and a controller voter, topics replicated 3 times with min.insync.replicas=2), as local
 * processes on free ports, for tests that stop, kill and restart its nodes one at a time.
 */
export class DedicatedKafkaCluster {
  /** The nodes' ids, as in the cluster's metadata. */
  static readonly NODE_IDS = [1, 2, 3] as const;

  private constructor(
    private readonly home: string,
    /** Node n listens on firstPort + 2(n - 1), its controller on the port after (infra.mjs). */
    private readonly firstPort: number,
  ) {}

  static async start(): Promise<DedicatedKafkaCluster> {
    const home = await mkdtemp(path.join(tmpdir(), 'vouch-kafka-cluster-'));
    const cluster = new DedicatedKafkaCluster(
      home,
      await freePortRun(2 * DedicatedKafkaCluster.NODE_IDS.length),
    );
    await cluster.up();
    return cluster;
  }

  get brokers(): string[] {
    return DedicatedKafkaCluster.NODE_IDS.map((id) => `127.0.0.1:${this.port(id)}`);
  }

  /** Node `id`'s client port. */
  port(id: number): number {
    return this.firstPort + 2 * (id - 1);
  }

  /** Starts every node that is not running, on its data, and waits until each answers. */
  async up(): Promise<void> {
    await this.cli('up');
  }

  /** Stops node `id` with SIGTERM: a controlled shutdown, which hands its leaderships on first. */
  async stop(id: number): Promise<void> {
    await this.cli('down', '--kafka-node', String(id));
  }

  /** `kill -9` of node `id`: no shutdown at all. Resolves once it is gone; `up()` starts it again. */
  async kill(id: number): Promise<void> {
    const pid = Number((await readFile(path.join(this.home, 'run', `kafka-node-${id}.pid`), 'utf8')).trim());
    process.kill(pid, 'SIGKILL');
    await waitFor(`Kafka node ${id} (pid ${pid}) to exit`, async () => exited(pid), Boolean, {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
  }

  /** Every partition of every topic (internal ones included), from the cluster's metadata. */
  async partitions(): Promise<PartitionState[]> {
    const admin = testKafka(this.brokers).admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata();
      return topics.flatMap(({ name, partitions }) =>
        partitions.map(({ partitionId, leader, replicas, isr }) => ({
          topic: name,
          partition: partitionId,
          leader,
          replicas,
          isr,
        })),
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** Each topic's min.insync.replicas in effect: its own, or the brokers' default. */
  async minInsyncReplicas(topics: string[]): Promise<Map<string, number>> {
    const admin = testKafka(this.brokers).admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configNames: ['min.insync.replicas'],
        })),
      });
      return new Map(
        resources.map((resource) => [resource.resourceName, Number(resource.configEntries[0]?.configValue)]),
      );
    } finally {
      await admin.disconnect();
    }
  }

  async destroy(): Promise<void> {
    await this.cli('down');
    await rm(this.home, { recursive: true, force: true });
  }

  private async cli(command: string, ...options: string[]): Promise<void> {
    await run(
      process.execPath,
      [
        infraCli,
        command,
        '--only',
        'kafka',
        '--home',
        this.home,
        '--kafka-nodes',
        String(DedicatedKafkaCluster.NODE_IDS.length),
        '--kafka-port',
        String(this.firstPort),
        '--kafka-controller-port',
        String(this.firstPort + 1),
        ...options,
      ],
      { timeout: 180_000 },
    );
  }
}

/** Gone, or a zombie nobody reaps yet (a detached process's parent is not ours). */
async function exited(pid: number): Promise<boolean> {
  return readFile(`/proc/${pid}/stat`, 'utf8').then(
    (stat) => stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z'),
    () => true,
  );
}

/** The first of `length` consecutive TCP ports all free on 127.0.0.1 right now. */
async function freePortRun(length: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await freePort();
    const rest = Array.from({ length: length - 1 }, (_, i) => first + 1 + i);
    if (first + length - 1 <= 65535 && (await Promise.all(rest.map(isFree))).every(Boolean)) return first;
  }
  throw new Error(`no ${length} consecutive free ports found`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
