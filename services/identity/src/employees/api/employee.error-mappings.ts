import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import {
  AdminOnlyForAdminsError,
  EmailDomainNotAllowedError,
  EmployeeAlreadyErasedError,
  EmailTakenError,
  EmployeeDeactivatedError,
  EmployeeNotFoundError,
  InvalidCredentialsError,
  InvalidProfileError,
  ManagerSetByHrDataError,
  OrgChartCycleError,
  TooManyLoginAttemptsError,
  UnknownManagerError,
} from '../domain/employee.errors';

/** How the employees' domain errors are answered over HTTP. */
export const employeeErrorMappings: ErrorMapping[] = [
  { error: EmailTakenError, status: HttpStatus.CONFLICT, title: 'Email taken' },
  { error: EmailDomainNotAllowedError, status: HttpStatus.FORBIDDEN, title: 'Email domain not allowed' },
  { error: InvalidCredentialsError, status: HttpStatus.UNAUTHORIZED, title: 'Invalid credentials' },
  {
    error: TooManyLoginAttemptsError,
    status: HttpStatus.TOO_MANY_REQUESTS,
    title: 'Too many login attempts',
    headers: (error) => ({
      'Retry-After': String((error as TooManyLoginAttemptsError).retryAfterSeconds),
    }),
  },
  { error: EmployeeNotFoundError, status: HttpStatus.NOT_FOUND, title: 'Employee not found' },
  { error: UnknownManagerError, status: HttpStatus.BAD_REQUEST, title: 'Unknown manager' },
  { error: OrgChartCycleError, status: HttpStatus.BAD_REQUEST, title: 'Org chart cycle' },
  { error: EmployeeDeactivatedError, status: HttpStatus.FORBIDDEN, title: 'Account deactivated' },
  { error: EmployeeAlreadyErasedError, status: HttpStatus.CONFLICT, title: 'Employee erased' },
  { error: InvalidProfileError, status: HttpStatus.BAD_REQUEST, title: 'Invalid profile' },
  { error: ManagerSetByHrDataError, status: HttpStatus.CONFLICT, title: 'Manager set by HR data' },
  { error: AdminOnlyForAdminsError, status: HttpStatus.FORBIDDEN, title: 'Employee is an admin' },
];
