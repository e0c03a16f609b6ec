/**
 * `npm run bench:scaling` (BENCH_SCALING_SERVICE unset or `notifications`): the same load (BENCH_EVENTS connection requests, default 3,000, published
 * at once, each one email to a distinct recipient) through 1, 2 and 3 notifications instances sharing
 * one database, consumer group and SMTP server, BENCH_ROUNDS times (default 3) in turn. Measures
 * emails/s from the first to the last SMTP acceptance, event→email latency (the CloudEvent `time` to
 * SMTP receipt) and who used the CPU, and writes bench/results/notifications-scaling.{md,json}.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import {
  ConnectionRequestLoad,
  createTestDatabase,
  testInfrastructure,
  TestTokenAuthority,
  uniqueTopicPrefix,
  waitFor,
  provideInfrastructure,
  SmtpSink,
} from '@vouch/testing';
import {
  childProcessIds,
  cpuSnapshot,
  describeMachine,
  processCpuSeconds,
  processTreeCpuSeconds,
  type MachineDescription,
} from './support/machine';
import {
  disturbance,
  groupedByInstances,
  meanOf,
  measureRounds,
  rateSummaryRows,
  writeScalingResults,
} from './support/scaling-report';
import { NotificationsFleet } from './support/notifications-fleet';
import { percentile, round, sum } from './support/stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const INSTANCE_COUNTS = [1, 2, 3];
/** The production default; divisible by every instance count, so each gets as many partitions. */
const PARTITIONS = 12;
/**
 * Production settings but two: the daily cap would fold a recipient's 11th email into a digest, and
 * info logs would have this process read every log line through the instances' pipes.
 */
// Every email due at once, whatever the hour the bench runs (the default working hours end at 20:00).
const INSTANCE_SETTINGS = { MAX_EMAILS_PER_DAY: '1000000', LOG_LEVEL: 'warn', WORKING_HOURS: '00:00-24:00' };
const EMAILS_TIMEOUT_MS = 600_000;
const RESULTS = path.join(__dirname, 'results', 'notifications-scaling');

/** Processes of the infrastructure whose CPU is measured apart. */
type ServerProcessIds = { kafka?: number; postgres?: number };

