import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { IdentityEnvironment } from '../config';
import { EndSession } from './application/end-session.use-case';
import { RefreshSession } from './application/refresh-session.use-case';
import { RevokeSessions } from './application/revoke-sessions';
import { SESSION_SETTINGS, type SessionSettings } from './application/session-settings';
import { StartSession } from './application/start-session.use-case';
import { SessionsController } from './api/sessions.controller';
import { EndedSessionsSweep } from './infrastructure/ended-sessions.sweep';
import { RefreshTokenRepository } from './infrastructure/refresh-token.repository';
import { sessionCookieSecure } from './session-environment';

const DAY_MS = 24 * 60 * 60_000;

/**
 * What every sign-in and every end of access needs, provided by EmployeesModule (which signs and
 * deactivates) and exported from it: `StartSession` after any successful sign-in, `RevokeSessions`
 * when a password changes or an employee is deactivated.
 */
export function sessionProviders(environment: IdentityEnvironment): Provider[] {
  const settings: SessionSettings = {
    ttlMs: environment.REFRESH_TOKEN_TTL_DAYS * DAY_MS,
    idleMs: environment.REFRESH_TOKEN_IDLE_DAYS * DAY_MS,
    cookieSecure: sessionCookieSecure(environment),
  };
  return [
    { provide: SESSION_SETTINGS, useValue: settings },
    RefreshTokenRepository,
    StartSession,
    RevokeSessions,
  ];
}

/** Exported by EmployeesModule beside the rest. */
export const sessionExports = [SESSION_SETTINGS, RefreshTokenRepository, StartSession, RevokeSessions];

/**
 * Sessions that last: rotating refresh tokens in an httpOnly cookie, renewed by `POST
 * /v1/auth/refresh` and ended by `POST /v1/auth/logout`.
 */
@Module({})
export class SessionsModule {
  static forRoot(employees: DynamicModule): DynamicModule {
    return {
      module: SessionsModule,
      imports: [employees],
      controllers: [SessionsController],
      providers: [RefreshSession, EndSession, EndedSessionsSweep],
    };
  }
}
