import { readdir, readFile, readlink } from 'node:fs/promises';
import { waitFor, type ServiceProcess } from '@vouch/testing';

/**
 * `kill -9` of a service started by this process: no shutdown hook runs, open transactions are cut
 * off mid-way, exactly as a crash or an OOM kill. Resolves once it is gone.
 */
export async function sigkill(service: ServiceProcess): Promise<void> {
  service.kill('SIGKILL');
  // Already dead: stop() only waits for the exit to be reaped.
  await service.stop();
}

/**
 * `kill -9` of whatever process listens on `port` on this machine (a broker started detached, not a
 * child of ours): found through the socket's inode in /proc/net/tcp{,6} and the process holding it.
 */
export async function sigkillListener(port: number): Promise<void> {
  const pid = await processListeningOn(port);
  process.kill(pid, 'SIGKILL');
  await waitFor(
    `pid ${pid} to exit`,
    async () =>
      readFile(`/proc/${pid}/stat`, 'utf8').then(
        (stat) => stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z'),
        () => true,
      ),
    Boolean,
    { timeoutMs: 10_000, intervalMs: 50 },
  );
}

async function processListeningOn(port: number): Promise<number> {
  const LISTEN = '0A';
  const tables = await Promise.all(
    ['/proc/net/tcp', '/proc/net/tcp6'].map((table) => readFile(table, 'utf8').catch(() => '')),
  );
  const inodes = new Set(
    tables
      .flatMap((table) => table.split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter(([, local, , state]) => state === LISTEN && parseInt(local?.split(':')[1] ?? '', 16) === port)
      .map((fields) => `socket:[${fields[9]}]`),
  );
  for (const pid of await processIds()) {
    const descriptors = await readdir(`/proc/${pid}/fd`).catch((): string[] => []);
    for (const descriptor of descriptors) {
      const target = await readlink(`/proc/${pid}/fd/${descriptor}`).catch(() => '');
      if (inodes.has(target)) return pid;
    }
  }
  throw new Error(`no process listens on port ${port}`);
}

async function processIds(): Promise<number[]> {
  return (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
}
