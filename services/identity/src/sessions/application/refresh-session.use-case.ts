import { Inject, Injectable, Logger } from '@nestjs/common';
import { TokenIssuer } from '@vouch/auth';
import { UnitOfWork } from '@vouch/messaging';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../employees/application/identity-settings';
import { rolesOf } from '../../employees/domain/roles';
import { RoleGroupRepository } from '../../employees/infrastructure/role-group.repository';
import {
  newRefreshToken,
  nextExpiryOf,
  refreshTokenHash,
  verdictOn,
  type SignInFacts,
} from '../domain/refresh-token';
import { clearedRefreshCookie, refreshCookieOf } from '../domain/session-cookie';
import { InvalidRefreshTokenError } from '../domain/session.errors';
import { RefreshTokenRepository } from '../infrastructure/refresh-token.repository';
import { SESSION_SETTINGS, type CookieReply, type SessionSettings } from './session-settings';
import type { SignedIn } from './start-session.use-case';

type Outcome =
  | { refused: string }
  | {
      employeeId: string;
      email: string;
      facts: SignInFacts;
      next: string;
      familyExpiresAt: Date;
      now: Date;
    };

/**
 * Exchanges the refresh cookie's token for a new access token and the family's next refresh token
 * (rotation): each token works once. Presenting one already exchanged means two parties hold it, so
 * the whole family is revoked and both must sign in again. Roles are decided afresh, so joining or
 * leaving the admin or HR group, or a grant given or taken back, shows at the next refresh.
 */
@Injectable()
export class RefreshSession {
  private readonly logger = new Logger(RefreshSession.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly roleGroups: RoleGroupRepository,
    private readonly tokens: TokenIssuer,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
    @Inject(IDENTITY_SETTINGS) private readonly identitySettings: IdentitySettings,
  ) {}

  async execute(token: string | undefined, reply: CookieReply): Promise<SignedIn> {
    const outcome: Outcome = token
      ? await this.rotate(token)
      : { refused: 'no refresh token was sent: sign in' };
    if ('refused' in outcome) {
      reply.header('set-cookie', clearedRefreshCookie(this.settings.cookieSecure));
      throw new InvalidRefreshTokenError(outcome.refused);
    }
    const { employeeId, email, facts, next, familyExpiresAt, now } = outcome;
    const held = await this.roleGroups.heldBy(employeeId);
    const signedIn = await this.tokens.issue({
      id: employeeId,
      email,
      roles: rolesOf({
        email,
        adminEmails: this.identitySettings.adminEmails,
        emailProven: facts.emailProven,
        inAdminGroup: facts.inIdpAdminGroup || held.admin,
        inHrGroup: held.hr,
      }),
    });
    reply.header(
      'set-cookie',
      refreshCookieOf(next, (familyExpiresAt.getTime() - now.getTime()) / 1000, this.settings.cookieSecure),
    );
    return signedIn;
  }

  private rotate(token: string): Promise<Outcome> {
    const hash = refreshTokenHash(token);
    return this.unitOfWork.run(async (): Promise<Outcome> => {
      const now = new Date();
      const presented = await this.refreshTokens.lock(hash);
      if (!presented) return { refused: 'the refresh token is not known: sign in' };
      switch (verdictOn(presented, now)) {
        case 'revoked':
          return { refused: 'the session was ended: sign in' };
        case 'expired':
          return { refused: 'the session expired: sign in' };
        case 'reused':
          await this.refreshTokens.revokeFamily(presented.familyId, 'reused', now);
          this.logger.warn(
            `refresh token reused: session ${presented.familyId} of employee ${presented.employeeId} revoked`,
          );
          return { refused: 'the refresh token was used already, so its session is ended: sign in' };
        case 'rotate':
          break;
      }
      if (!presented.employeeActive) {
        await this.refreshTokens.revokeFamily(presented.familyId, 'deactivated', now);
        return { refused: 'the session was ended: sign in' };
      }
      const next = newRefreshToken();
      await this.refreshTokens.rotate(
        presented.familyId,
        hash,
        {
          hash: refreshTokenHash(next),
          expiresAt: nextExpiryOf(presented.familyExpiresAt, this.settings.idleMs, now),
        },
        now,
      );
      return {
        employeeId: presented.employeeId,
        email: presented.email,
        facts: presented.facts,
        next,
        familyExpiresAt: presented.familyExpiresAt,
        now,
      };
    });
  }
}
