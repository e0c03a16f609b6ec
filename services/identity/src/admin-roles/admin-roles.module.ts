import { Module, type DynamicModule } from '@nestjs/common';
import { AdminRolesController } from './api/admin-roles.controller';
import { GrantAdminRole } from './application/grant-admin-role.use-case';
import { RevokeAdminRole } from './application/revoke-admin-role.use-case';
import { AdminGrantRepository } from './infrastructure/admin-grant.repository';

/** The admin role an existing admin gives (`PUT /v1/admin/employees/:id/admin-role`). */
@Module({})
export class AdminRolesModule {
  static forRoot(employees: DynamicModule): DynamicModule {
    return {
      module: AdminRolesModule,
      imports: [employees],
      controllers: [AdminRolesController],
      providers: [AdminGrantRepository, GrantAdminRole, RevokeAdminRole],
    };
  }
}
