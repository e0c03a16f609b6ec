import type { EndToEndResult, EndToEndStep } from './end-to-end';
import type { KafkaLimits } from './kafka-limits';
import type { ChartSeries } from './latency-chart';
import type { MachineDescription } from './machine';
import type { PostgresLimits } from './postgres-limits';
import type { SmtpLimits } from './smtp-limits';
import { round } from './stats';

/** Everything one `npm run bench` measured: what latest.json holds. */
export interface BenchResults {
  /** A validation run (BENCH_QUICK=1) proves the harness works; only a full run is a measurement. */
  kind: 'measurement' | 'validation';
  measuredAt: string;
  machine: MachineDescription;
  /** Load average over 1, 5, 15 minutes when the run started: a busy machine's figures are lower. */
  loadAverageAtStart: number[];
  settings: Record<string, unknown>;
  limits: { kafka?: KafkaLimits[]; postgres?: PostgresLimits[]; smtp?: SmtpLimits[] };
  endToEnd?: EndToEndResult;
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
const SERVICE_SMTP_CONNECTIONS = 4;
const TARGET_RATE = 1_000;
const TARGET_P99_MS = 100;

/** The rate the slowest part sustains, in recommendations/s (each is a transaction, a message, an email). */
export function slowestPart(limits: BenchResults['limits']): { name: string; perSecond: number } | null {
  const best = <T>(items: T[] | undefined, value: (item: T) => number) =>
    items && items.length > 0 ? Math.max(...items.map(value)) : undefined;
  const candidates = [
    {
      name: 'Kafka (kafkajs, consumed)',
      perSecond: limits.kafka?.find((kafka) => kafka.client.startsWith('kafkajs'))?.consumedPerSecond,
    },
    {
      name: 'PostgreSQL (recommendation + outbox row)',
      perSecond: best(limits.postgres, (pg) => pg.transactionsPerSecond),
    },
    {
      name: `SMTP (nodemailer, ${SERVICE_SMTP_CONNECTIONS} pooled connections)`,
      perSecond: limits.smtp?.find((smtp) => smtp.connections === SERVICE_SMTP_CONNECTIONS)?.emailsPerSecond,
    },
  ].flatMap(({ name, perSecond }) => (perSecond === undefined ? [] : [{ name, perSecond }]));
  return candidates.length === 0
    ? null
    : candidates.reduce((low, part) => (part.perSecond < low.perSecond ? part : low));
}

export function headline(endToEnd: EndToEndResult | undefined): string {
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

export function checkTargets(
  limits: BenchResults['limits'],
  endToEnd: EndToEndResult | undefined,
): TargetCheck[] {
  const peak = endToEnd?.peakSustainablePerSecond ?? null;
  const halfRateStep = endToEnd?.steps.find((step) => step.offeredPerSecond === TARGET_RATE / 2);
  const slowest = slowestPart(limits);
  const notMeasured = (target: string): TargetCheck => ({
    target,
    met: null,
    measured: 'not measured by this run',
  });
  return [
    endToEnd
      ? {
          target: `≥ ${TARGET_RATE} recommendations/s end to end with every email delivered`,
          met: peak !== null && peak >= TARGET_RATE,
          measured: peak === null ? 'no rate sustainable' : `${peak}/s`,
        }
      : notMeasured(`≥ ${TARGET_RATE} recommendations/s end to end`),
    halfRateStep
      ? {
          target: `event→email p99 ≤ ${TARGET_P99_MS} ms at ${TARGET_RATE / 2}/s`,
          met: halfRateStep.sustainable && halfRateStep.eventToEmailMs.p99 <= TARGET_P99_MS,
          measured: `p99 ${halfRateStep.eventToEmailMs.p99} ms${halfRateStep.sustainable ? '' : ' (step not sustainable)'}`,
        }
      : {
          target: `event→email p99 ≤ ${TARGET_P99_MS} ms at ${TARGET_RATE / 2}/s`,
          met: endToEnd ? false : null,
          measured: endToEnd
            ? `${TARGET_RATE / 2}/s not reached (or not in BENCH_RATES)`
            : 'not measured by this run',
        },
    endToEnd && slowest
      ? {
          target: 'end to end ≥ 50% of the slowest part’s limit',
          met: peak !== null && peak >= slowest.perSecond / 2,
          measured:
            `${peak ?? 0}/s = ${round(((peak ?? 0) / slowest.perSecond) * 100)}% of ${slowest.name}, ` +
            `${slowest.perSecond}/s`,
        }
      : notMeasured('end to end ≥ 50% of the slowest part’s limit'),
    notMeasured('reads ≥ 50% of the bare HTTP+pg baseline (not part of this bench yet)'),
    notMeasured('under 1.5× slowdown from 10^4 to 10^6 rows (not part of this bench yet)'),
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
    `Run ${results.measuredAt} by \`npm run bench\` (bench/run.ts) on ${machine.cores} cores (${machine.cpuModel}), ` +
      `${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; load average at the start ` +
      `${results.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min). Kafka, PostgreSQL, the services and the bench ` +
      'share the machine.',
    '',
    `**${results.headline}**`,
    '',
    '## Targets (issue #6)',
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
        ]),
      ),
      '',
    );
  if (limits.postgres)
    lines.push(
      '## PostgreSQL: a recommendation’s write (recommendation row + outbox row + NOTIFY, one transaction)',
      '',
      ...table(
        ['clients', 'seconds', 'transactions', 'transactions/s', 'p50 (ms)', 'p99 (ms)'],
        limits.postgres.map((pg) => [
          pg.clients,
          pg.seconds,
          pg.transactions,
          pg.transactionsPerSecond,
          pg.latencyMs.p50,
          pg.latencyMs.p99,
        ]),
      ),
      '',
    );
  if (limits.smtp)
    lines.push(
      '## SMTP: nodemailer pooled transport → discard sink',
      '',
      ...table(
        ['pooled connections', 'emails', 'emails/s', 'p50 (ms)', 'p99 (ms)'],
        limits.smtp.map((smtp) => [
          smtp.connections,
          smtp.emails,
          smtp.emailsPerSecond,
          smtp.latencyMs.p50,
          smtp.latencyMs.p99,
        ]),
      ),
      '',
      'Every email is handed to the pool at once, so its latency is mostly the wait behind the others.',
      '',
    );
  if (endToEnd) {
    lines.push(
      `## End to end: \`POST /v1/recommendations\` open loop, ${endToEnd.settings.stepSeconds} s per rate`,
      '',
      `${endToEnd.employees} employees, all connected through the APIs; each recommendation a distinct (author, ` +
        `subject) pair; drain ${endToEnd.settings.drainSeconds} s after each step; ` +
        `${endToEnd.settings.httpSockets} keep-alive sockets to recommendations.` +
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
        ]),
      ),
      '',
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
  lines.push(
    'What each figure means, and how to run: [bench/README.md](../README.md). Every figure is also in the ' +
      'JSON beside this file.',
    '',
  );
  if (log.length > 0) lines.push('## Run log', '', '```', ...log, '```', '');
  return lines.join('\n');
}