interface Run {
  round: number;
  instances: number;
  events: number;
  emailsAccepted: number;
  distinctMessageIds: number;
  /** Accepted emails beyond one per Message-ID: re-sends of the same message. */
  duplicates: number;
  emailsPerSecond: number;
  /** Events turned into deliveries per second (the Kafka consumers' side), first to last. */
  plannedPerSecond: number;
  firstToLastEmailSeconds: number;
  publishToLastEmailSeconds: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Percent of one core, from publishing to the last email. */
  cpuCorePercent: {
    instances: number[];
    /** This process: the publisher and the SMTP server. */
    bench: number;
    kafka: number | null;
    /** The postmaster and its backends. */
    postgres: number | null;
    /** Every other process on the machine: whatever else it was doing. */
    other: number;
  };
  /** Of all the machine's cores together. */
  machineBusyPercent: number;
  /** CPU time per email, of the instances together and of the whole machine. */
  cpuMsPerEmail: { instances: number; machine: number };
  deliveries: Record<string, number>;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function waitForEmails(sink: SmtpSink, label: string, deadline: number): Promise<void> {
  let shown = -1;
  while (new Set(sink.received.map((message) => message.messageId)).size < EVENTS) {
    if (Date.now() > deadline)
      throw new Error(`${label}: ${sink.received.length} of ${EVENTS} emails arrived`);
    if (sink.received.length !== shown) {
      shown = sink.received.length;
      const first = sink.received[0]?.receivedAt ?? Date.now();
      const perSecond = shown / Math.max((Date.now() - first) / 1000, 0.001);
      log(`${label}: ${shown}/${EVENTS} emails, ${Math.round(perSecond)}/s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function measure(
  roundNumber: number,
  instances: number,
  sink: SmtpSink,
  authority: TestTokenAuthority,
  servers: ServerProcessIds,
): Promise<Run> {
  const label = `round ${roundNumber}, ${instances} instance${instances === 1 ? '' : 's'}`;
  const { kafkaBrokers } = testInfrastructure();
  const database = await createTestDatabase(`bench_scaling_${instances}`);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  const topicPrefix = uniqueTopicPrefix('bench_scaling');
  log(`${label}: starting`);
  const fleet = await NotificationsFleet.start(instances, {
    ...authority.environment,
    ...INSTANCE_SETTINGS,
    DATABASE_URL: database.url,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
    SMTP_URL: sink.url,
    UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
  });
  try {
    log(`${label}: registering ${EVENTS + 1} employees`);
    const load = await ConnectionRequestLoad.register(
      { kafkaBrokers, topicPrefix, database: client },
      EVENTS,
    );
    sink.clear();
    const before = cpuSnapshot();
    const publishedAt = Date.now();
    log(`${label}: publishing ${EVENTS} connection requests`);
    const events = await load.publish();
    await waitForEmails(sink, label, publishedAt + EMAILS_TIMEOUT_MS);
    const after = cpuSnapshot();
    const windowSeconds = (Date.now() - publishedAt) / 1000;
    // An email is accepted just before its delivery commits as sent.
    const deliveries = await waitFor(
      `${label}: every delivery recorded as sent`,
      () => load.deliveryStatuses(),
      (statuses) => statuses.sent === EVENTS,
    );

    const received = [...sink.received];
    const eventTimes = new Map(events.map((event) => [event.id, Date.parse(event.time)]));
    const latencies = received
      .map((message) => message.receivedAt - (eventTimes.get(message.eventId ?? '') ?? Number.NaN))
      .sort((a, b) => a - b);
    if (latencies.some(Number.isNaN)) throw new Error(`${label}: an email names no event of this run`);
    const firstAt = Math.min(...received.map((message) => message.receivedAt));
    const lastAt = Math.max(...received.map((message) => message.receivedAt));
    const distinctMessageIds = new Set(received.map((message) => message.messageId)).size;

    const corePercent = (seconds: number) => round((seconds / windowSeconds) * 100);
    // The instances are this process's only children.
    const instanceSeconds = childProcessIds(after, process.pid).map((id) =>
      processTreeCpuSeconds(before, after, id),
    );
    const serverSeconds = (id: number | undefined) =>
      id === undefined ? null : processTreeCpuSeconds(before, after, id);
    const [kafkaSeconds, postgresSeconds] = [serverSeconds(servers.kafka), serverSeconds(servers.postgres)];
    const benchSeconds = processCpuSeconds(before, after, process.pid);
    const machineSeconds = after.machineBusySeconds - before.machineBusySeconds;
    const run: Run = {
      round: roundNumber,
      instances,
      events: EVENTS,
      emailsAccepted: received.length,
      distinctMessageIds,
      duplicates: received.length - distinctMessageIds,
      emailsPerSecond: round((received.length - 1) / ((lastAt - firstAt) / 1000)),
      plannedPerSecond: round((EVENTS - 1) / (await load.planningSeconds())),
      firstToLastEmailSeconds: round((lastAt - firstAt) / 1000, 2),
      publishToLastEmailSeconds: round((lastAt - publishedAt) / 1000, 2),
      latencyMs: {
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        max: latencies[latencies.length - 1] ?? Number.NaN,
      },
      cpuCorePercent: {
        instances: instanceSeconds.map(corePercent),
        bench: corePercent(benchSeconds),
        kafka: kafkaSeconds === null ? null : corePercent(kafkaSeconds),
        postgres: postgresSeconds === null ? null : corePercent(postgresSeconds),
        other: corePercent(
          machineSeconds - sum(instanceSeconds) - benchSeconds - (kafkaSeconds ?? 0) - (postgresSeconds ?? 0),
        ),
      },
      machineBusyPercent: round((machineSeconds / (windowSeconds * describeMachine().cores)) * 100),
      cpuMsPerEmail: {
        instances: round((sum(instanceSeconds) * 1000) / EVENTS, 2),
        machine: round((machineSeconds * 1000) / EVENTS, 2),
      },
      deliveries,
    };
    log(
      `${label}: ${run.emailsPerSecond} emails/s (planned ${run.plannedPerSecond}/s), latency p50 ` +
        `${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, machine ${run.machineBusyPercent} % busy`,
    );
    return run;
  } finally {
    await fleet.stop();
    await client.end();
    await database.drop();
  }
}

function markdown(machine: MachineDescription, measuredAt: string, runs: Run[]): string {
  const orNone = (value: number | null) => (value === null ? '–' : String(value));
  const rows = runs.map((run) =>
    [
      run.round,
      run.instances,
      run.emailsPerSecond,
      run.plannedPerSecond,
      run.firstToLastEmailSeconds,
      run.latencyMs.p50,
      run.latencyMs.p99,
      run.cpuCorePercent.instances.join(' / '),
      run.cpuCorePercent.bench,
      orNone(run.cpuCorePercent.kafka),
      orNone(run.cpuCorePercent.postgres),
      run.cpuCorePercent.other,
      run.machineBusyPercent,
      `${run.distinctMessageIds} / ${run.duplicates}`,
      Object.entries(run.deliveries)
        .map(([status, count]) => `${status} ${count}`)
        .join(', '),
    ].join(' | '),
  );
  const byInstances = groupedByInstances(runs, INSTANCE_COUNTS);
  const summary = rateSummaryRows(byInstances, (run) => run.emailsPerSecond);
  const cpuRows = byInstances.map(({ instances, runs: alike }) =>
    [
      instances,
      meanOf(alike.map((run) => sum(run.cpuCorePercent.instances))),
      meanOf(alike.map((run) => run.cpuCorePercent.postgres ?? Number.NaN)),
      meanOf(alike.map((run) => run.cpuCorePercent.kafka ?? Number.NaN)),
      meanOf(alike.map((run) => run.cpuCorePercent.bench)),
      meanOf(alike.map((run) => run.cpuCorePercent.other)),
      `${meanOf(alike.map((run) => run.machineBusyPercent * machine.cores))} of ${machine.cores * 100}`,
      meanOf(alike.map((run) => run.cpuMsPerEmail.instances)),
      meanOf(alike.map((run) => run.cpuMsPerEmail.machine)),
    ].join(' | '),
  );
  return [
    '# Notifications: scaling out',
    '',
    `Measured ${measuredAt} by \`npm run bench:scaling\` (bench/notifications-scaling.ts) on ` +
      `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `${machine.platform}.`,
    '',
    `Each run: a fresh database and topic prefix, N instances of the service as processes (one consumer ` +
      `group, ${PARTITIONS} partitions), ${EVENTS} \`ConnectionRequested\` events published at once, each ` +
      `one email to a distinct recipient, sent to an in-process SMTP server that accepts at once. ` +
      `Production settings (SENDER_CONCURRENCY 16, SENDER_POLL_INTERVAL_MS 1000) but ` +
      `MAX_EMAILS_PER_DAY=1000000 and LOG_LEVEL=warn. Kafka, PostgreSQL, the instances and the bench ` +
      `share the machine's cores, with whatever else runs on it.`,
    '',
    ...disturbance(
      runs.map((run) => run.cpuCorePercent.other),
      'email',
    ),
    '| instances | emails/s, mean | emails/s, best | every round |',
    '| --- | --- | --- | --- |',
    ...summary,
    '',
    '| round | instances | emails/s | planned/s | first→last email (s) | latency p50 (ms) | latency p99 (ms) | ' +
      'CPU per instance | bench | Kafka | PostgreSQL | other | machine busy (%) | distinct Message-IDs / duplicates | deliveries |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
    'Where the CPU went (mean over the rounds, percent of one core):',
    '',
    '| instances | all instances | PostgreSQL | Kafka | bench | other | machine busy | ' +
      'instances CPU ms per email | machine CPU ms per email |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...cpuRows.map((row) => `| ${row} |`),
    '',
    '- emails/s: accepted by the SMTP server, from the first to the last; planned/s: events turned into ' +
      "deliveries by the Kafka consumers (the `delivery` rows' creation times).",
    "- Latency: from the event's CloudEvent `time` (all are published at once) to its receipt by the SMTP " +
      'server, so it is mostly the wait behind the rest of the batch.',
    '- CPU columns are percent of one core from publishing to the last email; "other" is every other ' +
      'process on the machine; "machine busy" is percent of all cores together.',
    '',
  ].join('\n');
}

export async function main(): Promise<void> {
  const machine = describeMachine();
  log(
    `${machine.cores} × ${machine.cpuModel}, Node ${machine.node}; ${EVENTS} events through ` +
      `${INSTANCE_COUNTS.join(', ')} instances, ${ROUNDS} round(s)`,
  );
  const infrastructure = await provideInfrastructure(log);
  const sink = await SmtpSink.start();
  const authority = await TestTokenAuthority.start();
  try {
    const measuredAt = new Date().toISOString();
    const runs = await measureRounds(ROUNDS, INSTANCE_COUNTS, (roundNumber, instances) =>
      measure(roundNumber, instances, sink, authority, infrastructure.processIds),
    );
    const settings = {
      events: EVENTS,
      rounds: ROUNDS,
      partitions: PARTITIONS,
      instanceSettings: INSTANCE_SETTINGS,
    };
    writeScalingResults(
      RESULTS,
      { measuredAt, machine, settings, runs },
      markdown(machine, measuredAt, runs),
    );
    log(`wrote ${path.relative(process.cwd(), RESULTS)}.md and .json`);
  } finally {
    await authority.close();
    await sink.close();
    await infrastructure.stop();
  }
}
