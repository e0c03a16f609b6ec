import type { ServiceName } from '@vouch/testing';
import type { EndToEndResult, EndToEndStep } from './end-to-end';
import type { KafkaLimits } from './kafka-limits';
import type { ChartSeries } from './latency-chart';
import type { MachineDescription } from './machine';
import type { PostgresLimits } from './postgres-limits';
import { READ_ENDPOINTS, type ReadEndpoint, type ReadServer, type ReadsResult, type ReadStep } from './reads';
import type { SmtpLimits } from './smtp-limits';
import { round, sum } from './stats';

/** Everything one `npm run bench` measured: what latest.json holds. */
export interface BenchResults {
  /** A validation run (BENCH_QUICK=1) proves the harness works; only a full run is a measurement. */
  kind: 'measurement' | 'validation';
  /** What was run, e.g. `BENCH_PARTS=kafka npm run bench` (absent from reports written before it was kept). */
  command?: string;
  measuredAt: string;
  machine: MachineDescription;
  /** Load average over 1, 5, 15 minutes when the run started: a busy machine's figures are lower. */
  loadAverageAtStart: number[];
  settings: Record<string, unknown>;
  limits: { kafka?: KafkaLimits[]; postgres?: PostgresLimits[]; smtp?: SmtpLimits[] };
  endToEnd?: EndToEndResult;
  reads?: ReadsResult;
  /** Figures derived from `reads`: the service against the baseline, and each figure's growth. */
  readSummary?: ReadSummary;
  headline: string;
  targets: TargetCheck[];
}

export interface TargetCheck {
  target: string;
  /** null: this run did not measure it. */
  met: boolean | null;
  measured: string;
}

/** notifications' SENDER_CONCURRENCY default: the SMTP pool the service actually runs with. */
const SERVICE_SMTP_CONNECTIONS = 16;
// Issue #32's targets.
const TARGET_RATE = 500;
const TARGET_CPU_MS_PER_RECOMMENDATION = 3;
const TARGET_LATENCY_RATE = 250;
const TARGET_EVENT_TO_EMAIL_P99_MS = 250;
const TARGET_HTTP_P99_MS = 50;
const TARGET_BASELINE_SHARE_PERCENT = 70;
const TARGET_SLOWDOWN = 1.2;

/** The service's requests/s as a share of the bare baseline's, at the same size and concurrency. */
export interface BaselineShare {
  endpoint: ReadEndpoint;
  recommendations: number;
  connections: number;
  serviceRequestsPerSecond: number;
  baselineRequestsPerSecond: number;
  sharePercent: number;
}

/** One figure at the smallest and the largest size; slowdown: how many times fewer per second at the largest. */
export interface Growth {
  what: string;
  server: ReadServer | 'postgres';
  /** Connections (reads) or clients (the write). */
  concurrency: number;
  from: { recommendations: number; perSecond: number; p50: number; p99: number };
  to: { recommendations: number; perSecond: number; p50: number; p99: number };
  slowdown: number;
}

export interface ReadSummary {
  baselineShares: BaselineShare[];
  growth: Growth[];
}

export function summarizeReads(reads: ReadsResult): ReadSummary {
  const service = reads.steps.filter((step) => step.server === 'service');
  const baselineShares = service.flatMap((step): BaselineShare[] => {
    const baseline = reads.steps.find(
      (other) =>
        other.server === 'baseline' &&
        other.endpoint === step.endpoint &&
        other.recommendations === step.recommendations &&
        other.connections === step.connections,
    );
    return baseline
      ? [
          {
            endpoint: step.endpoint,
            recommendations: step.recommendations,
            connections: step.connections,
            serviceRequestsPerSecond: step.requestsPerSecond,
            baselineRequestsPerSecond: baseline.requestsPerSecond,
            sharePercent: round((step.requestsPerSecond / baseline.requestsPerSecond) * 100),
          },
        ]
      : [];
  });
  const sizes = reads.companies.map((company) => company.recommendations);
  const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
  if (sizes.length < 2) return { baselineShares, growth: [] };
  const atSize = (step: ReadStep | undefined) =>
    step && {
      recommendations: step.recommendations,
      perSecond: step.requestsPerSecond,
      p50: step.latencyMs.p50,
      p99: step.latencyMs.p99,
    };
  const readGrowth = reads.steps
    .filter((step) => step.recommendations === smallest)
    .flatMap((step): Growth[] => {
      const from = atSize(step);
      const to = atSize(
        reads.steps.find(
          (other) =>
            other.recommendations === largest &&
            other.endpoint === step.endpoint &&
            other.server === step.server &&
            other.connections === step.connections,
        ),
      );
      return from && to
        ? [
            {
              what: READ_ENDPOINTS[step.endpoint],
              server: step.server,
              concurrency: step.connections,
              from,
              to,
              slowdown: round(from.perSecond / to.perSecond, 2),
            },
          ]
        : [];
    });
  const [firstWrite, lastWrite] = [reads.writes[0], reads.writes[reads.writes.length - 1]];
  const writeGrowth: Growth[] =
    firstWrite && lastWrite && firstWrite !== lastWrite
      ? [
          {
            what: 'a recommendation’s write transaction',
            server: 'postgres',
            concurrency: firstWrite.clients,
            from: {
              recommendations: firstWrite.recommendations,
              perSecond: firstWrite.transactionsPerSecond,
              p50: firstWrite.latencyMs.p50,
              p99: firstWrite.latencyMs.p99,
            },
            to: {
              recommendations: lastWrite.recommendations,
              perSecond: lastWrite.transactionsPerSecond,
              p50: lastWrite.latencyMs.p50,
              p99: lastWrite.latencyMs.p99,
            },
            slowdown: round(firstWrite.transactionsPerSecond / lastWrite.transactionsPerSecond, 2),
          },
        ]
      : [];
  return { baselineShares, growth: [...readGrowth, ...writeGrowth] };
}

