import { readFileSync } from 'node:fs';
import {
  createTestDatabase,
  freePort,
  ServiceProcess,
  testInfrastructure,
  type TestDatabase,
} from '@vouch/testing';

export const SERVICE_NAMES = ['identity', 'connections', 'recommendations', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export type ServiceOverrides = Partial<Record<ServiceName, Record<string, string>>>;

/**
 * The four services as processes, configured only through the environment as `npm start` does,
 * each on a fresh database, all on one topic prefix of their own (production partitioning: 12 per
 * topic) and notifications emailing `smtpUrl`. Beside production settings: the daily cap is out of
 * reach (it would fold a recipient's 11th email into a digest), tokens last the whole run, and
 * only warnings are logged (info logs would have this process read every line through the pipes).
 */
export class VouchServices {
  private constructor(
    private readonly processes: Map<ServiceName, ServiceProcess>,
    private readonly databases: Map<ServiceName, TestDatabase>,
  ) {}

  /** `overrides` add to or replace a service's configuration: to try a setting's effect. */
  static async start(
    topicPrefix: string,
    smtpUrl: string,
    overrides: ServiceOverrides = {},
  ): Promise<VouchServices> {
    const { kafkaBrokers } = testInfrastructure();
    const planned = await Promise.all(
      SERVICE_NAMES.map(async (name) => ({
        name,
        port: await freePort(),
        database: await createTestDatabase(`bench_${name}`),
      })),
    );
    const identityPort = planned.find((service) => service.name === 'identity')?.port;
    const shared = {
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: 'warn',
      JWKS_URL: `http://127.0.0.1:${identityPort}/.well-known/jwks.json`,
    };
    const own: Record<ServiceName, Record<string, string>> = {
      identity: { JWT_TTL_SECONDS: '86400' },
      connections: {},
      recommendations: {},
      notifications: {
        SMTP_URL: smtpUrl,
        MAX_EMAILS_PER_DAY: '1000000',
        UNSUBSCRIBE_SECRET: 'a-benchmark-secret-that-is-long-enough',
      },
    };
    const started = await Promise.allSettled(
      planned.map(
        async ({ name, port, database }) =>
          [
            name,
            await ServiceProcess.start(name, port, {
              ...shared,
              ...own[name],
              DATABASE_URL: database.url,
              ...overrides[name],
            }),
          ] as const,
      ),
    );
    const services = new VouchServices(
      new Map(started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))),
      new Map(planned.map(({ name, database }) => [name, database])),
    );
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await services.stop();
      throw failure.reason;
    }
    return services;
  }

  url(name: ServiceName, path: string): string {
    return `${this.process(name).baseUrl}${path}`;
  }

  databaseUrl(name: ServiceName): string {
    const database = this.databases.get(name);
    if (!database) throw new Error(`no database for ${name}`);
    return database.url;
  }

  /**
   * The process id of each service among `childIds` (this process's children), told apart by the
   * entry point on their command line.
   */
  processIds(childIds: number[]): Partial<Record<ServiceName, number>> {
    return serviceProcessIds(childIds);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((service) => service.stop()));
    await Promise.all([...this.databases.values()].map((database) => database.drop()));
  }

  private process(name: ServiceName): ServiceProcess {
    const service = this.processes.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service;
  }
}

/** The process id of each service among `childIds`, told apart by the entry point on their command line. */
export function serviceProcessIds(childIds: number[]): Partial<Record<ServiceName, number>> {
  const commandLines = childIds.map((id) => {
    try {
      return { id, commandLine: readFileSync(`/proc/${id}/cmdline`, 'utf8') };
    } catch {
      return { id, commandLine: '' };
    }
  });
  return Object.fromEntries(
    SERVICE_NAMES.flatMap((name) => {
      const found = commandLines.find(({ commandLine }) =>
        commandLine.includes(`services/${name}/src/main.ts`),
      );
      return found ? [[name, found.id]] : [];
    }),
  );
}
