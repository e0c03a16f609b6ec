import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const infraCli = path.resolve(__dirname, '..', '..', '..', 'infra', 'scripts', 'infra.mjs');

interface InfraStatus {
  servers: Array<{ name: string; state: string; pid: number | null }>;
}

interface InfraEndpoints {
  kafkaBrokers: string;
  databaseUrl: string;
  smtpUrl: string;
  maildevUrl: string;
}

/**
 * Kafka, PostgreSQL and maildev from the repo's local infrastructure (`infra.mjs up`: reused when
 * running, started otherwise), announced in the variables the integration tests' global setup sets,
 * so the libs/testing helpers find them. Run through the CLI, as libs/testing's DedicatedKafkaBroker
 * does: its ES module cannot be loaded into this CommonJS process. `stop` stops only what it started.
 */
export async function provideInfrastructure(log: (line: string) => void): Promise<{
  /** The process of each server run by the repo's infrastructure, for measuring its CPU. */
  processIds: { kafka?: number; postgres?: number };
  stop(): Promise<void>;
}> {
  const before = JSON.parse(await infra('status')) as InfraStatus;
  const alreadyUp = new Set(
    before.servers.filter((server) => server.state !== 'stopped').map((server) => server.name),
  );
  const endpoints = JSON.parse(await infra('up')) as InfraEndpoints;
  const startedHere = before.servers.map((server) => server.name).filter((name) => !alreadyUp.has(name));
  log(`infrastructure up (started here: ${startedHere.join(', ') || 'none'})`);
  process.env.KAFKA_BROKERS = endpoints.kafkaBrokers;
  process.env.DATABASE_URL = endpoints.databaseUrl;
  process.env.SMTP_URL = endpoints.smtpUrl;
  process.env.MAILDEV_URL = endpoints.maildevUrl;
  const { servers } = JSON.parse(await infra('status')) as InfraStatus;
  const processIdOf = (name: string) => servers.find((server) => server.name === name)?.pid ?? undefined;
  return {
    processIds: { kafka: processIdOf('kafka'), postgres: processIdOf('postgres') },
    stop: async () => {
      if (startedHere.length > 0) await infra('down', '--only', startedHere.join(','));
    },
  };
}

async function infra(command: 'up' | 'status' | 'down', ...options: string[]): Promise<string> {
  // `down` reports nothing worth reading, and refuses --json.
  const json = command === 'down' ? [] : ['--json'];
  const { stdout } = await run(process.execPath, [infraCli, command, ...json, ...options], {
    timeout: 300_000,
  });
  return stdout;
}
