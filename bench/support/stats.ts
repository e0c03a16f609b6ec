/** Rounds to `digits` decimals, for figures meant to be read. */
export function round(value: number, digits = 1): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

export function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The value at `share` (0..1) of an ascending list, nearest-rank; NaN for an empty list. */
export function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

/** How a set of durations (ms) spreads. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarizeLatencies(durationsMs: number[]): LatencySummary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** Items per second over a window of `ms`; NaN for an empty window. */
export function perSecond(items: number, ms: number): number {
  return ms > 0 ? round((items * 1000) / ms) : Number.NaN;
}
