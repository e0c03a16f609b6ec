import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createServer } from 'node:net';

const run = promisify(execFile);
const infraCli = path.resolve(__dirname, '../../../infra/scripts/infra.mjs');

/**
 * A Kafka broker of one test's own, as a local process on free ports, for tests that stop and
 * restart the broker without disturbing the shared one other test files use.
 */
export class DedicatedKafkaBroker {
  private constructor(
    private readonly home: string,
    readonly port: number,
    private readonly controllerPort: number,
  ) {}

  static async start(): Promise<DedicatedKafkaBroker> {
    const home = await mkdtemp(path.join(tmpdir(), 'vouch-kafka-'));
    const broker = new DedicatedKafkaBroker(home, await freePort(), await freePort());
    await broker.up();
    return broker;
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
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