/** 10000 → "10^4", for sizes that are powers of ten. */
function sizeLabel(count: number): string {
  const exponent = Math.log10(count);
  return Number.isInteger(exponent) ? `10^${exponent}` : String(count);
}

/**
 * The run of each part the targets compare with the platform: kafkajs (the services' client), the
 * PostgreSQL client count with the most transactions/s, nodemailer over the service's own pool.
 */
function comparedParts(limits: BenchResults['limits']): {
  kafka?: KafkaLimits;
  postgres?: PostgresLimits;
  smtp?: SmtpLimits;
} {
  return {
    kafka: limits.kafka?.find((kafka) => kafka.client.startsWith('kafkajs')),
    postgres: limits.postgres?.reduce((best, pg) =>
      pg.transactionsPerSecond > best.transactionsPerSecond ? pg : best,
    ),
    smtp: limits.smtp?.find((smtp) => smtp.connections === SERVICE_SMTP_CONNECTIONS),
  };
}

/** One part's CPU for one recommendation, as the part cost the whole machine when it ran alone. */
export interface PartCost {
  part: string;
  /** The part's run the cost is read from. */
  countedAt: string;
  cpuMsPerRecommendation: number;
}

/**
 * The CPU the parts alone cost one recommendation (a transaction, a message, an email), each at
 * the run `comparedParts` picks: a floor under what the platform can cost, as it does more.
 */
export function partCosts(limits: BenchResults['limits']): PartCost[] {
  const { kafka, postgres, smtp } = comparedParts(limits);
  return [
    kafka && {
      part: 'Kafka: one message produced and consumed',
      countedAt: `${kafka.client}, batches of ${kafka.load.batchSize}`,
      cpuMsPerRecommendation: kafka.cpuMsPerMessage,
    },
    postgres && {
      part: 'PostgreSQL: the write transaction',
      countedAt: `${postgres.clients} clients`,
      cpuMsPerRecommendation: postgres.cpuMsPerTransaction,
    },
    smtp && {
      part: 'SMTP: one email sent and received',
      countedAt: `nodemailer, ${smtp.connections} pooled connections`,
      cpuMsPerRecommendation: smtp.cpuMsPerEmail,
    },
  ].filter((cost): cost is PartCost => cost !== undefined && Number.isFinite(cost.cpuMsPerRecommendation));
}

/** The parts' costs added: ms of CPU per recommendation, under which the platform cannot go. */
function cpuFloorMsPerRecommendation(limits: BenchResults['limits']): number {
  return round(sum(partCosts(limits).map((cost) => cost.cpuMsPerRecommendation)), 2);
}

/** ms of CPU per recommendation × recommendations/s ÷ 1000: the cores the target rate keeps busy. */
function coresAtTargetRate(msPerRecommendation: number): number {
  return round((msPerRecommendation * TARGET_RATE) / 1000, 2);
}

/** The machine's CPU (ms, all processes) per recommendation accepted during an end-to-end step. */
export function cpuMsPerRecommendation(step: EndToEndStep, cores: number): number | null {
  return step.requests.acceptedPerSecond > 0
    ? round(((step.machineBusyPercent / 100) * cores * 1000) / step.requests.acceptedPerSecond, 2)
    : null;
}

