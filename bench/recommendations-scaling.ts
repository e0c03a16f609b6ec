/**
 * `npm run bench:scaling` (BENCH_SCALING_SERVICE unset or `recommendations`): the recommendations
 * service's writes through 1, 2 and 3 instances sharing one database and consumer group,
 * BENCH_ROUNDS times (default 3) in turn. Each run starts identity, connections, recommendations and
 * notifications afresh as processes, scales recommendations out, connects a company through the
 * APIs, stops notifications (it was there for the setup's emails), then sends
 * `POST /v1/recommendations` closed loop, BENCH_CONCURRENCY requests in flight (default 32) spread
 * round the instances, for BENCH_SECONDS (default 15), each a distinct (author, subject) pair.
 * Measures recommendations accepted per second, HTTP latency, whether the outbox relays kept pace
 * and who used the CPU, and writes bench/results/recommendations-scaling.{md,json}.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';
import { Topics } from '@vouch/contracts';
import {
  deleteTopicsAndGroupsUnder,
  Platform,
  provideInfrastructure,
  SmtpSink,
  testInfrastructure,
  testKafka,
  withClient,
} from '@vouch/testing';
import { runClosedLoop, type ClosedLoopRequest } from './support/closed-loop';
import { createConnectedCompany, employeesForPairs, shuffledPairs } from './support/company';
import {
  disturbance,
  groupedByInstances,
  meanOf,
  measureRounds,
  rateSummaryRows,
  writeScalingResults,
} from './support/scaling-report';
import { benchEnvironment } from './support/end-to-end';
import { JsonHttpClient } from './support/http-client';
import {
  childProcessIds,
  cpuSnapshot,
  describeMachine,
  processCpuSeconds,
  processTreeCpuSeconds,
  serviceInstanceIds,
  serviceProcessIds,
  type CpuSnapshot,
  type MachineDescription,
} from './support/machine';
import { round, sum, type LatencySummary } from './support/stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const INSTANCE_COUNTS = [1, 2, 3];
/** Before each counted loop, not counted: connections opened and code warmed up in every instance. */
const WARMUP_SECONDS = 2;
/**
 * Pairs prepared per second of loop, warm-up included: more than 2 cores write, so that the loop
 * does not run out (it ends early, and the run says so, if it does). Each pair costs the setup half a
 * connection and one email.
 */
const PAIRS_PER_SECOND = 1_000;
/** The company the pairs spread over, as in a quick end-to-end run (more when the pairs need more). */
const EMPLOYEES = 200;
/** After the loop, how long the outbox relays have to publish what was left. */
const TAIL_SECONDS = 5;
/** Sockets of the setup's client (the setup itself runs 16 connections at once). */
const SETUP_SOCKETS = 64;
const TEXT = 'Ben rebuilt our release pipeline and taught the whole team how it works.';
const RESULTS = path.join(__dirname, 'results', 'recommendations-scaling');

/** Processes of the infrastructure whose CPU is measured apart. */
type ServerProcessIds = { kafka?: number; postgres?: number };

/** The recommendations service's events at one moment: its outbox, and the topic it publishes to. */
interface EventCounts {
  /** Outbox rows written so far (they are kept once published). */
  written: number;
  /** Outbox rows not published yet. */
  unpublished: number;
  /** Messages on the recommendations topic: its partitions' high watermarks, summed. */
  onTopic: number;
}

