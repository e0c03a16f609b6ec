import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import { CrossSiteRequestError, InvalidRefreshTokenError } from '../domain/session.errors';

/** How the sessions' errors are answered over HTTP. */
export const sessionErrorMappings: ErrorMapping[] = [
  { error: InvalidRefreshTokenError, status: HttpStatus.UNAUTHORIZED, title: 'Invalid refresh token' },
  { error: CrossSiteRequestError, status: HttpStatus.FORBIDDEN, title: 'Cross-site request' },
];
