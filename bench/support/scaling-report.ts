import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MachineDescription } from './machine';
import { round, sum } from './stats';

/** Other processes' CPU above this (percent of one core) makes a run's numbers say more about them. */
const DISTURBED_ABOVE_PERCENT = 20;

/**
 * A warning for the report when other processes took more than a little CPU in some run (`others`:
 * each run's "other" column, percent of one core), or nothing when the machine was quiet. `unit`
 * is what the CPU time is counted per (an email, a recommendation).
 */
export function disturbance(others: number[], unit: string): string[] {
  if (Math.max(...others) <= DISTURBED_ABOVE_PERCENT) return [];
  return [
    `**Disturbed:** other processes took ${Math.min(...others)} to ${Math.max(...others)} % of a core ` +
      'during the runs (the machine was shared): compare the runs with little "other" CPU, and the CPU ' +
      `time per ${unit}, rather than the means.`,
    '',
  ];
}

/** The mean of a figure over runs, rounded as the reports show it. */
export function meanOf(values: number[]): number {
  return round(sum(values) / values.length);
}

/** The runs of each instance count, in the order the counts are given. */
export function groupedByInstances<T extends { instances: number }>(
  runs: T[],
  instanceCounts: number[],
): Array<{ instances: number; runs: T[] }> {
  return instanceCounts.map((instances) => ({
    instances,
    runs: runs.filter((run) => run.instances === instances),
  }));
}

/** The summary table's rows: per instance count, a rate's mean, best and every round. */
export function rateSummaryRows<T>(
  groups: Array<{ instances: number; runs: T[] }>,
  rateOf: (run: T) => number,
): string[] {
  return groups.map(({ instances, runs }) => {
    const rates = runs.map(rateOf);
    return `| ${instances} | ${meanOf(rates)} | ${Math.max(...rates)} | ${rates.join(', ')} |`;
  });
}

/** Measures every instance count in turn, `rounds` times over, in that order. */
export async function measureRounds<T>(
  rounds: number,
  instanceCounts: number[],
  measure: (round: number, instances: number) => Promise<T>,
): Promise<T[]> {
  const runs: T[] = [];
  for (let round = 1; round <= rounds; round += 1)
    for (const instances of instanceCounts) runs.push(await measure(round, instances));
  return runs;
}

/** Writes a scaling bench's results, `<results>.json` (every figure) and `<results>.md` (the report). */
export function writeScalingResults(
  results: string,
  figures: { measuredAt: string; machine: MachineDescription; settings: object; runs: unknown[] },
  markdown: string,
): void {
  mkdirSync(path.dirname(results), { recursive: true });
  writeFileSync(`${results}.json`, `${JSON.stringify(figures, null, 2)}\n`);
  writeFileSync(`${results}.md`, markdown);
}
