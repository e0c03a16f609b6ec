/**
 * How the events of a partition's batch share transactions: consecutive events, up to
 * `maxEventsPerTransaction`, form a run that goes together; anything else (a message skipped or
 * rejected) goes alone.
 */
export function runsOf<T extends { decoded: { kind: string } }>(
  received: readonly T[],
  maxEventsPerTransaction: number,
): T[][] {
  const runs: T[][] = [];
  let events: T[] = [];
  for (const item of received) {
    if (item.decoded.kind !== 'event') {
      if (events.length > 0) runs.push(events);
      runs.push([item]);
      events = [];
      continue;
    }
    events.push(item);
    if (events.length === maxEventsPerTransaction) {
      runs.push(events);
      events = [];
    }
  }
  if (events.length > 0) runs.push(events);
  return runs;
}

/** How a run goes on after its shared transaction rolled back. */
export interface RollbackSplit<T> {
  /** The events before the one that failed, to go together again: none when no handler failed. */
  before: T[];
  /** The event that goes alone, with its retries: the one whose handler failed, else the first. */
  alone: T;
  /** The events after it. */
  after: T[];
  /** Whether those go together again: not when the transaction failed outside any handler. */
  afterTogether: boolean;
}

/**
 * When a handler failed (at `failedAt`), the events before it go together again, it goes alone,
 * and the events after it together again; when the transaction failed anywhere else (a lock
 * waited for too long, say), the run goes one by one.
 */
export function splitAfterRollback<T>(run: readonly T[], failedAt: number | undefined): RollbackSplit<T> {
  if (failedAt === undefined) return { before: [], alone: run[0], after: run.slice(1), afterTogether: false };
  return {
    before: run.slice(0, failedAt),
    alone: run[failedAt],
    after: run.slice(failedAt + 1),
    afterTogether: true,
  };
}
