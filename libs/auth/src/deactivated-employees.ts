import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';

/**
 * The employees whose access tokens this instance refuses, reads included: those deactivated since
 * their token was issued. Held in memory, so the guard asks no database per request.
 */
@Injectable()
export class DeactivatedEmployees {
  private ids: ReadonlySet<string> = new Set();

  has(employeeId: string): boolean {
    return this.ids.has(employeeId);
  }

  /** The whole set, as read just now: whoever is no longer in it (reactivated) is let in again. */
  replace(employeeIds: Iterable<string>): void {
    this.ids = new Set(employeeIds);
  }
}

/** Where a service reads whom it knows as deactivated: its employee replica, or identity's own table. */
export abstract class DeactivatedEmployeesSource {
  /** The ids of every deactivated employee; one cheap indexed query. */
  abstract load(): Promise<string[]>;
}

/** How often each instance reads the deactivated employees again, in milliseconds. */
export const DEACTIVATED_EMPLOYEES_POLL_MS = Symbol('DEACTIVATED_EMPLOYEES_POLL_MS');

/**
 * Keeps this instance's DeactivatedEmployees current: loaded before the service answers its first
 * request, then read again every second (AuthModule's `deactivatedEmployeesPollMs`).
 *
 * Why polling and not the Kafka event or a NOTIFY: with several instances of a service, only one
 * instance of the consumer group handles each EmployeeDeactivated, and NOTIFY is best effort (one
 * sent while the listening connection reconnects is lost, so a listener must poll anyway). A poll
 * of every instance bounds the delay by the interval whatever happened, and costs one index-only
 * query per second per instance, not one per request. Reactivation needs nothing special: the next
 * read no longer lists the employee.
 *
 * A failed read keeps the last set and is logged: nothing is lost by waiting, as a deactivation the
 * read missed is still in the table at the next one.
 */
@Injectable()
export class DeactivatedEmployeesFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeactivatedEmployeesFeed.name);
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();
  private busy = false;
  private failing = false;

  constructor(
    private readonly source: DeactivatedEmployeesSource,
    private readonly deactivated: DeactivatedEmployees,
    @Inject(DEACTIVATED_EMPLOYEES_POLL_MS) private readonly pollMs: number,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.read();
    await this.reading;
    this.timer = setInterval(() => this.read(), this.pollMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
  }

  private read(): void {
    // A read still running when the next is due (a slow database) is not queued behind.
    if (this.busy) return;
    this.busy = true;
    this.reading = this.source
      .load()
      .then((ids) => {
        this.deactivated.replace(ids);
        if (this.failing) this.logger.log('reading the deactivated employees works again');
        this.failing = false;
      })
      .catch((error: unknown) => {
        if (!this.failing)
          this.logger.error(
            `reading the deactivated employees failed, the last set stays in use: ${
              error instanceof Error ? error.message : String(error)
            }`,
          );
        this.failing = true;
      })
      .finally(() => {
        this.busy = false;
      });
  }
}
