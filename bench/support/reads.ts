import { performance } from 'node:perf_hooks';
import { createTestDatabase, freePort, ServiceProcess } from '@vouch/testing';
import { startBareReadServer } from './bare-read-server';
import { runClosedLoop, type ClosedLoopResult } from './closed-loop';
import {
  childProcessIds,
  cpuSnapshot,
  describeMachine,
  processCpuSeconds,
  processTreeCpuSeconds,
  serviceProcessIds,
  type CpuSnapshot,
} from './machine';
import { measureClients, type PostgresLimits } from './postgres-limits';
import { seedRecommendations, someEmployees, type SeededCompany } from './seeded-recommendations';
import { round } from './stats';

export const READ_ENDPOINTS = {
  profile: 'GET /v1/employees/:id/recommendations',
  balance: 'GET /v1/recommendations/balance',
} as const;
export type ReadEndpoint = keyof typeof READ_ENDPOINTS;
export type ReadServer = 'service' | 'baseline';

export interface ReadsSettings {
  /** Existing recommendations, one company seeded per size in turn. */
  sizes: number[];
  /** Concurrent keep-alive connections, each a closed loop. */
  connections: number[];
  seconds: number;
  /** Before each step, not counted. */
  warmupSeconds: number;
  /** Drive the bare baseline beside the service (part `reads`). */
  baseline: boolean;
  /** The postgres part's transaction at each size (part `growth`); null: not measured. */
  write: { clients: number; seconds: number } | null;
  /** Employees read, at random: subjects of profiles, and whose balance. */
  employeesRead: number;
}

/** Where the CPU went during a step's counted window: percent of one core, and per request. */
export interface ReadStepCpu {
  /** The server's CPU time per answered request (ms): what the framework costs shows here. */
  serverMsPerRequest: number | null;
  serverCorePercent: number | null;
  /** PostgreSQL with its backends. */
  postgresCorePercent: number | null;
  /** The load: this process. */
  benchCorePercent: number;
  machineBusyPercent: number;
}

export interface ReadStep extends ClosedLoopResult {
  endpoint: ReadEndpoint;
  server: ReadServer;
  recommendations: number;
  cpu: ReadStepCpu;
}

function cpuOver(
  [before, after]: [CpuSnapshot, CpuSnapshot],
  seconds: number,
  processes: { server?: number; postgres?: number },
  requests: number,
): ReadStepCpu {
  const corePercent = (cpuSeconds: number) => round((cpuSeconds / seconds) * 100);
  const treeSeconds = (id: number | undefined) =>
    id === undefined ? null : processTreeCpuSeconds(before, after, id);
  const [serverSeconds, postgresSeconds] = [treeSeconds(processes.server), treeSeconds(processes.postgres)];
  return {
    serverMsPerRequest:
      serverSeconds === null || requests === 0 ? null : round((serverSeconds * 1000) / requests, 2),
    serverCorePercent: serverSeconds === null ? null : corePercent(serverSeconds),
    postgresCorePercent: postgresSeconds === null ? null : corePercent(postgresSeconds),
    benchCorePercent: corePercent(processCpuSeconds(before, after, process.pid)),
    machineBusyPercent: round(
      ((after.machineBusySeconds - before.machineBusySeconds) / (seconds * describeMachine().cores)) * 100,
    ),
  };
}

/** A server the reads are driven against, and its process, for its CPU. */
interface ReadServerProcess {
  server: ReadServer;
  url: (route: string) => string;
  processId?: number;
}

export interface WriteAtSize extends PostgresLimits {
  recommendations: number;
}

export interface ReadsResult {
  settings: ReadsSettings;
  companies: SeededCompany[];
  steps: ReadStep[];
  writes: WriteAtSize[];
}

/**
 * The recommendations service alone, on a database it migrated, with a company seeded in SQL at
 * each size in turn; at each, both read endpoints driven closed-loop at each concurrency, the
 * service then the bare baseline on the same database, and then, with the service stopped (its
 * relay would compete for the machine), the write transaction.
 * `environment` is the service's (token keys, Kafka); `tokenFor` signs a token for an employee;
 * `postgresProcessId` is the local PostgreSQL's, for its CPU.
 */
