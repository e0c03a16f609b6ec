/**
 * How the messages of a partition's batch share transactions: consecutive events, up to
 * `maxEventsPerTransaction`, form a run that goes together, with the messages no handler reads
 * between them (they only move the offset); a message to dead-letter goes alone.
 */
export function runsOf<T extends { decoded: { kind: string } }>(
  received: readonly T[],
  maxEventsPerTransaction: number,
): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let events = 0;
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
    events = 0;
  };
  for (const item of received) {
    if (item.decoded.kind === 'rejected') {
      close();
      runs.push([item]);
      continue;
    }
    run.push(item);
    if (item.decoded.kind === 'event' && ++events === maxEventsPerTransaction) close();
  }
  close();
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
