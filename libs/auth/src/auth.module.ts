import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import type { AuthEnvironment } from './authenticated-employee';
import { AdminGuard, AuthenticatedGuard, HrOrAdminGuard } from './auth.guards';
import {
  DEACTIVATED_EMPLOYEES_POLL_MS,
  DeactivatedEmployees,
  DeactivatedEmployeesFeed,
  DeactivatedEmployeesSource,
} from './deactivated-employees';
import { TokenVerifier } from './token-verifier';

export interface AuthModuleOptions {
  /**
   * Where this service reads who is deactivated (its employee replica; identity its own table):
   * their tokens are refused from then on. Left out (a command-line tool), none is refused.
   */
  deactivatedEmployees?: Type<DeactivatedEmployeesSource>;
  /**
   * How often each instance reads them again: a deactivation ends access everywhere within this
   * (plus the event's way to the replica), well under the 5 s promised.
   */
  deactivatedEmployeesPollMs?: number;
}

const DEFAULT_DEACTIVATED_EMPLOYEES_POLL_MS = 1_000;

/** Token verification for a service's endpoints: `@Authenticated()`, `@AdminOnly()`, `@HrOrAdmin()`, `@CurrentEmployee()`. */
@Module({})
export class AuthModule {
  static forRoot(environment: AuthEnvironment, options: AuthModuleOptions = {}): DynamicModule {
    const feed: Provider[] = options.deactivatedEmployees
      ? [
          { provide: DeactivatedEmployeesSource, useClass: options.deactivatedEmployees },
          {
            provide: DEACTIVATED_EMPLOYEES_POLL_MS,
            useValue: options.deactivatedEmployeesPollMs ?? DEFAULT_DEACTIVATED_EMPLOYEES_POLL_MS,
          },
          DeactivatedEmployeesFeed,
        ]
      : [];
    return {
      module: AuthModule,
      global: true,
      providers: [
        {
          provide: TokenVerifier,
          useFactory: () =>
            new TokenVerifier(
              { jwksUrl: environment.JWKS_URL },
              { issuer: environment.JWT_ISSUER, audience: environment.JWT_AUDIENCE },
            ),
        },
        DeactivatedEmployees,
        ...feed,
        AuthenticatedGuard,
        AdminGuard,
        HrOrAdminGuard,
      ],
      exports: [TokenVerifier, DeactivatedEmployees, AuthenticatedGuard, AdminGuard, HrOrAdminGuard],
    };
  }
}
