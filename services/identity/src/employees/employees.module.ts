import { Module, type DynamicModule } from '@nestjs/common';
import { TokenIssuer } from '@vouch/auth';
import { AbuseModule } from '../abuse/abuse.module';
import { AuditModule } from '../audit/audit.module';
import { sessionExports, sessionProviders } from '../sessions/sessions.module';
import { PendingRegistrationRepository } from '../accounts/infrastructure/pending-registration.repository';
import { passwordSignInEnabled, type IdentityEnvironment } from '../config';
import { Admins } from './application/admins';
import { ChangeEmployeeEmail } from './application/change-employee-email.use-case';
import { ChangeEmploymentDetails } from './application/change-employment-details.use-case';
import { ChangeManager } from './application/change-manager.use-case';
import { CreateEmployee } from './application/create-employee.use-case';
import { DeactivateEmployee } from './application/deactivate-employee.use-case';
import { GetEmployee } from './application/get-employee.use-case';
import { IDENTITY_SETTINGS, type IdentitySettings } from './application/identity-settings';
import { LogIn } from './application/log-in.use-case';
import { ReactivateEmployee } from './application/reactivate-employee.use-case';
import { RegisterEmployee } from './application/register-employee.use-case';
import { SearchEmployees } from './application/search-employees.use-case';
import { UpdateProfile } from './application/update-profile.use-case';
import { AuthController } from './api/auth.controller';
import { EmployeesController } from './api/employees.controller';
import { JwksController } from './api/jwks.controller';
import { RoleGroupRepository } from './infrastructure/role-group.repository';
import { EmailProofRepository } from './infrastructure/email-proof.repository';
import { EmployeeRepository } from './infrastructure/employee.repository';
import { PasswordHasher } from './infrastructure/password-hasher';
import { signingProviders } from './infrastructure/signing-keys.provider';

/** Employees, their profile, the org chart and sign-in. */
@Module({})
export class EmployeesModule {
  static forRoot(environment: IdentityEnvironment): DynamicModule {
    const settings: IdentitySettings = {
      allowedEmailDomains: environment.ALLOWED_EMAIL_DOMAINS,
      adminEmails: environment.ADMIN_EMAILS,
      roleGroups: { admin: environment.SCIM_ADMIN_GROUP, hr: environment.SCIM_HR_GROUP },
      passwordSignIn: passwordSignInEnabled(environment),
    };
    const audit = AuditModule.forRoot(environment);
    // Sign-in's limits; sign-up and the account emails (accounts) have theirs in it too.
    const abuse = AbuseModule.forRoot(environment);
    return {
      module: EmployeesModule,
      imports: [audit, abuse],
      controllers: [AuthController, EmployeesController, JwksController],
      providers: [
        { provide: IDENTITY_SETTINGS, useValue: settings },
        ...signingProviders(environment),
        // Every sign-in starts a session; deactivation (and a password change) ends them all.
        ...sessionProviders(environment),
        EmployeeRepository,
        RoleGroupRepository,
        EmailProofRepository,
        Admins,
        PasswordHasher,
        // Login tells a sign-up waiting for its address from a wrong password (accounts makes them).
        PendingRegistrationRepository,
        RegisterEmployee,
        LogIn,
        GetEmployee,
        SearchEmployees,
        UpdateProfile,
        ChangeManager,
        DeactivateEmployee,
        ReactivateEmployee,
        ChangeEmployeeEmail,
        CreateEmployee,
        ChangeEmploymentDetails,
      ],
      // What SCIM provisioning and the CSV import drive: they change employees through the same use cases.
      exports: [
        audit,
        abuse,
        IDENTITY_SETTINGS,
        EmployeeRepository,
        UpdateProfile,
        ChangeManager,
        DeactivateEmployee,
        ReactivateEmployee,
        ChangeEmployeeEmail,
        CreateEmployee,
        ChangeEmploymentDetails,
        // Accepting an invitation sets a password and signs in, as registration and login do.
        PasswordHasher,
        RoleGroupRepository,
        // Who may be an ADMIN_EMAILS admin: the addresses proven (email links, single sign-on).
        EmailProofRepository,
        TokenIssuer,
        // Whose actions the audit log records as an admin's (a takedown, from recommendations).
        Admins,
        ...sessionExports,
        // Password accounts: a confirmed sign-up becomes an employee.
        RegisterEmployee,
        PendingRegistrationRepository,
      ],
    };
  }
}
