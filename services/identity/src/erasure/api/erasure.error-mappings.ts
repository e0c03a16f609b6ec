import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import { ErasureNotFoundError, SelfErasureError } from '../domain/erasure.errors';

/** How the erasures' domain errors are answered over HTTP (an erased employee's is the employees'). */
export const erasureErrorMappings: ErrorMapping[] = [
  { error: SelfErasureError, status: HttpStatus.FORBIDDEN, title: 'Cannot erase yourself' },
  { error: ErasureNotFoundError, status: HttpStatus.NOT_FOUND, title: 'Erasure not found' },
];
