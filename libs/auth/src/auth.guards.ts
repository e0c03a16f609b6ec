import {
  applyDecorators,
  createParamDecorator,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthenticatedEmployee } from './authenticated-employee';
import { DeactivatedEmployees } from './deactivated-employees';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** What the guards need of a request, whichever HTTP framework serves it. */
interface AuthenticatedRequest {
  headers: IncomingHttpHeaders;
  employee?: AuthenticatedEmployee;
}

/**
 * Lets a request in with a valid bearer token of an employee not deactivated since, and puts the
 * employee on it. 401 otherwise.
 */
@Injectable()
export class AuthenticatedGuard implements CanActivate {
  constructor(
    private readonly verifier: TokenVerifier,
    private readonly deactivated: DeactivatedEmployees,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw new UnauthorizedException('a bearer access token is required');
    let employee: AuthenticatedEmployee;
    try {
      employee = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw new UnauthorizedException('the access token is invalid or expired');
      throw error;
    }
    if (this.deactivated.has(employee.id))
      throw new UnauthorizedException("the access token's employee is deactivated");
    request.employee = employee;
    return true;
  }
}

/** After AuthenticatedGuard: 403 unless the employee is an admin. */
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const employee = context.switchToHttp().getRequest<AuthenticatedRequest>().employee;
    if (!employee?.roles.includes('admin')) throw new ForbiddenException('only admins may do this');
    return true;
  }
}

/** The endpoint (or every endpoint of the controller) needs a signed-in employee. */
export const Authenticated = () =>
  applyDecorators(
    UseGuards(AuthenticatedGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no valid token' }),
  );

/** The endpoint needs a signed-in admin. */
export const AdminOnly = () =>
  applyDecorators(
    UseGuards(AuthenticatedGuard, AdminGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no valid token' }),
    ApiForbiddenResponse({ description: 'not an admin' }),
  );

/** The signed-in employee of an `@Authenticated()` endpoint. */
export const CurrentEmployee = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedEmployee => {
    const employee = context.switchToHttp().getRequest<AuthenticatedRequest>().employee;
    if (!employee) throw new UnauthorizedException('a bearer access token is required');
    return employee;
  },
);
