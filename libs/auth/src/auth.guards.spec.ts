import { ForbiddenException, type ExecutionContext } from '@nestjs/common';
import { AdminGuard, HrOrAdminGuard } from './auth.guards';
import type { Role } from './authenticated-employee';

/** A request that AuthenticatedGuard let in, with the token's roles. */
const requestOf = (roles: Role[]) =>
  ({
    switchToHttp: () => ({ getRequest: () => ({ employee: { id: 'ana', email: 'ana@acme.com', roles } }) }),
  }) as unknown as ExecutionContext;

describe('role guards', () => {
  it('lets HR and admins into the endpoints HR may use, and refuses everyone else with 403', () => {
    const guard = new HrOrAdminGuard();
    expect(guard.canActivate(requestOf(['employee', 'hr']))).toBe(true);
    expect(guard.canActivate(requestOf(['employee', 'admin']))).toBe(true);
    expect(() => guard.canActivate(requestOf(['employee']))).toThrow(
      new ForbiddenException('only HR or admins may do this'),
    );
  });

  it('keeps the admin endpoints to admins, HR included among those refused', () => {
    const guard = new AdminGuard();
    expect(guard.canActivate(requestOf(['employee', 'admin']))).toBe(true);
    expect(() => guard.canActivate(requestOf(['employee', 'hr']))).toThrow(
      new ForbiddenException('only admins may do this'),
    );
  });
});