export function headline(endToEnd: EndToEndResult | undefined, readSummary?: ReadSummary): string {
  const reads = readSummary && readHeadline(readSummary);
  return reads ? `${endToEndHeadline(endToEnd)} ${reads}` : endToEndHeadline(endToEnd);
}

function readHeadline({ baselineShares, growth }: ReadSummary): string | undefined {
  const shares = baselineShares.map((share) => share.sharePercent);
  const slowdowns = growth.filter((item) => item.server !== 'baseline').map((item) => item.slowdown);
  const said = [
    shares.length > 0 &&
      `reads at ${Math.min(...shares)}–${Math.max(...shares)}% of the bare baseline's requests/s`,
    slowdowns.length > 0 &&
      `at most ${Math.max(...slowdowns)}× slower from ${sizeLabel(growth[0]?.from.recommendations ?? 0)} to ` +
        `${sizeLabel(growth[0]?.to.recommendations ?? 0)} recommendations`,
  ].filter((part): part is string => typeof part === 'string');
  return said.length > 0 ? `Reads: ${said.join('; ')}.` : undefined;
}

function endToEndHeadline(endToEnd: EndToEndResult | undefined): string {
  if (!endToEnd) return 'End to end not measured in this run.';
  const peak = endToEnd.peakSustainablePerSecond;
  const step = endToEnd.steps.find((candidate) => candidate.offeredPerSecond === peak);
  if (peak === null || !step)
    return `No rate tried was sustainable (lowest tried: ${endToEnd.settings.rates[0]}/s).`;
  return (
    `Peak sustainable rate: ${peak} recommendations/s end to end (every email delivered, latency steady), ` +
    `HTTP p99 ${step.httpLatencyMs.p99} ms, event→email p99 ${step.eventToEmailMs.p99} ms.`
  );
}

export function checkTargets({
  limits,
  endToEnd,
  readSummary,
  machine,
}: Pick<BenchResults, 'limits' | 'endToEnd' | 'readSummary' | 'machine'>): TargetCheck[] {
  const peak = endToEnd?.peakSustainablePerSecond ?? null;
  const floor = cpuFloorMsPerRecommendation(limits);
  const floorSaid =
    floor > 0
      ? `; the parts alone cost ${floor} ms of CPU per recommendation, ${coresAtTargetRate(floor)} ` +
        `of the machine's ${machine.cores} cores at ${TARGET_RATE}/s`
      : '';
  const notMeasured = (target: string): TargetCheck => ({
    target,
    met: null,
    measured: 'not measured by this run',
  });
  const peakStep = endToEnd?.steps.find((step) => step.offeredPerSecond === peak);
  const peakCpuMs = peakStep ? cpuMsPerRecommendation(peakStep, machine.cores) : null;
  const latencyStep = endToEnd?.steps.find((step) => step.offeredPerSecond === TARGET_LATENCY_RATE);
  const atLatencyRate = (target: string, p99: (step: EndToEndStep) => number, limitMs: number) =>
    latencyStep
      ? {
          target,
          met: latencyStep.sustainable && p99(latencyStep) <= limitMs,
          measured: `p99 ${p99(latencyStep)} ms${latencyStep.sustainable ? '' : ' (step not sustainable)'}`,
        }
      : {
          target,
          met: endToEnd ? false : null,
          measured: endToEnd
            ? `${TARGET_LATENCY_RATE}/s not reached (or not in BENCH_RATES)`
            : 'not measured by this run',
        };
  return [
    endToEnd
      ? {
          target: `≥ ${TARGET_RATE} recommendations/s sustained end to end with every email delivered`,
          met: peak !== null && peak >= TARGET_RATE,
          measured: (peak === null ? 'no rate sustainable' : `${peak}/s`) + floorSaid,
        }
      : notMeasured(`≥ ${TARGET_RATE} recommendations/s end to end`),
    peakCpuMs !== null
      ? {
          target: `≤ ${TARGET_CPU_MS_PER_RECOMMENDATION} ms of machine CPU per recommendation at the peak sustainable rate`,
          met: peakCpuMs <= TARGET_CPU_MS_PER_RECOMMENDATION,
          measured: `${peakCpuMs} ms at ${peak}/s`,
        }
      : notMeasured(`≤ ${TARGET_CPU_MS_PER_RECOMMENDATION} ms of machine CPU per recommendation`),
    atLatencyRate(
      `event→email p99 ≤ ${TARGET_EVENT_TO_EMAIL_P99_MS} ms at ${TARGET_LATENCY_RATE}/s`,
      (step) => step.eventToEmailMs.p99,
      TARGET_EVENT_TO_EMAIL_P99_MS,
    ),
    atLatencyRate(
      `HTTP p99 ≤ ${TARGET_HTTP_P99_MS} ms at ${TARGET_LATENCY_RATE}/s`,
      (step) => step.httpLatencyMs.p99,
      TARGET_HTTP_P99_MS,
    ),
    ...readTargets(readSummary),
  ];
}

