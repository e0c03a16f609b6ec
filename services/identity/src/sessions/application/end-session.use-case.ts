import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { refreshTokenHash } from '../domain/refresh-token';
import { clearedRefreshCookie } from '../domain/session-cookie';
import { RefreshTokenRepository } from '../infrastructure/refresh-token.repository';
import { SESSION_SETTINGS, type CookieReply, type SessionSettings } from './session-settings';

/**
 * Signs out: the refresh cookie's whole family is revoked at once (any copy of any of its tokens is
 * refused from now on) and the cookie is removed. Without a cookie, or with an unknown one, there is
 * nothing to end, and the answer is the same.
 */
@Injectable()
export class EndSession {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly refreshTokens: RefreshTokenRepository,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(token: string | undefined, reply: CookieReply): Promise<void> {
    reply.header('set-cookie', clearedRefreshCookie(this.settings.cookieSecure));
    if (!token) return;
    const hash = refreshTokenHash(token);
    await this.unitOfWork.run(async () => {
      const familyId = await this.refreshTokens.familyOf(hash);
      if (familyId) await this.refreshTokens.revokeFamily(familyId, 'logout', new Date());
    });
  }
}
