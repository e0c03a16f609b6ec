import { Module, type DynamicModule } from '@nestjs/common';
import type { AuthEnvironment } from './authenticated-employee';
import { AdminGuard, AuthenticatedGuard } from './auth.guards';
import { TokenVerifier } from './token-verifier';

/** Token verification for a service's endpoints: `@Authenticated()`, `@AdminOnly()`, `@CurrentEmployee()`. */
@Module({})
export class AuthModule {
  static forRoot(environment: AuthEnvironment): DynamicModule {
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
        AuthenticatedGuard,
        AdminGuard,
      ],
      exports: [TokenVerifier, AuthenticatedGuard, AdminGuard],
    };
  }
}
