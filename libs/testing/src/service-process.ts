import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitFor } from './wait-for';

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * A service run as its own process, exactly as `npm start` runs it (its `main.ts`, configured only
 * through the environment), for tests that cross services or stop them the way an orchestrator does.
 */
export class ServiceProcess {
  private output = '';
  private lines = 0;
  private exited?: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly baseUrl: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.record(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.record(chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts `services/<name>` and resolves once `/health/ready` answers 200. */
  static async start(
    name: string,
    port: number,
    environment: Record<string, string>,
  ): Promise<ServiceProcess> {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join('services', name, 'src', 'main.ts')],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          SWC_NODE_PROJECT: path.join(repoRoot, 'tsconfig.json'),
          PORT: String(port),
          ...environment,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const service = new ServiceProcess(name, `http://127.0.0.1:${port}`, child);
    try {
      await waitFor(
        `${name} to be ready`,
        async () => {
          if (child.exitCode !== null)
            throw new Error(`${name} exited with ${child.exitCode}:\n${service.output}`);
          return fetch(`${service.baseUrl}/health/ready`).then(
            (response) => response.status,
            () => 0,
          );
        },
        (status) => status === 200,
        { timeoutMs: 90_000, intervalMs: 300 },
      );
    } catch (error) {
      await service.stop();
      throw error;
    }
    return service;
  }

  /** Kills the process without a chance to clean up (`kill -9`), as a crash or an OOM kill would. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    this.child.kill(signal);
  }

  /** Everything the process printed: for failure messages. */
  log(): string {
    return this.output;
  }

  /** How many lines the process printed so far: the bench's count of log lines. */
  linesPrinted(): number {
    return this.lines;
  }

  /** SIGTERM, as an orchestrator stops it; resolves with the exit code once it is gone. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited ?? null;
  }

  private record(chunk: Buffer): void {
    for (const byte of chunk) if (byte === 0x0a) this.lines += 1;
    // Keep the tail only: a long test must not hold every log line in memory.
    this.output = (this.output + chunk.toString()).slice(-200_000);
  }
}
