import { QueryFailedError } from 'typeorm';

/** True when the error is PostgreSQL refusing a row because of the named unique index. */
export function isUniqueViolation(error: unknown, index: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; constraint?: unknown };
  return driverError.code === '23505' && driverError.constraint === index;
}