function readTargets(summary: ReadSummary | undefined): TargetCheck[] {
  const shareTarget = `reads ≥ ${TARGET_BASELINE_SHARE_PERCENT}% of the bare baseline (node:http + pg, same SQL)`;
  const growthTarget = `under ${TARGET_SLOWDOWN}× slowdown from 10^4 to 10^6 existing recommendations`;
  const lowest = summary?.baselineShares.reduce<BaselineShare | undefined>(
    (low, share) => (low && low.sharePercent <= share.sharePercent ? low : share),
    undefined,
  );
  const serviceGrowth = summary?.growth.filter((growth) => growth.server !== 'baseline') ?? [];
  const worst = serviceGrowth.reduce<Growth | undefined>(
    (high, growth) => (high && high.slowdown >= growth.slowdown ? high : growth),
    undefined,
  );
  return [
    lowest
      ? {
          target: shareTarget,
          met: lowest.sharePercent >= TARGET_BASELINE_SHARE_PERCENT,
          measured:
            `lowest ${lowest.sharePercent}%: ${READ_ENDPOINTS[lowest.endpoint]}, ${lowest.connections} connections, ` +
            `${sizeLabel(lowest.recommendations)} recommendations (${lowest.serviceRequestsPerSecond} vs ` +
            `${lowest.baselineRequestsPerSecond} requests/s)`,
        }
      : { target: shareTarget, met: null, measured: 'not measured by this run (BENCH_PARTS: reads)' },
    worst
      ? {
          target: growthTarget,
          met: worst.slowdown < TARGET_SLOWDOWN,
          measured:
            `worst ${worst.slowdown}×: ${worst.what}, ${worst.concurrency} ${worst.server === 'postgres' ? 'clients' : 'connections'}, ` +
            `${worst.from.perSecond} → ${worst.to.perSecond}/s from ${sizeLabel(worst.from.recommendations)} to ` +
            `${sizeLabel(worst.to.recommendations)}`,
        }
      : { target: growthTarget, met: null, measured: 'not measured by this run (BENCH_PARTS: growth)' },
  ];
}

/** The chart's lines: each latency figure against the rate of recommendations accepted. */
export function chartSeries(steps: EndToEndStep[]): ChartSeries[] {
  const line = (
    label: string,
    color: string,
    dashed: boolean,
    y: (step: EndToEndStep) => number,
  ): ChartSeries => ({
    label,
    color,
    dashed,
    points: steps.map((step) => ({
      x: step.requests.acceptedPerSecond,
      y: y(step),
      sustainable: step.sustainable,
    })),
  });
  return [
    line('HTTP p50', '#1f77b4', true, (step) => step.httpLatencyMs.p50),
    line('HTTP p99', '#1f77b4', false, (step) => step.httpLatencyMs.p99),
    line('event→email p50', '#2ca02c', true, (step) => step.eventToEmailMs.p50),
    line('event→email p99', '#2ca02c', false, (step) => step.eventToEmailMs.p99),
  ];
}

