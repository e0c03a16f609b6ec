import path from 'node:path';
import { provideInfrastructure } from '@vouch/testing';
import { SCENARIOS } from './scenarios';
import type { ScenarioResult } from './support/harness';
import { scenarioTable, writeResults } from './support/report';

/**
 * `npm run chaos`: every fault scenario in turn (or those named: `npm run chaos -- restart-broker`) against the local infrastructure (reused when it
 * runs, started otherwise); prints a table per scenario and writes chaos/results/latest.{md,json}.
 * Exits non-zero when a scenario missed its expectation.
 */
async function main(): Promise<number> {
  const log = (line: string) =>
    process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const infrastructure = await provideInfrastructure(log);
  const results: ScenarioResult[] = [];
  try {
    // `npm run chaos -- <id>…` runs only those scenarios.
    const chosen = process.argv.slice(2);
    const unknown = chosen.filter((id) => !(id in SCENARIOS));
    if (unknown.length > 0)
      throw new Error(`no scenario ${unknown.join(', ')}: ${Object.keys(SCENARIOS).join(', ')}`);
    const scenarios = Object.entries(SCENARIOS).filter(([id]) => chosen.length === 0 || chosen.includes(id));
    // CHAOS_SHORT=1: each fault at the size of the short version (a quick look, not a result to keep).
    const short = process.env.CHAOS_SHORT === '1';
    for (const [, scenario] of scenarios) {
      const result = await scenario({ log, short });
      results.push(result);
      process.stdout.write(`\n${scenarioTable(result)}\n`);
      await writeResults(path.join(__dirname, 'results'), results, Object.keys(SCENARIOS));
    }
  } finally {
    await infrastructure.stop();
  }
  return results.every((result) => result.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
