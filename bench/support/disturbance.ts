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