export async function measureReads(
  settings: ReadsSettings,
  environment: Record<string, string>,
  tokenFor: (employeeId: string) => Promise<string>,
  postgresProcessId: number | undefined,
  log: (line: string) => void,
): Promise<ReadsResult> {
  const database = await createTestDatabase('bench_reads');
  const result: ReadsResult = { settings, companies: [], steps: [], writes: [] };
  // The service while it runs, as a process and as a server to read from; stopped for each write.
  let service: { process: ServiceProcess; server: ReadServerProcess } | undefined;
  let baseline: Awaited<ReturnType<typeof startBareReadServer>> | undefined;
  const startService = async () => {
    const started = await ServiceProcess.start('recommendations', await freePort(), {
      ...environment,
      DATABASE_URL: database.url,
    });
    return {
      process: started,
      server: {
        server: 'service',
        url: (route: string) => `${started.baseUrl}${route}`,
        processId: serviceProcessIds(childProcessIds(cpuSnapshot(), process.pid)).recommendations,
      } satisfies ReadServerProcess,
    };
  };
  try {
    log('reads: starting recommendations (it migrates its database)');
    service = await startService();
    let baselineServer: ReadServerProcess | undefined;
    if (settings.baseline) {
      baseline = await startBareReadServer(database.url, await freePort());
      baselineServer = { server: 'baseline', url: baseline.url, processId: baseline.processId };
    }

    for (const size of settings.sizes) {
      if (!service) {
        log('reads: starting recommendations again');
        service = await startService();
      }
      const servers = [service.server, ...(baselineServer ? [baselineServer] : [])];
      log(`reads: seeding ${size} recommendations`);
      const company = await seedRecommendations(database.url, size);
      result.companies.push(company);
      log(
        `reads: seeded ${company.recommendations} recommendations, ${company.employees} employees, ` +
          `${company.connections} connections in ${company.seconds} s (VACUUM ANALYZE and CHECKPOINT included)`,
      );
      const employees = await someEmployees(database.url, settings.employeesRead);
      const readers = await Promise.all(employees.map(async (id) => ({ id, token: await tokenFor(id) })));
      if (readers.length === 0) throw new Error('reads: the seeded company has no active employee');
      const reader = (index: number) => readers[index % readers.length] as { id: string; token: string };
      const routes: Record<ReadEndpoint, (index: number) => { route: string; token: string }> = {
        // Someone's profile, read by someone else.
        profile: (index) => ({
          route: `/v1/employees/${reader(index).id}/recommendations`,
          token: reader(index + 1).token,
        }),
        balance: (index) => ({ route: '/v1/recommendations/balance', token: reader(index).token }),
      };
      const target = (endpoint: ReadEndpoint, url: (route: string) => string) => (index: number) => {
        const { route, token } = routes[endpoint](index);
        return { url: url(route), token };
      };
      // Every reader once at least (the profile's reader is the next one): a token is verified on its
      // first request and remembered until it expires, a one-off the counted windows would otherwise
      // charge to the few requests each reader makes in them.
      const warmup = { seconds: settings.warmupSeconds, requests: readers.length + 1 };
      // The service has just started (or restarted): code, pools and caches warmed on both endpoints
      // first, so that the first step counts a running service rather than its start.
      log('reads: warming up the servers on both endpoints');
      for (const endpoint of Object.keys(READ_ENDPOINTS) as ReadEndpoint[])
        for (const { url } of servers)
          await runClosedLoop(Math.max(...settings.connections), 1, warmup, target(endpoint, url));
      for (const endpoint of Object.keys(READ_ENDPOINTS) as ReadEndpoint[])
        for (const connections of settings.connections)
          for (const { server, url, processId } of servers) {
            let window: { snapshots: [CpuSnapshot, CpuSnapshot]; seconds: number } | undefined;
            const step = await runClosedLoop(
              connections,
              settings.seconds,
              warmup,
              target(endpoint, url),
              () => {
                const [before, startedAt] = [cpuSnapshot(), performance.now()];
                return () => {
                  window = {
                    snapshots: [before, cpuSnapshot()],
                    seconds: (performance.now() - startedAt) / 1000,
                  };
                };
              },
            );
            if (!window) throw new Error('reads: the closed loop never measured');
            const cpu = cpuOver(
              window.snapshots,
              window.seconds,
              { server: processId, postgres: postgresProcessId },
              step.requests,
            );
            result.steps.push({ endpoint, server, recommendations: company.recommendations, ...step, cpu });
            log(
              `reads: ${size} recommendations, ${READ_ENDPOINTS[endpoint]}, ${server}, ${connections} connections: ` +
                `${step.requestsPerSecond} requests/s, p50 ${step.latencyMs.p50} ms, p99 ${step.latencyMs.p99} ms, ` +
                `${cpu.serverMsPerRequest} ms of server CPU per request, machine ${cpu.machineBusyPercent}% busy` +
                (Object.keys(step.failed).length > 0 ? `, failed ${JSON.stringify(step.failed)}` : ''),
            );
          }
      if (settings.write) {
        // With the service stopped, as in the postgres part: its relay, publishing each outbox row
        // the moment it commits, took half the machine and made the figure swing 2x from run to run.
        await service.process.stop();
        service = undefined;
        const write = await measureClients(database.url, settings.write.clients, settings.write.seconds);
        result.writes.push({ recommendations: company.recommendations, ...write });
        log(
          `reads: ${size} recommendations, write transaction, ${write.clients} clients: ` +
            `${write.transactionsPerSecond} transactions/s, p50 ${write.latencyMs.p50} ms, p99 ${write.latencyMs.p99} ms`,
        );
      }
    }
    return result;
  } finally {
    await baseline?.stop();
    await service?.process.stop();
    await database.drop();
  }
}
