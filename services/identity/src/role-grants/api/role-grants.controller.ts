import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Put, type Type } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { GrantableRole } from '../../employees/domain/roles';
import { GrantRole } from '../application/grant-role.use-case';
import { RevokeRole } from '../application/revoke-role.use-case';

export class RoleGrantResponse {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty({ format: 'uuid', description: 'the admin who granted the role' })
  grantedBy!: string;

  @ApiProperty({ format: 'date-time' })
  grantedAt!: string;
}

/**
 * Admins giving other employees a role, beside the company's groups, and taking it back: every
 * change audit-logged. One controller a role, at `/v1/admin/employees/:id/<role>-role`; `otherSources`
 * says what else gives the role, which taking a grant back leaves as it is.
 */
function roleGrantsController(role: GrantableRole, otherSources: string): Type<object> {
  @ApiTags('admin')
  @Controller(`v1/admin/employees/:id/${role}-role`)
  class RoleGrantsController {
    constructor(
      private readonly grantRole: GrantRole,
      private readonly revokeRole: RevokeRole,
    ) {}

    @Put()
    @AdminOnly()
    @ApiOkResponse({
      type: RoleGrantResponse,
      description:
        'the grant (the first one, when granted already); the role shows from their next sign-in or refresh',
    })
    @ApiNotFoundResponse({ description: 'no such employee' })
    async grant(
      @CurrentEmployee() admin: AuthenticatedEmployee,
      @Param('id', ParseUUIDPipe) id: string,
    ): Promise<RoleGrantResponse> {
      const grant = await this.grantRole.execute({
        employeeId: id,
        role,
        actor: { type: 'admin', id: admin.id },
      });
      return {
        employeeId: grant.employeeId,
        grantedBy: grant.grantedBy,
        grantedAt: grant.grantedAt.toISOString(),
      };
    }

    @Delete()
    @HttpCode(204)
    @AdminOnly()
    @ApiNoContentResponse({
      description: `the admin's grant is taken back (none: nothing changes); ${otherSources}`,
    })
    @ApiNotFoundResponse({ description: 'no such employee' })
    async revoke(
      @CurrentEmployee() admin: AuthenticatedEmployee,
      @Param('id', ParseUUIDPipe) id: string,
    ): Promise<void> {
      await this.revokeRole.execute({ employeeId: id, role, actor: { type: 'admin', id: admin.id } });
    }
  }
  return RoleGrantsController;
}

/** `PUT` and `DELETE /v1/admin/employees/:id/admin-role`. */
export class AdminRolesController extends roleGrantsController(
  'admin',
  "the company's groups and ADMIN_EMAILS still count",
) {}

/** `PUT` and `DELETE /v1/admin/employees/:id/hr-role`. */
export class HrRolesController extends roleGrantsController(
  'hr',
  "the company's HR group (SCIM_HR_GROUP) still counts",
) {}
