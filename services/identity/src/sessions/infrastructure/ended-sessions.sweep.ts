import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { PeriodicSweep } from '@vouch/platform';
import { RefreshTokenRepository } from './refresh-token.repository';

const HOUR_MS = 60 * 60_000;
/** Ended sessions are kept a day, for whoever looks into a reuse or a sign-out. */
const KEEP_ENDED_MS = 24 * HOUR_MS;
const BATCH = 1_000;

/** Forgets sessions that ended (expired or revoked) over a day ago, with their refresh tokens. */
@Injectable()
export class EndedSessionsSweep extends PeriodicSweep {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {
    super();
  }

  protected intervalMs(): number {
    return HOUR_MS;
  }

  protected async sweepOnce(): Promise<string | undefined> {
    const before = new Date(Date.now() - KEEP_ENDED_MS);
    let purged = 0;
    for (;;) {
      const batch = await this.unitOfWork.run(() => this.refreshTokens.purgeEndedBefore(before, BATCH));
      purged += batch;
      if (batch < BATCH) break;
    }
    return purged > 0 ? `forgot ${purged} ended sessions` : undefined;
  }
}