interface Run {
  round: number;
  instances: number;
  /** How long the counted loop lasted: BENCH_SECONDS, or less when its pairs ran out. */
  seconds: number;
  ranOutOfPairs: boolean;
  /** Answered 201 during the counted loop. */
  accepted: number;
  acceptedPerSecond: number;
  /** Anything else, by status (`error`: no answer). */
  refused: Record<string, number>;
  /** Of the accepted requests, from sending to the answer. */
  httpLatencyMs: LatencySummary;
  /**
   * RecommendationGiven (and RecommendationReciprocated when a pair's second one completes it)
   * written to the outbox during the loop; put on Kafka from the loop's start to its end, and to
   * TAIL_SECONDS later; still in the outbox at those two moments.
   */
  events: {
    written: number;
    publishedByLoopEnd: number;
    publishedByTailEnd: number;
    unpublishedAtLoopEnd: number;
    unpublishedAfterTail: number;
  };
  /** Percent of one core during the counted loop. */
  cpuCorePercent: {
    instances: number[];
    identity: number | null;
    connections: number | null;
    kafka: number | null;
    /** The postmaster and its backends. */
    postgres: number | null;
    /** This process: the load. */
    bench: number;
    /** Every other process on the machine: whatever else it was doing. */
    other: number;
  };
  /** Of all the machine's cores together. */
  machineBusyPercent: number;
  /** CPU time per accepted recommendation, of the instances together and of the whole machine. */
  cpuMsPerRecommendation: { instances: number; machine: number };
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function eventCounts(databaseUrl: string, admin: Admin, topic: string): Promise<EventCounts> {
  const [outbox, partitions] = await Promise.all([
    withClient(databaseUrl, (database) =>
      database.query<{ written: number; unpublished: number }>(
        `SELECT count(*)::int AS written, count(*) FILTER (WHERE published_at IS NULL)::int AS unpublished
           FROM outbox`,
      ),
    ),
    admin.fetchTopicOffsets(topic),
  ]);
  const { written, unpublished } = outbox.rows[0] ?? { written: 0, unpublished: 0 };
  return { written, unpublished, onTopic: sum(partitions.map((partition) => Number(partition.high))) };
}

async function measure(
  roundNumber: number,
  instances: number,
  sink: SmtpSink,
  servers: ServerProcessIds,
): Promise<Run> {
  const label = `round ${roundNumber}, ${instances} instance${instances === 1 ? '' : 's'}`;
  const { kafkaBrokers } = testInfrastructure();
  const pairsNeeded = (WARMUP_SECONDS + SECONDS) * PAIRS_PER_SECOND;
  const employees = Math.max(EMPLOYEES, employeesForPairs(pairsNeeded));
  log(`${label}: starting the platform`);
  sink.clear();
  const platform = await Platform.start(
    'bench_scaling',
    ['identity', 'connections', 'recommendations', 'notifications'],
    benchEnvironment(sink.url, {}),
  );
  const setupHttp = new JsonHttpClient(SETUP_SOCKETS);
  const admin = testKafka(kafkaBrokers).admin();
  try {
    const urls = [platform.baseUrl('recommendations')];
    while (urls.length < instances) urls.push((await platform.scaleOut('recommendations')).baseUrl);
    log(`${label}: ${urls.length} recommendations instances; connecting ${employees} employees`);
    const connections = await createConnectedCompany(
      platform,
      setupHttp,
      employees,
      pairsNeeded,
      () => sink.received.length,
      log,
    );
    // Its part done, notifications would otherwise spend the cores on the loop's emails.
    await platform.service('notifications').stop();
    const pairs = shuffledPairs(connections);
    let nextPair = 0;
    let ranOutOfPairs = false;
    const recommend = (): ClosedLoopRequest | undefined => {
      const pair = pairs[nextPair];
      if (!pair) {
        ranOutOfPairs = true;
        return undefined;
      }
      const [author, subject] = pair;
      const url = `${urls[nextPair % urls.length]}/v1/recommendations`;
      nextPair += 1;
      return {
        method: 'POST',
        url,
        token: author.token,
        body: { subjectId: subject.id, relationship: 'coworker', text: TEXT },
        expectedStatus: 201,
      };
    };

    await admin.connect();
    const databaseUrl = platform.databaseUrl('recommendations');
    const topic = `${platform.topicPrefix}${Topics.recommendations}`;
    log(`${label}: warming up for ${WARMUP_SECONDS} s`);
    await runClosedLoop(CONCURRENCY, WARMUP_SECONDS, { seconds: 0 }, recommend);
    const atStart = await eventCounts(databaseUrl, admin, topic);
    log(`${label}: ${CONCURRENCY} requests in flight for ${SECONDS} s`);
    let window: { snapshots: [CpuSnapshot, CpuSnapshot]; seconds: number } | undefined;
    const loop = await runClosedLoop(CONCURRENCY, SECONDS, { seconds: 0 }, recommend, () => {
      const [before, startedAt] = [cpuSnapshot(), performance.now()];
      return () => {
        window = {
          snapshots: [before, cpuSnapshot()],
          seconds: (performance.now() - startedAt) / 1000,
        };
      };
    });
    if (!window) throw new Error(`${label}: the closed loop never measured`);
    const {
      snapshots: [before, after],
      seconds: windowSeconds,
    } = window;
    const atLoopEnd = await eventCounts(databaseUrl, admin, topic);
    await sleep(TAIL_SECONDS * 1000);
    const afterTail = await eventCounts(databaseUrl, admin, topic);

    const corePercent = (seconds: number) => round((seconds / windowSeconds) * 100);
    const children = childProcessIds(after, process.pid);
    const instanceSeconds = serviceInstanceIds(children, 'recommendations').map((id) =>
      processTreeCpuSeconds(before, after, id),
    );
    const services = serviceProcessIds(children);
    const treeSeconds = (id: number | undefined) =>
      id === undefined ? null : processTreeCpuSeconds(before, after, id);
    const measured = {
      identity: treeSeconds(services.identity),
      connections: treeSeconds(services.connections),
      kafka: treeSeconds(servers.kafka),
      postgres: treeSeconds(servers.postgres),
    };
    const benchSeconds = processCpuSeconds(before, after, process.pid);
    const machineSeconds = after.machineBusySeconds - before.machineBusySeconds;
    const share = (seconds: number | null) => (seconds === null ? null : corePercent(seconds));
    const run: Run = {
      round: roundNumber,
      instances,
      seconds: round(windowSeconds, 2),
      ranOutOfPairs,
      accepted: loop.requests,
      acceptedPerSecond: loop.requestsPerSecond,
      refused: loop.failed,
      httpLatencyMs: loop.latencyMs,
      events: {
        written: atLoopEnd.written - atStart.written,
        publishedByLoopEnd: atLoopEnd.onTopic - atStart.onTopic,
        publishedByTailEnd: afterTail.onTopic - atStart.onTopic,
        unpublishedAtLoopEnd: atLoopEnd.unpublished,
        unpublishedAfterTail: afterTail.unpublished,
      },
      cpuCorePercent: {
        instances: instanceSeconds.map(corePercent),
        identity: share(measured.identity),
        connections: share(measured.connections),
        kafka: share(measured.kafka),
        postgres: share(measured.postgres),
        bench: corePercent(benchSeconds),
        other: corePercent(
          machineSeconds -
            sum(instanceSeconds) -
            benchSeconds -
            sum(Object.values(measured).map((seconds) => seconds ?? 0)),
        ),
      },
      machineBusyPercent: round((machineSeconds / (windowSeconds * describeMachine().cores)) * 100),
      cpuMsPerRecommendation: {
        instances: round((sum(instanceSeconds) * 1000) / loop.requests, 2),
        machine: round((machineSeconds * 1000) / loop.requests, 2),
      },
    };
    log(
      `${label}: ${run.acceptedPerSecond} accepted/s (${run.accepted} in ${run.seconds} s` +
        `${ranOutOfPairs ? ', ran out of pairs' : ''}), refused ${JSON.stringify(run.refused)}, HTTP p50 ` +
        `${run.httpLatencyMs.p50} ms p99 ${run.httpLatencyMs.p99} ms; events written ${run.events.written}, ` +
        `on Kafka ${run.events.publishedByLoopEnd} by the loop's end, ${run.events.unpublishedAfterTail} ` +
        `unpublished ${TAIL_SECONDS} s later; machine ${run.machineBusyPercent} % busy`,
    );
    return run;
  } finally {
    setupHttp.close();
    await admin.disconnect();
    await platform.stop();
    // The next run on this broker starts as this one did (README, "Unit of work").
    await deleteTopicsAndGroupsUnder(kafkaBrokers, platform.topicPrefix);
  }
}

function markdown(machine: MachineDescription, measuredAt: string, runs: Run[]): string {
  const orNone = (value: number | null) => (value === null ? '–' : String(value));
  const rows = runs.map((run) =>
    [
      run.round,
      run.instances,
      run.acceptedPerSecond,
      `${run.accepted} in ${run.seconds} s${run.ranOutOfPairs ? ' (ran out of pairs)' : ''}`,
      Object.entries(run.refused)
        .map(([status, count]) => `${status} ${count}`)
        .join(', ') || '–',
      run.httpLatencyMs.p50,
      run.httpLatencyMs.p99,
      `${run.events.written} / ${run.events.publishedByLoopEnd} / ${run.events.publishedByTailEnd}`,
      `${run.events.unpublishedAtLoopEnd} / ${run.events.unpublishedAfterTail}`,
      run.cpuCorePercent.instances.join(' / '),
      orNone(run.cpuCorePercent.identity),
      orNone(run.cpuCorePercent.connections),
      orNone(run.cpuCorePercent.kafka),
      orNone(run.cpuCorePercent.postgres),
      run.cpuCorePercent.bench,
      run.cpuCorePercent.other,
      run.machineBusyPercent,
    ].join(' | '),
  );
  const byInstances = groupedByInstances(runs, INSTANCE_COUNTS);
  const summary = rateSummaryRows(byInstances, (run) => run.acceptedPerSecond);
  const cpuRows = byInstances.map(({ instances, runs: alike }) =>
    [
      instances,
      meanOf(alike.map((run) => sum(run.cpuCorePercent.instances))),
      meanOf(alike.map((run) => run.cpuCorePercent.postgres ?? Number.NaN)),
      meanOf(alike.map((run) => run.cpuCorePercent.kafka ?? Number.NaN)),
      meanOf(alike.map((run) => (run.cpuCorePercent.identity ?? 0) + (run.cpuCorePercent.connections ?? 0))),
      meanOf(alike.map((run) => run.cpuCorePercent.bench)),
      meanOf(alike.map((run) => run.cpuCorePercent.other)),
      `${meanOf(alike.map((run) => run.machineBusyPercent * machine.cores))} of ${machine.cores * 100}`,
      meanOf(alike.map((run) => run.cpuMsPerRecommendation.instances)),
      meanOf(alike.map((run) => run.cpuMsPerRecommendation.machine)),
    ].join(' | '),
  );
  return [
    '# Recommendations: scaling out',
    '',
    `Measured ${measuredAt} by \`npm run bench:scaling\` (bench/recommendations-scaling.ts) on ` +
      `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `${machine.platform}.`,
    '',
    `Each run: identity, connections, recommendations and notifications started afresh as processes ` +
      `(fresh databases and topic prefix, 12 partitions, LOG_LEVEL=warn), recommendations scaled out to N ` +
      `instances (one database, one consumer group), a company of at least ${EMPLOYEES} employees ` +
      `connected through the APIs with enough pairs for ${PAIRS_PER_SECOND} recommendations a second of loop, then ` +
      `notifications stopped (it was there for the setup's emails; the loop's would compete for the ` +
      `cores). Then \`POST /v1/recommendations\` closed loop: ${CONCURRENCY} requests in flight, sent to ` +
      `the instances in turn, each a distinct (author, subject) pair, ${WARMUP_SECONDS} s not counted, then ` +
      `${SECONDS} s counted. Kafka, PostgreSQL, the services and the bench share the machine's cores, ` +
      `with whatever else runs on it.`,
    '',
    ...disturbance(
      runs.map((run) => run.cpuCorePercent.other),
      'recommendation',
    ),
    '| instances | accepted/s, mean | accepted/s, best | every round |',
    '| --- | --- | --- | --- |',
    ...summary,
    '',
    '| round | instances | accepted/s | accepted | refused | HTTP p50 (ms) | HTTP p99 (ms) | ' +
      'events written / on Kafka by loop end / by +' +
      `${TAIL_SECONDS} s | unpublished at loop end / +${TAIL_SECONDS} s | CPU per instance | identity | ` +
      'connections | Kafka | PostgreSQL | bench | other | machine busy (%) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
    'Where the CPU went (mean over the rounds, percent of one core):',
    '',
    '| instances | all instances | PostgreSQL | Kafka | identity + connections | bench | other | machine busy | ' +
      'instances CPU ms per recommendation | machine CPU ms per recommendation |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...cpuRows.map((row) => `| ${row} |`),
    '',
    '- accepted/s: answered 201 during the counted seconds; HTTP latency of those, from sending to the answer.',
    "- Events: `RecommendationGiven`, and `RecommendationReciprocated` when a pair's second recommendation " +
      "completes it, written to the instances' outbox during the loop; on Kafka: the recommendations " +
      "topic's high watermarks from the loop's start; unpublished: outbox rows the relays had not " +
      `published at the loop's end and ${TAIL_SECONDS} s later. The relays kept pace when few are left at the end.`,
    '- CPU columns are percent of one core over the counted seconds (each process with its children); ' +
      '"other" is every other process on the machine; "machine busy" is percent of all cores together.',
    '',
  ].join('\n');
}

export async function main(): Promise<void> {
  const machine = describeMachine();
  log(
    `${machine.cores} × ${machine.cpuModel}, Node ${machine.node}; recommendations through ` +
      `${INSTANCE_COUNTS.join(', ')} instances, ${CONCURRENCY} requests in flight for ${SECONDS} s, ` +
      `${ROUNDS} round(s)`,
  );
  const infrastructure = await provideInfrastructure(log);
  const sink = await SmtpSink.start();
  try {
    const measuredAt = new Date().toISOString();
    const runs = await measureRounds(ROUNDS, INSTANCE_COUNTS, (roundNumber, instances) =>
      measure(roundNumber, instances, sink, infrastructure.processIds),
    );
    const settings = {
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      pairsPerSecond: PAIRS_PER_SECOND,
      employees: EMPLOYEES,
      tailSeconds: TAIL_SECONDS,
    };
    writeScalingResults(
      RESULTS,
      { measuredAt, machine, settings, runs },
      markdown(machine, measuredAt, runs),
    );
    log(`wrote ${path.relative(process.cwd(), RESULTS)}.md and .json`);
  } finally {
    await sink.close();
    await infrastructure.stop();
  }
}
