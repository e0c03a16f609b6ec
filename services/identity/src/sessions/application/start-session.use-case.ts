import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TokenIssuer, type AuthenticatedEmployee } from '@vouch/auth';
import { newRefreshToken, nextExpiryOf, refreshTokenHash, type SignInFacts } from '../domain/refresh-token';
import { refreshCookieOf } from '../domain/session-cookie';
import { RefreshTokenRepository } from '../infrastructure/refresh-token.repository';
import { SESSION_SETTINGS, type CookieReply, type SessionSettings } from './session-settings';

/** The answer to a sign-in: the access token, and how many seconds it lives. */
export interface SignedIn {
  accessToken: string;
  expiresIn: number;
}

/** The facts only the sign-in knew (both false when left out). */
export type StartSessionOptions = Partial<SignInFacts>;

/**
 * Starts a session after any successful sign-in (password login, registration, an accepted
 * invitation, single sign-on): a new refresh token family, whose first token goes in the refresh
 * cookie on `reply`, and an access token for the employee and roles given, which it answers.
 */
@Injectable()
export class StartSession {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly tokens: TokenIssuer,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  /**
   * `employee`'s roles are those the sign-in decided; each refresh decides them again (rolesOf), with
   * the facts in `options` that only the sign-in knew (both false when left out).
   */
  async execute(
    employee: AuthenticatedEmployee,
    reply: CookieReply,
    options: StartSessionOptions = {},
  ): Promise<SignedIn> {
    const now = new Date();
    const familyExpiresAt = new Date(now.getTime() + this.settings.ttlMs);
    const token = newRefreshToken();
    const expiresAt = nextExpiryOf(familyExpiresAt, this.settings.idleMs, now);
    await this.refreshTokens.startFamily(
      {
        id: randomUUID(),
        employeeId: employee.id,
        startedAt: now,
        expiresAt: familyExpiresAt,
        facts: {
          emailProven: options.emailProven ?? false,
          inIdpAdminGroup: options.inIdpAdminGroup ?? false,
        },
      },
      { hash: refreshTokenHash(token), expiresAt },
    );
    const signedIn = await this.tokens.issue(employee);
    reply.header(
      'set-cookie',
      refreshCookieOf(token, (familyExpiresAt.getTime() - now.getTime()) / 1000, this.settings.cookieSecure),
    );
    return signedIn;
  }
}
