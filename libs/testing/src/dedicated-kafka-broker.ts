import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import type { KafkaConnection } from '@vouch/kafka-client';

const run = promisify(execFile);
const infraCli = path.resolve(__dirname, '../../../infra/scripts/infra.mjs');

/** What `infra.mjs up --kafka-security sasl_ssl` made: the CA and every user's password. */
export interface DedicatedKafkaCredentials {
  caFile: string;
  mechanism: 'scram-sha-512';
  admin: { username: string; password: string };
  services: Record<
    'identity' | 'connections' | 'recommendations' | 'notifications',
    { username: string; password: string }
  >;
}

export interface DedicatedKafkaBrokerOptions {
  /**
   * `sasl_ssl`: the client listener speaks TLS and SCRAM, and each service's user may use only its
   * own topics and group, granted under `aclTopicPrefix` (infra/scripts/lib/kafka-security.mjs).
   */
  security?: 'plaintext' | 'sasl_ssl';
  aclTopicPrefix?: string;
  /** The client listener's port; a free one when unset. */
  port?: number;
  /**
   * The port the broker names in its metadata, where clients connect after their first request:
   * a proxy's in front of it (a fault test's), forwarding to `port`. The listener's own when unset.
   */
  advertisedPort?: number;
}

/**
 * A Kafka broker of one test's own, as a local process on free ports, for tests that stop and
 * restart the broker without disturbing the shared one other test files use, or that need it
 * secured.
 */
export class DedicatedKafkaBroker {
  private credentialsRead?: DedicatedKafkaCredentials;

  private constructor(
    private readonly home: string,
    readonly port: number,
    private readonly controllerPort: number,
    private readonly options: DedicatedKafkaBrokerOptions,
  ) {}

  static async start(options: DedicatedKafkaBrokerOptions = {}): Promise<DedicatedKafkaBroker> {
    const home = await mkdtemp(path.join(tmpdir(), 'vouch-kafka-'));
    const broker = new DedicatedKafkaBroker(
      home,
      options.port ?? (await freePort()),
      await freePort(),
      options,
    );
    await broker.up();
    return broker;
  }

  /** Where clients bootstrap: the advertised address, where the broker sends them anyway. */
  get brokers(): string[] {
    return [`127.0.0.1:${this.options.advertisedPort ?? this.port}`];
  }

  /** sasl_ssl: the CA and the users' passwords. */
  async credentials(): Promise<DedicatedKafkaCredentials> {
    this.credentialsRead ??= JSON.parse(
      await readFile(path.join(this.home, 'kafka', 'security', 'credentials.json'), 'utf8'),
    ) as DedicatedKafkaCredentials;
    return this.credentialsRead;
  }

  /** sasl_ssl: how `user` (a service's name, or `admin`) connects, trusting the broker's CA. */
  async connectionAs(
    user: keyof DedicatedKafkaCredentials['services'] | 'admin',
  ): Promise<Required<Pick<KafkaConnection, 'tls' | 'sasl'>>> {
    const credentials = await this.credentials();
    const { username, password } = user === 'admin' ? credentials.admin : credentials.services[user];
    return {
      tls: { ca: await readFile(credentials.caFile, 'utf8') },
      sasl: { mechanism: credentials.mechanism, username, password },
    };
  }

  /** Stops the broker process; its data stays, so `up()` resumes where it left off. */
  async down(): Promise<void> {
    await this.cli('down');
  }

  async up(): Promise<void> {
    await this.cli(
      'up',
      '--kafka-port',
      String(this.port),
      '--kafka-controller-port',
      String(this.controllerPort),
      '--kafka-security',
      this.options.security ?? 'plaintext',
      '--kafka-acl-prefix',
      this.options.aclTopicPrefix ?? '',
      ...(this.options.advertisedPort
        ? ['--kafka-advertised-port', String(this.options.advertisedPort)]
        : []),
    );
  }

  async destroy(): Promise<void> {
    await this.down();
    await rm(this.home, { recursive: true, force: true });
  }

  private async cli(command: string, ...options: string[]): Promise<void> {
    await run(process.execPath, [infraCli, command, '--only', 'kafka', '--home', this.home, ...options], {
      timeout: 180_000,
    });
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
