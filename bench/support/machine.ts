import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { SERVICE_NAMES, type ServiceName } from '@vouch/testing';

/** The machine a measurement was taken on, to be published with it. */
export interface MachineDescription {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** CPU time used so far by the machine as a whole and by each of its processes (Linux: /proc). */
export interface CpuSnapshot {
  /** Seconds all cores together spent busy since boot. */
  machineBusySeconds: number;
  processes: Map<number, { parentId: number; seconds: number }>;
}

const clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** Seconds all cores together have spent busy since boot. */
export function machineBusySeconds(): number {
  return (
    os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0) / 1000
  );
}

/**
 * The CPU the whole machine spent (milliseconds, all cores) while `work` ran: a part's cost, its
 * client and its server together, when it runs alone.
 */
export async function machineCpuMsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = machineBusySeconds();
  await work();
  return (machineBusySeconds() - before) * 1000;
}

export function cpuSnapshot(): CpuSnapshot {
  const busySeconds = machineBusySeconds();
  const processes = new Map<number, { parentId: number; seconds: number }>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [userTicks, systemTicks] = [Number(fields[11]), Number(fields[12])];
      processes.set(Number(entry), {
        parentId: Number(fields[1]),
        seconds: (userTicks + systemTicks) / clockTicksPerSecond,
      });
    } catch {
      // The process ended while the list was read.
    }
  }
  return { machineBusySeconds: busySeconds, processes };
}

/** The processes a process started itself, as a snapshot saw them. */
export function childProcessIds(snapshot: CpuSnapshot, parentId: number): number[] {
  return [...snapshot.processes].filter(([, { parentId: parent }]) => parent === parentId).map(([id]) => id);
}

/** CPU seconds one process used between two snapshots; a process started in between counts from zero. */
export function processCpuSeconds(before: CpuSnapshot, after: CpuSnapshot, id: number): number {
  return (after.processes.get(id)?.seconds ?? 0) - (before.processes.get(id)?.seconds ?? 0);
}

/**
 * CPU seconds a process and its descendants (PostgreSQL's backends, say) used between two
 * snapshots; a process started in between counts from zero.
 */
export function processTreeCpuSeconds(before: CpuSnapshot, after: CpuSnapshot, rootId: number): number {
  const tree = new Set([rootId]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [id, { parentId }] of after.processes) {
      if (!tree.has(id) && tree.has(parentId)) {
        tree.add(id);
        grown = true;
      }
    }
  }
  return [...tree].reduce((sum, id) => sum + processCpuSeconds(before, after, id), 0);
}

/** Each process among `ids` with the command line it was started with ('' once it has ended). */
function commandLines(ids: number[]): Array<{ id: number; commandLine: string }> {
  return ids.map((id) => {
    try {
      return { id, commandLine: readFileSync(`/proc/${id}/cmdline`, 'utf8') };
    } catch {
      return { id, commandLine: '' };
    }
  });
}

const runsService = (name: ServiceName, commandLine: string) =>
  commandLine.includes(`services/${name}/src/main.ts`);

/** The process id of each service among `childIds`, told apart by the entry point on their command line. */
export function serviceProcessIds(childIds: number[]): Partial<Record<ServiceName, number>> {
  const children = commandLines(childIds);
  return Object.fromEntries(
    SERVICE_NAMES.flatMap((name) => {
      const found = children.find(({ commandLine }) => runsService(name, commandLine));
      return found ? [[name, found.id]] : [];
    }),
  );
}

/** The process id of every instance of `name` among `childIds`, when it is scaled out. */
export function serviceInstanceIds(childIds: number[], name: ServiceName): number[] {
  return commandLines(childIds)
    .filter(({ commandLine }) => runsService(name, commandLine))
    .map(({ id }) => id);
}
