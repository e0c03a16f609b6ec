import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StackDescription } from '@vouch/testing';

/** A container's state as `docker inspect` tells it. */
interface ContainerState {
  running: boolean;
  exitCode: number;
  health: string | undefined;
}

/**
 * The running compose project, driven with the `docker` CLI as an operator drives it (through
 * podman's Docker-compatible socket here, DOCKER_HOST in the stack's environment).
 */
export class ComposeProject {
  constructor(private readonly compose: StackDescription['compose']) {}

  /** The containers of one compose service, running or not, by id. */
  containers(service: string): string[] {
    return this.docker([
      'ps',
      '--all',
      '--quiet',
      '--filter',
      `label=com.docker.compose.project=${this.compose.project}`,
      '--filter',
      `label=com.docker.compose.service=${service}`,
    ])
      .split('\n')
      .filter(Boolean);
  }

  /** `docker kill`: SIGKILL, as a crash or the kernel's OOM killer ends a process. */
  kill(container: string): void {
    this.docker(['kill', '--signal', 'KILL', container]);
  }

  /** `docker stop`: SIGTERM, then SIGKILL after `graceSeconds`. Resolves with how long it took. */
  stop(container: string, graceSeconds: number): number {
    const started = Date.now();
    this.docker(['stop', '--time', String(graceSeconds), container]);
    return Date.now() - started;
  }

  start(container: string): void {
    this.docker(['start', container]);
  }

  state(container: string): ContainerState {
    const [running, exitCode, health] = this.docker([
      'inspect',
      '--format',
      '{{.State.Running}} {{.State.ExitCode}} {{if .State.Health}}{{.State.Health.Status}}{{end}}',
      container,
    ]).split(' ');
    return { running: running === 'true', exitCode: Number(exitCode), health: health || undefined };
  }

  /** What the container printed (stdout, where the services log) that matches `pattern`. */
  logLines(container: string, pattern: RegExp): string[] {
    return this.docker(['logs', '--tail', '2000', container])
      .split('\n')
      .filter((line) => pattern.test(line));
  }

  /** Waits until the container runs and its healthcheck passes (test-containers runs the checks). */
  async healthy(container: string, timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const state = this.state(container);
      if (state.running && state.health === 'healthy') return Date.now() - started;
      await sleep(1_000);
    }
    throw new Error(
      `${container} not healthy within ${timeoutMs / 1000} s: ${JSON.stringify(this.state(container))}`,
    );
  }

  private docker(args: string[]): string {
    const result = spawnSync('docker', args, {
      encoding: 'utf8',
      env: { ...process.env, ...this.compose.environment },
    });
    if (result.status !== 0)
      throw new Error(`docker ${args.join(' ')} exited ${result.status}: ${result.stderr || result.error}`);
    return result.stdout.trim();
  }
}
