import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import {
  AlreadyConnectedError,
  CannotConnectToSelfError,
  ConnectionRequestNotFoundError,
  EmployeeNotFoundError,
  InactiveRequesterError,
  NotConnectedError,
  RequestAlreadyPendingError,
  RequestNoLongerPendingError,
} from '../domain/connection.errors';

/** How the connections service answers its domain errors: the one place. */
export const connectionErrorMappings: ErrorMapping[] = [
  { error: CannotConnectToSelfError, status: HttpStatus.BAD_REQUEST, title: 'Cannot connect with yourself' },
  { error: EmployeeNotFoundError, status: HttpStatus.NOT_FOUND, title: 'Employee not found' },
  { error: InactiveRequesterError, status: HttpStatus.FORBIDDEN, title: 'Account not active' },
  { error: AlreadyConnectedError, status: HttpStatus.CONFLICT, title: 'Already connected' },
  { error: RequestAlreadyPendingError, status: HttpStatus.CONFLICT, title: 'Request already pending' },
  {
    error: ConnectionRequestNotFoundError,
    status: HttpStatus.NOT_FOUND,
    title: 'Connection request not found',
  },
  { error: RequestNoLongerPendingError, status: HttpStatus.CONFLICT, title: 'Request no longer pending' },
  { error: NotConnectedError, status: HttpStatus.NOT_FOUND, title: 'Not connected' },
];
