import {
  applyDecorators,
  createParamDecorator,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
  type Type,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthenticatedEmployee, Role } from './authenticated-employee';
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

/** After AuthenticatedGuard: 403 unless the employee holds one of the roles. */
abstract class RoleGuard implements CanActivate {
  protected constructor(
    private readonly roles: readonly Role[],
    private readonly refusal: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const employee = context.switchToHttp().getRequest<AuthenticatedRequest>().employee;
    if (!employee?.roles.some((role) => this.roles.includes(role)))
      throw new ForbiddenException(this.refusal);
    return true;
  }
}

/** After AuthenticatedGuard: 403 unless the employee is an admin. */
@Injectable()
export class AdminGuard extends RoleGuard {
  constructor() {
    super(['admin'], 'only admins may do this');
  }
}

/** After AuthenticatedGuard: 403 unless the employee is HR or an admin (admins may do all HR may). */
@Injectable()
export class HrOrAdminGuard extends RoleGuard {
  constructor() {
    super(['hr', 'admin'], 'only HR or admins may do this');
  }
}

/** The endpoint (or every endpoint of the controller) needs a signed-in employee. */
export const Authenticated = () =>
  applyDecorators(
    UseGuards(AuthenticatedGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no valid token' }),
  );

/** A signed-in employee whom `guard` lets in, as the OpenAPI document says. */
const signedInAs = (guard: Type<CanActivate>, refused: string) =>
  applyDecorators(
    UseGuards(AuthenticatedGuard, guard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no valid token' }),
    ApiForbiddenResponse({ description: refused }),
  );

/** The endpoint needs a signed-in admin. */
export const AdminOnly = () => signedInAs(AdminGuard, 'not an admin');

/** The endpoint needs a signed-in HR member or admin. */
export const HrOrAdmin = () => signedInAs(HrOrAdminGuard, 'neither HR nor an admin');

/** The signed-in employee of an `@Authenticated()` endpoint. */
export const CurrentEmployee = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedEmployee => {
    const employee = context.switchToHttp().getRequest<AuthenticatedRequest>().employee;
    if (!employee) throw new UnauthorizedException('a bearer access token is required');
    return employee;
  },
);
