import { Injectable } from '@nestjs/common';
import { RefreshTokenRepository } from '../infrastructure/refresh-token.repository';

/** Why an employee's sessions all ended, as recorded on each. */
export type SessionsRevokedBecause = 'deactivated' | 'password_changed' | (string & {});

/**
 * Ends every session of an employee at once: their refresh tokens are refused from the commit on
 * (their access tokens live out their minutes, unless the employee is deactivated, whose tokens
 * every service refuses too).
 */
@Injectable()
export class RevokeSessions {
  constructor(private readonly refreshTokens: RefreshTokenRepository) {}

  /** In the caller's unit of work, so the sessions end only if the change commits. */
  forEmployee(employeeId: string, because: SessionsRevokedBecause = 'revoked'): Promise<number> {
    return this.refreshTokens.revokeAllOf(employeeId, because, new Date());
  }
}
