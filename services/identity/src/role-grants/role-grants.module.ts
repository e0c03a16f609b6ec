import { Module, type DynamicModule } from '@nestjs/common';
import { AdminRolesController, HrRolesController } from './api/role-grants.controller';
import { GrantRole } from './application/grant-role.use-case';
import { RevokeRole } from './application/revoke-role.use-case';
import { RoleGrantRepository } from './infrastructure/role-grant.repository';

/**
 * The roles an existing admin gives: admin (`PUT /v1/admin/employees/:id/admin-role`) and HR
 * (`…/hr-role`).
 */
@Module({})
export class RoleGrantsModule {
  static forRoot(employees: DynamicModule): DynamicModule {
    return {
      module: RoleGrantsModule,
      imports: [employees],
      controllers: [AdminRolesController, HrRolesController],
      providers: [RoleGrantRepository, GrantRole, RevokeRole],
    };
  }
}
