import { freePort, ServiceProcess } from '@vouch/testing';

/**
 * Instances of the notifications service, each a process of its own, sharing one database, one
 * topic prefix (hence one consumer group) and one SMTP server: scaled out as an orchestrator would.
 */
export class NotificationsFleet {
  readonly instances: ServiceProcess[] = [];

  private constructor(private readonly environment: Record<string, string>) {}

  /** Starts `count` instances one after the other: the first runs the migrations alone. */
  static async start(count: number, environment: Record<string, string>): Promise<NotificationsFleet> {
    const fleet = new NotificationsFleet(environment);
    try {
      for (let started = 0; started < count; started += 1) await fleet.add();
    } catch (error) {
      await fleet.stop();
      throw error;
    }
    return fleet;
  }

  async add(): Promise<ServiceProcess> {
    const instance = await ServiceProcess.start('notifications', await freePort(), { ...this.environment });
    this.instances.push(instance);
    return instance;
  }

  /** SIGTERM to every instance, as an orchestrator scales down. */
  async stop(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.stop()));
  }
}
