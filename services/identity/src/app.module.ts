import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@vouch/auth';
import { ServicePlatformModule, type ServiceDescription } from '@vouch/platform';
import { abuseErrorMappings } from './abuse/api/abuse.error-mappings';
import { AccountsModule } from './accounts/accounts.module';
import { accountErrorMappings } from './accounts/api/account.error-mappings';
import { PasswordResetEntity } from './accounts/infrastructure/password-reset.entity';
import { PendingRegistrationEntity } from './accounts/infrastructure/pending-registration.entity';
import { AuditEventsModule } from './audit/audit-events.module';
import { AuditEntryEntity } from './audit/infrastructure/audit-entry.entity';
import type { IdentityEnvironment } from './config';
import { employeeErrorMappings } from './employees/api/employee.error-mappings';
import { EmployeesModule } from './employees/employees.module';
import { erasureErrorMappings } from './erasure/api/erasure.error-mappings';
import { ErasureModule } from './erasure/erasure.module';
import { EmployeeEntity } from './employees/infrastructure/employee.entity';
import { invitationErrorMappings } from './invitations/api/invitation.error-mappings';
import { InvitationEntity } from './invitations/infrastructure/invitation.entity';
import { InvitationsModule } from './invitations/invitations.module';
import { CreateEmployees1764100000000 } from './migrations/1764100000000-create-employees';
import { PublishEmployeeRecords1796500000000 } from './migrations/1796500000000-publish-employee-records';
import { ScimUsers1796600000000 } from './migrations/1796600000000-scim-users';
import { ScimGroups1796700000000 } from './migrations/1796700000000-scim-groups';
import { AuditLog1796800000000 } from './migrations/1796800000000-audit-log';
import { ManagerSource1796900000000 } from './migrations/1796900000000-manager-source';
import { Invitations1797000000000 } from './migrations/1797000000000-invitations';
import { SingleSignOn1797100000000 } from './migrations/1797100000000-single-sign-on';
import { Sessions1797200000000 } from './migrations/1797200000000-sessions';
import { AccountLinks1797300000000 } from './migrations/1797300000000-account-links';
import { AbuseCounters1797400000000 } from './migrations/1797400000000-abuse-counters';
import { HrRole1797500000000 } from './migrations/1797500000000-hr-role';
import { Erasures1797710000000 } from './migrations/1797710000000-erasures';
import { IdpAdminSignIns1798300000000 } from './migrations/1798300000000-idp-admin-sign-ins';
import { TakedownAudit1798310000000 } from './migrations/1798310000000-takedown-audit';
import { ScimGroupEntity, ScimGroupMemberEntity } from './provisioning/infrastructure/scim-group.entity';
import { ScimUserEntity } from './provisioning/infrastructure/scim-user.entity';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { PeopleImportModule } from './provisioning/people-import.module';
import { ProvisioningModule } from './provisioning/provisioning.module';
import { RoleGrantsModule } from './role-grants/role-grants.module';
import { sessionErrorMappings } from './sessions/api/session.error-mappings';
import { IdentityDeactivatedEmployees } from './sessions/infrastructure/identity-deactivated-employees';
import { SessionsModule } from './sessions/sessions.module';
import { SsoModule } from './sso/sso.module';

export const serviceDescription: ServiceDescription = {
  title: 'Vouch identity',
  description: 'Employees, their profile, the org chart and sign-in. Issues the access tokens.',
};

/** identity's tables, for the service and for the tools that work on its database (`npm run import`). */
export const identityEntities = [
  EmployeeEntity,
  ScimUserEntity,
  ScimGroupEntity,
  ScimGroupMemberEntity,
  AuditEntryEntity,
  InvitationEntity,
  PendingRegistrationEntity,
  PasswordResetEntity,
];

export const identityMigrations = [
  CreateEmployees1764100000000,
  PublishEmployeeRecords1796500000000,
  ScimUsers1796600000000,
  ScimGroups1796700000000,
  AuditLog1796800000000,
  ManagerSource1796900000000,
  Invitations1797000000000,
  SingleSignOn1797100000000,
  Sessions1797200000000,
  AccountLinks1797300000000,
  AbuseCounters1797400000000,
  HrRole1797500000000,
  Erasures1797710000000,
  IdpAdminSignIns1798300000000,
  TakedownAudit1798310000000,
];

@Module({})
export class AppModule {
  static forRoot(environment: IdentityEnvironment): DynamicModule {
    const employees = EmployeesModule.forRoot(environment);
    const invitations = InvitationsModule.forRoot(environment, employees);
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({
          name: 'identity',
          environment,
          entities: identityEntities,
          migrations: identityMigrations,
          errors: [
            ...employeeErrorMappings,
            ...invitationErrorMappings,
            ...accountErrorMappings,
            ...sessionErrorMappings,
            ...abuseErrorMappings,
            ...erasureErrorMappings,
          ],
        }),
        AuthModule.forRoot(environment, { deactivatedEmployees: IdentityDeactivatedEmployees }),
        employees,
        ProvisioningModule.forRoot(environment, employees),
        invitations,
        SessionsModule.forRoot(employees),
        PeopleImportModule.forRoot(employees, invitations),
        AccountsModule.forRoot(environment, employees),
        SsoModule.forRoot(environment, employees),
        RoleGrantsModule.forRoot(employees),
        PersonalDataModule.forRoot(employees),
        ErasureModule.forRoot(employees),
        AuditEventsModule.forRoot(employees),
      ],
    };
  }
}
