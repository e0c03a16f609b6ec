import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import { InvalidUnsubscribeTokenError } from '../domain/unsubscribe-token';

/** How the notifications context's domain errors are answered over HTTP: the one place. */
export const notificationErrorMappings: ErrorMapping[] = [
  { error: InvalidUnsubscribeTokenError, status: HttpStatus.FORBIDDEN, title: 'Invalid unsubscribe link' },
];
