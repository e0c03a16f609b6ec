import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import { TooManyRequestsError } from '../domain/abuse.errors';

/** How the abuse limits are answered over HTTP. */
export const abuseErrorMappings: ErrorMapping[] = [
  {
    error: TooManyRequestsError,
    status: HttpStatus.TOO_MANY_REQUESTS,
    title: 'Too many requests',
    headers: (error) => ({ 'Retry-After': String((error as TooManyRequestsError).retryAfterSeconds) }),
  },
];
