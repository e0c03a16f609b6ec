import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import { GrantAdminRole } from '../application/grant-admin-role.use-case';
import { RevokeAdminRole } from '../application/revoke-admin-role.use-case';

export class AdminGrantResponse {
  @ApiProperty({ format: 'uuid' })
  employeeId!: string;

  @ApiProperty({ format: 'uuid', description: 'the admin who granted the role' })
  grantedBy!: string;

  @ApiProperty({ format: 'date-time' })
  grantedAt!: string;
}

/** Admins making other employees admins, beside the company's groups; every change audit-logged. */
@ApiTags('admin')
@Controller('v1/admin/employees/:id/admin-role')
export class AdminRolesController {
  constructor(
    private readonly grantAdminRole: GrantAdminRole,
    private readonly revokeAdminRole: RevokeAdminRole,
  ) {}

  @Put()
  @AdminOnly()
  @ApiOkResponse({
    type: AdminGrantResponse,
    description:
      'the grant (the first one, when granted already); the role shows from their next sign-in or refresh',
  })
  @ApiNotFoundResponse({ description: 'no such employee' })
  async grant(
    @CurrentEmployee() admin: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AdminGrantResponse> {
    const grant = await this.grantAdminRole.execute({
      employeeId: id,
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
    description:
      "the admin's grant is taken back (none: nothing changes); the company's groups and ADMIN_EMAILS still count",
  })
  @ApiNotFoundResponse({ description: 'no such employee' })
  async revoke(
    @CurrentEmployee() admin: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.revokeAdminRole.execute({ employeeId: id, actor: { type: 'admin', id: admin.id } });
  }
}
