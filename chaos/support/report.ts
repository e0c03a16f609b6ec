import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ScenarioResult } from './harness';

const COLUMNS = [
  'events',
  'emails due',
  'received',
  'refused',
  'lost',
  'duplicated',
  'kills',
  'recovery',
  'result',
] as const;

function seconds(ms: number | undefined): string {
  return ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
}

/** One scenario's figures as a markdown table, with what went wrong and what it noted. */
export function scenarioTable(result: ScenarioResult): string {
  const cells = [
    result.events,
    result.emailsDue,
    result.received,
    result.refused ?? '–',
    result.lost,
    result.duplicated,
    result.kills,
    seconds(result.recoveryMs),
    result.passed ? 'pass' : 'FAIL',
  ];
  // Results kept from a run before the order check have no order figures.
  const {
    lost,
    duplicated,
    acknowledgedNotCommitted,
    aggregatesInOrder,
    outOfOrder = [],
  } = result.reconciliation;
  const answers = result.answers;
  return [
    `### ${result.id}: ${result.title}`,
    '',
    `Ran ${result.ranAt ?? 'before results said when'}.`,
    '',
    `Expected: ${result.expectation}.`,
    '',
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map(() => '---:').join('|')}|`,
    `| ${cells.join(' | ')} |`,
    '',
    `HTTP writes: ${answers.succeeded} 2xx, ${answers.rejected} 4xx (not possible yet), ${answers.refused} 5xx ` +
      `problem+json, ${answers.unclean} other 5xx, ${answers.unreachable} unanswered; ` +
      `${acknowledgedNotCommitted.length} answered 2xx but not committed. Took ${seconds(result.durationMs)}.`,
    aggregatesInOrder === undefined
      ? 'Order: not checked in this run.'
      : `Order: notifications processed the events of ${aggregatesInOrder} aggregates (two events or more) ` +
        `in the order they were written, ${outOfOrder.length} out of order.`,
    ...result.notes.map((note) => `- ${note}`),
    ...duplicated.map(
      (duplicate) =>
        `- duplicate flagged: Message-ID ${duplicate.messageId} (event ${duplicate.eventId ?? '?'}) ` +
        `accepted ${duplicate.accepted} times`,
    ),
    ...outOfOrder
      .slice(0, 20)
      .map((pair) => `- out of order: ${pair.aggregateId}: ${pair.written[1]} before ${pair.written[0]}`),
    ...lost
      .slice(0, 20)
      .map((loss) => `- lost: ${loss.event.eventType} ${loss.event.eventId} (${loss.stage})`),
    ...result.failures.map((failure) => `- **failed**: ${failure}`),
    '',
  ].join('\n');
}

/**
 * Writes `latest.md` and `latest.json` under `directory`: the scenarios just run, and the last
 * results of those not run this time (`npm run chaos -- <id>` re-runs one), in `order`.
 */
export async function writeResults(
  directory: string,
  results: ScenarioResult[],
  order: readonly string[],
): Promise<void> {
  await mkdir(directory, { recursive: true });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const rerun = new Set(results.map((result) => result.id));
  const kept = (await previousResults(directory)).filter((result) => !rerun.has(result.id));
  const all = [...kept, ...results].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const markdown = [
    '# Fault tests: latest run',
    '',
    `On ${machine}; \`npm run chaos\`. Every scenario runs the four services as processes ` +
      'under a steady load through their HTTP APIs, then reconciles the databases, the delivery ledger ' +
      'and the Message-IDs the SMTP sink accepted (see chaos/README.md). Each scenario says when it ran.',
    '',
    ...all.map(scenarioTable),
  ].join('\n');
  await writeFile(path.join(directory, 'latest.md'), markdown);
  await writeFile(
    path.join(directory, 'latest.json'),
    `${JSON.stringify({ machine, results: all }, (key, value: unknown) => (key === 'dueEvents' ? undefined : value), 2)}\n`,
  );
}

async function previousResults(directory: string): Promise<ScenarioResult[]> {
  try {
    const previous = JSON.parse(await readFile(path.join(directory, 'latest.json'), 'utf8')) as {
      results?: ScenarioResult[];
    };
    return previous.results ?? [];
  } catch {
    return [];
  }
}
