/**
 * `npm run bench`: the limits of the parts (Kafka with two clients, PostgreSQL, SMTP), then the
 * platform end to end at rising rates, then the reads against a bare baseline and as the data
 * grows, then the report: bench/results/latest.{md,json,svg,png}.
 * `BENCH_QUICK=1` runs every step for a few seconds to validate the harness and writes
 * bench/results/quick-validation.* instead; `BENCH_PARTS=kafka` alone writes
 * bench/results/kafka-clients.*. See bench/README.md for the settings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  TestTokenAuthority,
  testInfrastructure,
  uniqueTopicPrefix,
  provideInfrastructure,
  SERVICE_NAMES,
  SmtpSink,
} from '@vouch/testing';
import { fixKafkajsIdleTimer } from '@vouch/messaging';
import { measureEndToEnd, type EndToEndSettings, type ServiceOverrides } from './support/end-to-end';
import { measureKafka, type KafkaLoad } from './support/kafka-limits';
import { latencyChartSvg, renderPng } from './support/latency-chart';
import { describeMachine } from './support/machine';
import { measurePostgres } from './support/postgres-limits';
import { measureReads, type ReadsSettings } from './support/reads';
import {
  chartSeries,
  checkTargets,
  headline,
  markdown,
  summarizeReads,
  type BenchResults,
} from './support/report';
import { measureSmtp } from './support/smtp-limits';

const QUICK = process.env.BENCH_QUICK === '1';
const PARTS = ['kafka', 'postgres', 'smtp', 'e2e', 'reads', 'growth'] as const;

function numbers(variable: string, fallback: number[]): number[] {
  const value = process.env[variable];
  if (!value) return fallback;
  const parsed = value.split(',').map(Number);
  if (parsed.some((item) => !Number.isFinite(item) || item <= 0))
    throw new Error(`${variable} is a comma-separated list of positive numbers, not "${value}"`);
  return parsed;
}

const number = (variable: string, fallback: number) => numbers(variable, [fallback])[0] ?? fallback;

/** BENCH_SERVICE_ENV, e.g. `{"notifications":{"SENDER_POLL_INTERVAL_MS":"50"}}`. */
function serviceOverrides(): ServiceOverrides {
  const value = process.env.BENCH_SERVICE_ENV;
  if (!value) return {};
  const parsed: unknown = JSON.parse(value);
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.entries(parsed).every(
      ([name, environment]) =>
        (SERVICE_NAMES as readonly string[]).includes(name) &&
        typeof environment === 'object' &&
        environment !== null &&
        Object.values(environment).every((setting) => typeof setting === 'string'),
    );
  if (!valid)
    throw new Error(`BENCH_SERVICE_ENV maps service names to {VARIABLE: "value"} objects, not ${value}`);
  return parsed as ServiceOverrides;
}

const parts = (process.env.BENCH_PARTS?.split(',') ?? [...PARTS]).filter(
  (part): part is (typeof PARTS)[number] => (PARTS as readonly string[]).includes(part),
);
const readSizes = numbers('BENCH_READ_SIZES', QUICK ? [1_000, 100_000] : [10_000, 1_000_000]);

const SETTINGS = {
  parts,
  kafka: {
    messages: QUICK ? 2_000 : 50_000,
    batchSize: 500,
    singleMessages: QUICK ? 20 : 200,
    partitions: 12,
  } satisfies KafkaLoad,
  postgres: { clients: QUICK ? [1, 8] : [1, 4, 8, 16, 32], seconds: QUICK ? 2 : 10 },
  smtp: { connections: QUICK ? [16] : [1, 4, 16], emails: QUICK ? 500 : 5_000 },
  endToEnd: {
    rates: numbers('BENCH_RATES', QUICK ? [25, 100, 400] : [25, 50, 100, 150, 200, 250, 500, 1000]),
    stepSeconds: number('BENCH_STEP_SECONDS', QUICK ? 3 : 15),
    drainSeconds: number('BENCH_DRAIN_SECONDS', QUICK ? 5 : 15),
    httpSockets: 64,
    employees: number('BENCH_EMPLOYEES', QUICK ? 200 : 1_000),
    serviceOverrides: serviceOverrides(),
  } satisfies EndToEndSettings,
  // `reads` compares with the baseline at the first size; `growth` adds the others and the write.
  reads: {
    sizes: parts.includes('growth') ? readSizes : readSizes.slice(0, 1),
    connections: numbers('BENCH_READ_CONNECTIONS', [16, 64]),
    seconds: number('BENCH_READ_SECONDS', QUICK ? 3 : 10),
    warmupSeconds: QUICK ? 1 : 3,
    baseline: parts.includes('reads'),
    write: parts.includes('growth') ? { clients: 8, seconds: QUICK ? 2 : 10 } : null,
    employeesRead: 1_000,
  } satisfies ReadsSettings,
};