const table = (header: string[], rows: Array<Array<string | number | null>>) => [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.map((cell) => (cell === null ? '–' : String(cell))).join(' | ')} |`),
];

export function markdown(
  results: BenchResults,
  chart: { image: string; alternative?: string },
  log: string[],
): string {
  const { machine, limits, endToEnd } = results;
  const lines: string[] = [
    results.kind === 'validation' ? '# Benchmarks: validation run (not a measurement)' : '# Benchmarks',
    '',
  ];
  if (results.kind === 'validation')
    lines.push(
      '> **Validation run** (`BENCH_QUICK=1`): a few seconds per step on a shared, busy machine, to show the ' +
        'harness works end to end. These figures are **not** measurements of Vouch; `npm run bench` on a quiet ' +
        'machine makes those (bench/results/latest.md).',
      '',
    );
  lines.push(
    `Run ${results.measuredAt} by \`${results.command ?? 'npm run bench'}\` (bench/run.ts) on ${machine.cores} cores (${machine.cpuModel}), ` +
      `${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; load average at the start ` +
      `${results.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min). Kafka, PostgreSQL, the services and the bench ` +
      'share the machine.',
    '',
    `**${results.headline}**`,
    '',
    '## Targets (issue #32)',
    '',
    ...table(
      ['target', 'met', 'measured'],
      results.targets.map((check) => [
        check.target,
        check.met === null ? '–' : check.met ? 'yes' : 'no',
        check.measured,
      ]),
    ),
    '',
  );
  if (limits.kafka)
    lines.push(
      '## Kafka: produce → consume (1 KB messages, acks=-1, idempotent producer)',
      '',
      ...table(
        [
          'client',
          'messages',
          'batch',
          'produced/s',
          'consumed/s',
          'MB/s',
          'loaded p50 (ms)',
          'loaded p99 (ms)',
          'single p50 (ms)',
          'single p99 (ms)',
          'CPU per message (ms)',
        ],
        limits.kafka.map((kafka) => [
          kafka.client,
          kafka.load.messages,
          kafka.load.batchSize,
          kafka.producedPerSecond,
          kafka.consumedPerSecond,
          kafka.consumedMegabytesPerSecond,
          kafka.loadedLatencyMs.p50,
          kafka.loadedLatencyMs.p99,
          kafka.singleMessageLatencyMs.p50,
          kafka.singleMessageLatencyMs.p99,
          kafka.cpuMsPerMessage,
        ]),
      ),
      '',
    );
  if (limits.postgres)
    lines.push(
      '## PostgreSQL: a recommendation’s write (recommendation row + outbox row + NOTIFY, one transaction)',
      '',
      ...table(
        [
          'clients',
          'seconds',
          'transactions',
          'transactions/s',
          'p50 (ms)',
          'p99 (ms)',
          'CPU per transaction (ms)',
        ],
        limits.postgres.map((pg) => [
          pg.clients,
          pg.seconds,
          pg.transactions,
          pg.transactionsPerSecond,
          pg.latencyMs.p50,
          pg.latencyMs.p99,
          pg.cpuMsPerTransaction,
        ]),
      ),
      '',
    );
  if (limits.smtp)
    lines.push(
      '## SMTP: nodemailer pooled transport → discard sink',
      '',
      ...table(
        ['pooled connections', 'emails', 'emails/s', 'p50 (ms)', 'p99 (ms)', 'CPU per email (ms)'],
        limits.smtp.map((smtp) => [
          smtp.connections,
          smtp.emails,
          smtp.emailsPerSecond,
          smtp.latencyMs.p50,
          smtp.latencyMs.p99,
          smtp.cpuMsPerEmail,
        ]),
      ),
      '',
      'Every email is handed to the pool at once, so its latency is mostly the wait behind the others.',
      '',
    );
  lines.push(...partCostSection(results));
  if (endToEnd) {
    lines.push(
      `## End to end: \`POST /v1/recommendations\` open loop, ${endToEnd.settings.stepSeconds} s per rate`,
      '',
      `${endToEnd.employees} employees, ${endToEnd.connections} connections between them made through the APIs ` +
        `(each employee connected to about ${Math.round((2 * endToEnd.connections) / endToEnd.employees)} others); ` +
        `each recommendation a distinct (author, subject) pair; drain ${endToEnd.settings.drainSeconds} s after each step; ` +
        `${endToEnd.settings.httpSockets} keep-alive sockets to recommendations. ` +
        'The services run from source as `npm start` runs them, with the test platform’s and the bench’s ' +
        'settings: `LOG_LEVEL=warn`, 12 partitions per topic, `MAX_EMAILS_PER_DAY=1000000`, tokens valid for ' +
        'a day, Kafka, PostgreSQL and SMTP on this machine without TLS; everything else at its default ' +
        '(`SENDER_CONCURRENCY` 16, `KAFKA_PARTITIONS_CONSUMED_CONCURRENTLY` 3, `KAFKA_COMMIT_INTERVAL_MS` 1000, ' +
        'no quiet hours).' +
        (Object.keys(endToEnd.settings.serviceOverrides).length > 0
          ? ` Service settings changed for this run (BENCH_SERVICE_ENV): ` +
            `\`${JSON.stringify(endToEnd.settings.serviceOverrides)}\`.`
          : ''),
      '',
      `![${chart.image.endsWith('.png') ? 'Latency against throughput' : 'Latency against throughput (SVG)'}](${chart.image})`,
      ...(chart.alternative ? ['', `(Also as [${chart.alternative}](${chart.alternative}).)`] : []),
      '',
      ...table(
        [
          'offered/s',
          'step lasted (s)',
          'accepted/s',
          'refused',
          'HTTP p50 (ms)',
          'HTTP p99 (ms)',
          'emails in step / by drain end / due',
          'emails/s in step',
          'emails/s to last',
          'event→email p50 (ms)',
          'event→email p99 (ms)',
          'backlog grew',
          'sustainable',
        ],
        endToEnd.steps.map((step) => [
          step.offeredPerSecond,
          step.lastedSeconds,
          step.requests.acceptedPerSecond,
          Object.entries(step.requests.refused)
            .map(([status, count]) => `${status}: ${count}`)
            .join(', ') || 0,
          step.httpLatencyMs.p50,
          step.httpLatencyMs.p99,
          `${step.emails.byStepEnd} / ${step.emails.byDrainEnd} / ${step.emails.due}`,
          step.emails.duringStepPerSecond,
          step.emails.deliveredPerSecond,
          step.eventToEmailMs.p50,
          step.eventToEmailMs.p99,
          step.backlogGrew ? 'yes' : 'no',
          step.sustainable ? 'yes' : 'no',
        ]),
      ),
      '',
      'Where the event→email time goes: up to the email planned (the delivery row written: the relay, Kafka, the consumer), then to its receipt (the sender and SMTP):',
      '',
      ...table(
        [
          'offered/s',
          'event→planned p50 (ms)',
          'event→planned p99 (ms)',
          'planned→email p50 (ms)',
          'planned→email p99 (ms)',
        ],
        endToEnd.steps.map((step) => [
          step.offeredPerSecond,
          step.stagesMs.eventToPlanned.p50,
          step.stagesMs.eventToPlanned.p99,
          step.stagesMs.plannedToEmail.p50,
          step.stagesMs.plannedToEmail.p99,
        ]),
      ),
      '',
      'CPU by process during each step (percent of one core; PostgreSQL with its backends):',
      '',
      ...table(
        [
          'offered/s',
          'identity',
          'connections',
          'recommendations',
          'notifications',
          'Kafka',
          'PostgreSQL',
          'bench',
          'other',
          'machine busy (%)',
          'machine CPU per recommendation (ms)',
        ],
        endToEnd.steps.map((step) => [
          step.offeredPerSecond,
          step.cpuCorePercent.identity,
          step.cpuCorePercent.connections,
          step.cpuCorePercent.recommendations,
          step.cpuCorePercent.notifications,
          step.cpuCorePercent.kafka,
          step.cpuCorePercent.postgres,
          step.cpuCorePercent.bench,
          step.cpuCorePercent.other,
          step.machineBusyPercent,
          cpuMsPerRecommendation(step, machine.cores),
        ]),
      ),
      '',
      ...costModelSection(endToEnd.steps),
    );
    const noted = endToEnd.steps.filter((step) => step.notes.length > 0);
    if (noted.length > 0)
      lines.push(
        'Notes:',
        '',
        ...noted.map((step) => `- ${step.offeredPerSecond}/s: ${step.notes.join('; ')}`),
        '',
      );
    if (endToEnd.skippedRates.length > 0)
      lines.push(`Not run, as a lower rate was not sustainable: ${endToEnd.skippedRates.join(', ')}/s.`, '');
  }
  if (results.reads)
    lines.push(
      ...readSections(results.reads, results.readSummary ?? summarizeReads(results.reads), results.kind),
    );
  lines.push(
    'What each figure means, and how to run: [bench/README.md](../README.md). Every figure is also in the ' +
      'JSON beside this file.',
    '',
  );
  if (log.length > 0) lines.push('## Run log', '', '```', ...log, '```', '');
  return lines.join('\n');
}

