import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';

/**
 * A job every instance of a service runs on a timer (expire due requests, send due reminders).
 * The job itself must be safe with several instances, e.g. by claiming rows with
 * `FOR UPDATE SKIP LOCKED`. A tick that finds the last sweep still running skips rather than
 * queueing behind it; on shutdown the sweep in flight finishes before the database closes.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();
  private running = false;

  /** How often to sweep. */
  protected abstract intervalMs(): number;

  /** One sweep; returns a line worth logging, if any. */
  protected abstract sweepOnce(): Promise<string | undefined>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(), this.intervalMs());
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  private sweep(): void {
    if (this.running) return;
    this.running = true;
    this.sweeping = this.sweepOnce()
      .then((summary) => {
        if (summary) this.logger.log(summary);
      })
      .catch((error: unknown) => {
        this.logger.error(`sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.running = false;
      });
  }
}