/** A validation run of only the reads keeps its own files, beside those of the other parts. */
const readsOnly = parts.every((part) => part === 'reads' || part === 'growth');
/** A run of only the Kafka part (the two clients side by side) never replaces the full run's report. */
const kafkaOnly = parts.every((part) => part === 'kafka');
/** BENCH_RESULTS_NAME: a comparison run (three brokers, say) keeps files of its own beside the full run's. */
function resultsName(): string {
  const named = process.env.BENCH_RESULTS_NAME;
  if (named !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(named))
      throw new Error(
        `BENCH_RESULTS_NAME names files in bench/results: lower-case letters, digits and dashes, not ${named}`,
      );
    return named;
  }
  if (QUICK) return readsOnly ? 'quick-validation-reads' : 'quick-validation';
  return kafkaOnly ? 'kafka-clients' : 'latest';
}
const RESULTS = path.join(__dirname, 'results', resultsName());
/** How this run was started, for the report: the variables that chose what it measured. */
const COMMAND = [
  QUICK && 'BENCH_QUICK=1',
  process.env.BENCH_PARTS && `BENCH_PARTS=${parts.join(',')}`,
  process.env.BENCH_RATES && `BENCH_RATES=${process.env.BENCH_RATES}`,
  process.env.VOUCH_KAFKA_NODES && `VOUCH_KAFKA_NODES=${process.env.VOUCH_KAFKA_NODES}`,
  process.env.BENCH_RESULTS_NAME && `BENCH_RESULTS_NAME=${process.env.BENCH_RESULTS_NAME}`,
  'npm run bench',
]
  .filter(Boolean)
  .join(' ');
const runLog: string[] = [];
const startedAt = Date.now();

function log(line: string): void {
  const stamped = `[bench +${Math.round((Date.now() - startedAt) / 1000)}s] ${line}`;
  runLog.push(stamped);
  process.stderr.write(`${stamped}\n`);
}

async function main(): Promise<void> {
  // The bench's own kafkajs clients (the Kafka part, the topic reader) as the services have theirs.
  fixKafkajsIdleTimer();
  const machine = describeMachine();
  const loadAverageAtStart = os.loadavg().map((load) => Math.round(load * 100) / 100);
  log(
    `${QUICK ? 'validation run (BENCH_QUICK=1)' : 'full run'} on ${machine.cores} × ${machine.cpuModel}, ` +
      `Node ${machine.node}, load average ${loadAverageAtStart.join(' ')}; parts: ${SETTINGS.parts.join(', ')}`,
  );
  const infrastructure = await provideInfrastructure(log);
  const sink = await SmtpSink.start();
  const authority = await TestTokenAuthority.start();
  try {
    const { kafkaBrokers } = testInfrastructure();
    // The recommendations service on its own (postgres and reads parts): tokens from the bench's authority.
    const recommendationsEnvironment = {
      ...authority.environment,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: uniqueTopicPrefix('bench_pg'),
      LOG_LEVEL: 'warn',
    };
    const results: BenchResults = {
      kind: QUICK ? 'validation' : 'measurement',
      command: COMMAND,
      measuredAt: new Date().toISOString(),
      machine,
      loadAverageAtStart,
      settings: SETTINGS,
      limits: {},
      headline: '',
      targets: [],
    };
    if (SETTINGS.parts.includes('kafka')) {
      log('— limits: Kafka');
      results.limits.kafka = await measureKafka(kafkaBrokers, SETTINGS.kafka, log);
    }
    if (SETTINGS.parts.includes('postgres')) {
      log('— limits: PostgreSQL');
      results.limits.postgres = await measurePostgres(
        recommendationsEnvironment,
        SETTINGS.postgres.clients,
        SETTINGS.postgres.seconds,
        log,
      );
    }
    if (SETTINGS.parts.includes('smtp')) {
      log('— limits: SMTP');
      results.limits.smtp = await measureSmtp(sink, SETTINGS.smtp.connections, SETTINGS.smtp.emails, log);
    }
    if (SETTINGS.parts.includes('e2e')) {
      log('— end to end');
      sink.clear();
      results.endToEnd = await measureEndToEnd(SETTINGS.endToEnd, sink, infrastructure.processIds, log);
    }
    if (SETTINGS.parts.includes('reads') || SETTINGS.parts.includes('growth')) {
      log(`— reads${SETTINGS.reads.sizes.length > 1 ? ' and growth' : ''}`);
      results.reads = await measureReads(
        SETTINGS.reads,
        recommendationsEnvironment,
        async (id) => (await authority.tokenFor({ id })).token,
        infrastructure.processIds.postgres,
        log,
      );
      results.readSummary = summarizeReads(results.reads);
    }
    results.headline = headline(results.endToEnd, results.readSummary);
    results.targets = checkTargets(results);
    log(results.headline);
    await writeReport(results);
  } finally {
    await authority.close();
    await sink.close();
    await infrastructure.stop();
  }
}

async function writeReport(results: BenchResults): Promise<void> {
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  const name = path.basename(RESULTS);
  let chart: { image: string; alternative?: string } = { image: `${name}.svg` };
  if (results.endToEnd) {
    writeFileSync(
      `${RESULTS}.svg`,
      latencyChartSvg(
        `Vouch end to end: latency against throughput${results.kind === 'validation' ? ' (validation run)' : ''}`,
        'recommendations accepted per second',
        chartSeries(results.endToEnd.steps),
        { y: 100, label: 'target: event→email p99 ≤ 100 ms at 500/s' },
      ),
    );
    try {
      if (await renderPng(`${RESULTS}.svg`, `${RESULTS}.png`))
        chart = { image: `${name}.png`, alternative: `${name}.svg` };
    } catch (error) {
      log(
        `no PNG (chromium failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      );
    }
  }
  writeFileSync(`${RESULTS}.json`, `${JSON.stringify(results, null, 2)}\n`);
  log(`writing ${path.relative(process.cwd(), RESULTS)}.md and .json`);
  writeFileSync(`${RESULTS}.md`, markdown(results, chart, results.kind === 'validation' ? runLog : []));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
