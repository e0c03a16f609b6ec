import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/** Something the service needs to do its work: its database, Kafka. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout(check: ReadinessCheck): Promise<{ ok: boolean; detail?: string }> {
  return Promise.race([
    check.check().catch((error: unknown) => ({ ok: false, detail: (error as Error).message })),
    new Promise<{ ok: boolean; detail: string }>((resolve) =>
      setTimeout(
        () => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

/** Liveness says the process answers; readiness says it can do its work (send it traffic). */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  async ready(): Promise<{
    status: 'ok';
    checks: Record<string, { ok: boolean; detail?: string }>;
    runtime: { node: string };
  }> {
    const results = await Promise.all(
      this.checks.map(async (check) => [check.name, await withTimeout(check)] as const),
    );
    const checks = Object.fromEntries(results);
    if (results.some(([, result]) => !result.ok)) {
      throw new ServiceUnavailableException(
        results
          .filter(([, result]) => !result.ok)
          .map(([name, result]) => `${name}: ${result.detail ?? 'not ready'}`)
          .join('; '),
      );
    }
    // The runtime, for the operator checking a rollout (the port is not routed to the public).
    return { status: 'ok', checks, runtime: { node: process.versions.node } };
  }
}