/**
 * What the parts alone cost the machine per recommendation, and so how many cores the target rate
 * needs before the platform does anything of its own; beside it, what the platform cost.
 */
function partCostSection({ limits, endToEnd, machine }: BenchResults): string[] {
  const costs = partCosts(limits);
  if (costs.length === 0) return [];
  const floor = cpuFloorMsPerRecommendation(limits);
  const peakStep = endToEnd?.steps.find(
    (step) => step.offeredPerSecond === endToEnd.peakSustainablePerSecond,
  );
  const platformCost = peakStep && cpuMsPerRecommendation(peakStep, machine.cores);
  return [
    `## The parts’ CPU: what ${TARGET_RATE} recommendations/s costs the machine`,
    '',
    'Each part ran alone, so the whole machine’s CPU during its run (client and server together) divided by what it ' +
      'did is its cost. A recommendation needs at least a write transaction, a Kafka message and an email; ms of CPU ' +
      `per recommendation is also the cores busy at ${TARGET_RATE}/s.`,
    '',
    ...table(
      ['part', 'counted at', 'CPU per recommendation (ms)', `cores at ${TARGET_RATE}/s`],
      [
        ...costs.map((cost) => [
          cost.part,
          cost.countedAt,
          cost.cpuMsPerRecommendation,
          coresAtTargetRate(cost.cpuMsPerRecommendation),
        ]),
        ['**the parts together**', '', `**${floor}**`, `**${coresAtTargetRate(floor)} of ${machine.cores}**`],
      ],
    ),
    '',
    ...(platformCost && peakStep
      ? [
          `The platform end to end at its peak sustainable rate (${peakStep.offeredPerSecond}/s) cost ${platformCost} ms ` +
            `per recommendation, ${round(platformCost / floor, 1)}× the parts’: it also answers HTTP, checks the pair, ` +
            'relays its outbox, dedupes in its inbox, plans the email under the daily cap and records its outcome.',
          '',
        ]
      : []),
  ];
}

