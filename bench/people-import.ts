import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ServiceProcess, freePort } from '@vouch/testing';

/**
 * Times `npm run import` on a company of PEOPLE (10,000) people in a database of its own: the first
 * import (everyone created and invited, an org chart 5 levels deep, the file in random order so most
 * managers come after their reports), the same file again (all unchanged), then a file with a tenth
 * of the people changed (titles, and a manager moved each). Writes bench/results/people-import.md.
 *
 *   npm run bench:import                 # PostgreSQL from `npm run infra:up`, 127.0.0.1:54329
 *   PEOPLE=2000 npm run bench:import     # another size
 */
const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const SERVER_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329';
const FAN_OUT = 8;
const ROOT = path.resolve(__dirname, '..');

/** A small deterministic generator, so every run imports the same company. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const ZONES = ['Europe/Lisbon', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'UTC'];
const LANGUAGES = ['en', 'pt-BR', 'fr', 'de', 'ja'];
const DEPARTMENTS = ['Engineering', 'Sales', 'People', 'Finance', 'Support'];

function emailOf(index: number): string {
  return `person.${index}@bench.example.com`;
}

function managerOf(index: number): number | null {
  return index === 0 ? null : Math.floor((index - 1) / FAN_OUT);
}

function fileOf(people: number, changed: (index: number) => boolean): string {
  const next = random(42);
  const order = Array.from({ length: people }, (_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const lines = order.map((index) => {
    const moved = changed(index) && index > FAN_OUT;
    // A changed person moves under their manager's sibling: still a tree.
    const manager = managerOf(index);
    const sibling = manager === null ? null : manager % FAN_OUT === 0 ? manager - 1 : manager + 1;
    const newManager = moved && sibling !== null && sibling < people ? sibling : manager;
    return [
      emailOf(index),
      `"Person ${index}, ${DEPARTMENTS[index % DEPARTMENTS.length]}"`,
      changed(index) ? 'Senior engineer' : 'Engineer',
      DEPARTMENTS[index % DEPARTMENTS.length],
      `E-${100_000 + index}`,
      newManager === null ? '' : emailOf(newManager),
      LANGUAGES[index % LANGUAGES.length],
      ZONES[index % ZONES.length],
    ].join(',');
  });
  return ['email,name,title,department,employee number,manager email,language,time zone', ...lines, ''].join(
    '\n',
  );
}

interface Run {
  label: string;
  seconds: number;
  summary: Record<string, number>;
}

function runImport(label: string, file: string, databaseUrl: string): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'services/identity/src/import-people.ts', file, '--json'],
    {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json', DATABASE_URL: databaseUrl },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(
      `${label}: import exited ${result.status}: ${result.stderr}${result.stdout.slice(0, 2000)}`,
    );
  const report = JSON.parse(result.stdout) as { summary: Record<string, number> };
  process.stderr.write(
    `[bench:import] ${label}: ${seconds.toFixed(1)} s ${JSON.stringify(report.summary)}\n`,
  );
  return { label, seconds, summary: report.summary };
}

async function main(): Promise<void> {
  const database = `identity_bench_import_${Date.now()}`;
  const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
  await admin.connect();
  const directory = mkdtempSync(path.join(tmpdir(), 'people-import-'));
  const load = loadavg()[0]?.toFixed(2) ?? '?';
  try {
    const first = path.join(directory, 'people.csv');
    const second = path.join(directory, 'people-changed.csv');
    writeFileSync(
      first,
      fileOf(PEOPLE, () => false),
    );
    writeFileSync(
      second,
      fileOf(PEOPLE, (index) => index % 10 === 5),
    );
    const databaseUrl = `${SERVER_URL}/${database}`;
    // identity creates and migrates its database as it starts; stopped again, so its relay does
    // not publish the imports' events to Kafka while they are timed.
    const identity = await ServiceProcess.start('identity', await freePort(), {
      DATABASE_URL: databaseUrl,
      KAFKA_TOPIC_PREFIX: `${database}.`,
      LOG_LEVEL: 'warn',
    });
    await identity.stop();
    const runs = [
      runImport(`first import of ${PEOPLE} people`, first, databaseUrl),
      runImport('the same file again', first, databaseUrl),
      runImport('a tenth of the people changed', second, databaseUrl),
    ];
    const report = [
      '# People import (`npm run bench:import`)',
      '',
      `${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${load} at the start,`,
      'PostgreSQL, Kafka and other work sharing the machine. Each figure is the wall time of the whole',
      '`npm run import -- <file> --json` process (Node start, Nest context, reading the file, one transaction).',
      'Command: `npm run bench:import` (bench/people-import.ts).',
      '',
      '| run | seconds | summary |',
      '| --- | ---: | --- |',
      ...runs.map((run) => `| ${run.label} | ${run.seconds.toFixed(1)} | ${JSON.stringify(run.summary)} |`),
      '',
    ].join('\n');
    writeFileSync(path.join(ROOT, 'bench/results/people-import.md'), report);
    process.stdout.write(report);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
