import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** One call of an open-loop run: when it was due, when its answer came, and what it was. */
export interface ScheduledCall<T> {
  index: number;
  /** `performance.now()` when the schedule said to send it. */
  dueAt: number;
  /** How late this process actually sent it (a busy client falls behind its own schedule). */
  sentLateMs: number;
  /** Due → answered: the latency a user sees, with any wait behind earlier calls included. */
  latencyMs: number;
  outcome: T;
}

/**
 * Sends `count` calls at a fixed `perSecond` rate, each when it is due, whether or not earlier
 * ones were answered (open loop: a slow server does not slow the arrivals, so queueing shows as
 * latency instead of as a lower rate), and resolves once every call is answered.
 */
export async function runOpenLoop<T>(
  perSecond: number,
  count: number,
  send: (index: number) => Promise<T>,
): Promise<Array<ScheduledCall<T>>> {
  const startedAt = performance.now();
  const dueAt = (index: number) => startedAt + (index * 1000) / perSecond;
  const calls: Array<Promise<ScheduledCall<T>>> = [];
  while (calls.length < count) {
    const now = performance.now();
    while (calls.length < count && dueAt(calls.length) <= now) {
      const index = calls.length;
      calls.push(
        send(index).then((outcome) => ({
          index,
          dueAt: dueAt(index),
          sentLateMs: now - dueAt(index),
          latencyMs: performance.now() - dueAt(index),
          outcome,
        })),
      );
    }
    if (calls.length < count) await sleep(Math.max(0, dueAt(calls.length) - performance.now()));
  }
  return Promise.all(calls);
}