function readSections(reads: ReadsResult, summary: ReadSummary, kind: BenchResults['kind']): string[] {
  const { settings } = reads;
  const lines = [
    `## Reads: closed loop, ${settings.seconds} s per step after ${settings.warmupSeconds} s of warm-up (and one request per reader at least)`,
    '',
    ...(kind === 'validation'
      ? [
          '> Validation sizes and steps (`BENCH_QUICK=1`): fewer rows and shorter steps than the full run ' +
            '(10^4 and 10^6 recommendations, 10 s per step after 3 s of warm-up).',
          '',
        ]
      : []),
    `The recommendations service alone, on a database it migrated, seeded in SQL with ` +
      `${reads.companies.map((company) => sizeLabel(company.recommendations)).join(' then ')} existing recommendations; ` +
      `${settings.employeesRead} active employees read at random. ` +
      (settings.baseline
        ? 'Beside it, the bare baseline: node:http and a pg Pool (10 connections, as TypeORM’s) running the same SQL ' +
          'on the same database and answering the same JSON, without auth, validation or an ORM.'
        : 'The bare baseline was not run (BENCH_PARTS without reads).'),
    '',
    ...table(
      ['recommendations', 'employees', 'connections', 'pending requests', 'seeded in (s)'],
      reads.companies.map((company) => [
        sizeLabel(company.recommendations),
        company.employees,
        company.connections,
        company.pendingRequests,
        company.seconds,
      ]),
    ),
    '',
    ...table(
      [
        'endpoint',
        'recommendations',
        'connections',
        'service requests/s',
        'service p50 (ms)',
        'service p99 (ms)',
        'baseline requests/s',
        'baseline p50 (ms)',
        'baseline p99 (ms)',
        'service / baseline',
      ],
      reads.steps
        .filter((step) => step.server === 'service')
        .map((step) => {
          const baseline = reads.steps.find(
            (other) =>
              other.server === 'baseline' &&
              other.endpoint === step.endpoint &&
              other.recommendations === step.recommendations &&
              other.connections === step.connections,
          );
          const share = summary.baselineShares.find(
            (candidate) =>
              candidate.endpoint === step.endpoint &&
              candidate.recommendations === step.recommendations &&
              candidate.connections === step.connections,
          );
          return [
            READ_ENDPOINTS[step.endpoint],
            sizeLabel(step.recommendations),
            step.connections,
            step.requestsPerSecond,
            step.latencyMs.p50,
            step.latencyMs.p99,
            baseline?.requestsPerSecond ?? null,
            baseline?.latencyMs.p50 ?? null,
            baseline?.latencyMs.p99 ?? null,
            share ? `${share.sharePercent}%` : null,
          ];
        }),
    ),
    '',
  ];
  lines.push(
    'CPU during each step’s counted window (percent of one core; the server is the service or the baseline ' +
      'process, PostgreSQL with its backends, the bench is the load):',
    '',
    ...table(
      [
        'endpoint',
        'recommendations',
        'connections',
        'server',
        'server CPU per request (ms)',
        'server (% of a core)',
        'PostgreSQL',
        'bench',
        'machine busy (%)',
      ],
      reads.steps.map((step) => [
        READ_ENDPOINTS[step.endpoint],
        sizeLabel(step.recommendations),
        step.connections,
        step.server,
        step.cpu.serverMsPerRequest,
        step.cpu.serverCorePercent,
        step.cpu.postgresCorePercent,
        step.cpu.benchCorePercent,
        step.cpu.machineBusyPercent,
      ]),
    ),
    '',
  );
  const failed = reads.steps.filter((step) => Object.keys(step.failed).length > 0);
  if (failed.length > 0)
    lines.push(
      'Requests not answered 200 (not counted above):',
      '',
      ...failed.map(
        (step) =>
          `- ${READ_ENDPOINTS[step.endpoint]}, ${step.server}, ${sizeLabel(step.recommendations)}, ` +
          `${step.connections} connections: ${JSON.stringify(step.failed)}`,
      ),
      '',
    );
  if (summary.growth.length > 0) {
    const [from, to] = [
      summary.growth[0]?.from.recommendations ?? 0,
      summary.growth[0]?.to.recommendations ?? 0,
    ];
    lines.push(
      `## Growth: from ${sizeLabel(from)} to ${sizeLabel(to)} existing recommendations`,
      '',
      'Slowdown: requests (or transactions) per second at the smaller size divided by those at the larger one, ' +
        'at the same concurrency.' +
        (settings.write
          ? ` The write is the PostgreSQL part’s transaction (recommendation row + outbox row + NOTIFY), ` +
            `${settings.write.clients} clients for ${settings.write.seconds} s, on the seeded tables.`
          : ''),
      '',
      ...table(
        [
          'what',
          'server',
          'concurrency',
          `per second at ${sizeLabel(from)}`,
          `per second at ${sizeLabel(to)}`,
          `p50 (ms) at ${sizeLabel(from)}`,
          `p50 (ms) at ${sizeLabel(to)}`,
          `p99 (ms) at ${sizeLabel(from)}`,
          `p99 (ms) at ${sizeLabel(to)}`,
          'slowdown',
        ],
        summary.growth.map((growth) => [
          growth.what,
          growth.server,
          growth.concurrency,
          growth.from.perSecond,
          growth.to.perSecond,
          growth.from.p50,
          growth.to.p50,
          growth.from.p99,
          growth.to.p99,
          `${growth.slowdown}×`,
        ]),
      ),
      '',
    );
  }
  return lines;
}

