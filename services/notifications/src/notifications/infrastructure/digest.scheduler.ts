import { Inject, Injectable } from '@nestjs/common';
import { PeriodicSweep } from '@vouch/platform';
import { ComposeDueDigestsUseCase } from '../application/compose-due-digests.use-case';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';

/** Looks for digests that fell due every DIGEST_SWEEP_INTERVAL_MS; instances skip each other's rows. */
@Injectable()
export class DigestScheduler extends PeriodicSweep {
  constructor(
    private readonly composeDueDigests: ComposeDueDigestsUseCase,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.settings.digestSweepIntervalMs;
  }

  protected async sweepOnce(): Promise<string | undefined> {
    const composed = await this.composeDueDigests.execute();
    return composed > 0 ? `composed ${composed} daily digest(s)` : undefined;
  }
}
