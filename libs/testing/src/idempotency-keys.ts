import type { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A service under test whose providers a test reaches: here, its DataSource. */
interface ServiceWithProviders {
  get<T>(type: Type<T>): T;
}

/** The headers of a request with an Idempotency-Key, or of one without (`key` undefined). */
export function idempotencyKeyHeaders(key: string | undefined): Record<string, string> {
  return key === undefined ? {} : { 'idempotency-key': key };
}

/**
 * How many Idempotency-Keys the service keeps for an employee (libs/platform's `idempotency_key`
 * table): what tells a request that ran once from one that left nothing to replay.
 */
export async function storedIdempotencyKeys(
  service: ServiceWithProviders,
  employee: { id: string },
): Promise<number> {
  const [row] = await service
    .get(DataSource)
    .query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM idempotency_key WHERE employee_id = $1`, [
      employee.id,
    ]);
  return row?.n ?? 0;
}

/** Ages an employee's Idempotency-Keys past their expiry, instead of waiting it out. */
export async function expireIdempotencyKeys(
  service: ServiceWithProviders,
  employee: { id: string },
): Promise<void> {
  await service
    .get(DataSource)
    .query(`UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE employee_id = $1`, [
      employee.id,
    ]);
}