/**
 * The cost model: per recommendation, from each step's start to its drain's end, what each service
 * had its database do, what it printed, what went through Kafka (bench/README.md, "Cost model").
 */
function costModelSection(steps: EndToEndStep[]): string[] {
  if (steps.length === 0) return [];
  const services = ['identity', 'connections', 'recommendations', 'notifications'] as const;
  const orDash = (value: number | null) => (value === null ? '–' : value);
  // Topics the steps wrote to: the others (the org chart's, filled during the setup) cost nothing here.
  const topics = [
    ...new Set(
      steps.flatMap((step) =>
        Object.entries(step.costs.kafkaMessages).flatMap(([topic, messages]) =>
          messages > 0 ? [topic] : [],
        ),
      ),
    ),
  ].sort();
  return [
    'The cost model: per recommendation accepted, from the step’s start to its drain’s end (PostgreSQL statements only when `pg_stat_statements` is preloaded; rows written are inserted + updated + deleted; log lines are all a service printed; HTTP: one request per recommendation, the bench’s):',
    '',
    ...table(
      ['offered/s', 'service', 'PostgreSQL statements', 'transactions', 'rows written', 'log lines'],
      steps.flatMap((step) =>
        services.map((name) => {
          const cost = step.costs.byService[name];
          return [
            step.offeredPerSecond,
            name,
            orDash(cost.statements),
            cost.transactions,
            cost.rowsWritten,
            cost.logLines,
          ];
        }),
      ),
    ),
    '',
    ...table(
      ['offered/s', ...topics.map((topic) => `messages on ${topic}`), 'offsets committed (all groups)'],
      steps.map((step) => [
        step.offeredPerSecond,
        ...topics.map((topic) => step.costs.kafkaMessages[topic] ?? 0),
        step.costs.offsetCommits,
      ]),
    ),
    '',
    ...statementsSection(
      steps.filter((step) => step.sustainable).at(-1) ?? steps[steps.length - 1],
      services,
    ),
  ];
}

/** Longest statement text shown: enough to tell the statements apart. */
const STATEMENT_TEXT_SHOWN = 110;

/** Which statements a recommendation cost each service at the highest sustainable rate: what the batching levers aim at. */
function statementsSection(step: EndToEndStep, services: readonly ServiceName[]): string[] {
  const rows = services.flatMap((name) =>
    step.costs.byService[name].byStatement.map(({ statement, perRecommendation }) => [
      name,
      perRecommendation,
      `\`${shortened(statement).replaceAll('|', '\\|').replaceAll('`', "'")}\``,
    ]),
  );
  if (rows.length === 0) return [];
  return [
    `The statements behind the counts at ${step.offeredPerSecond}/s (those run at least once per 20 recommendations; \`pg_stat_statements\`' text, parameters as \`$n\`; BEGIN and COMMIT included):`,
    '',
    ...table(['service', 'per recommendation', 'statement'], rows),
    '',
  ];
}

function shortened(statement: string): string {
  return statement.length <= STATEMENT_TEXT_SHOWN
    ? statement
    : `${statement.slice(0, STATEMENT_TEXT_SHOWN)}…`;
}
