import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ScenarioResult } from './harness';

const COLUMNS = [
  'events',
  'emails due',
  'received',
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
    result.lost,
    result.duplicated,
    result.kills,
    seconds(result.recoveryMs),
    result.passed ? 'pass' : 'FAIL',
  ];
  const { lost, duplicated, acknowledgedNotCommitted } = result.reconciliation;
  const answers = result.answers;
  return [
    `### ${result.id}: ${result.title}`,
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
    ...result.notes.map((note) => `- ${note}`),
    ...duplicated.map(
      (duplicate) =>
        `- duplicate flagged: Message-ID ${duplicate.messageId} (event ${duplicate.eventId ?? '?'}) ` +
        `accepted ${duplicate.accepted} times`,
    ),
    ...lost
      .slice(0, 20)
      .map((loss) => `- lost: ${loss.event.eventType} ${loss.event.eventId} (${loss.stage})`),
    ...result.failures.map((failure) => `- **failed**: ${failure}`),
    '',
  ].join('\n');
}

/** Writes `latest.md` and `latest.json` under `directory`. */
export async function writeResults(directory: string, results: ScenarioResult[]): Promise<void> {
  await mkdir(directory, { recursive: true });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const when = new Date().toISOString();
  const markdown = [
    '# Fault tests: latest run',
    '',
    `${when} on ${machine}; \`npm run chaos\`. Every scenario runs the four services as processes ` +
      'under a steady load through their HTTP APIs, then reconciles the databases, the delivery ledger ' +
      'and the Message-IDs the SMTP sink accepted (see chaos/README.md).',
    '',
    ...results.map(scenarioTable),
  ].join('\n');
  await writeFile(path.join(directory, 'latest.md'), markdown);
  await writeFile(
    path.join(directory, 'latest.json'),
    `${JSON.stringify({ ranAt: when, machine, results }, null, 2)}\n`,
  );
}
