import { useEffect, useSyncExternalStore } from 'react';
import { api, onApiChange } from './api';
import { session } from './session';

/** How many requests wait for the signed-in person's answer; `more` when there are more than one page holds. */
export interface PendingCount {
  count: number;
  more: boolean;
}

export interface PendingRequests {
  /** Recommendation requests addressed to them, still open. */
  recommendations: PendingCount;
  /** Colleagues asking to connect with them. */
  connections: PendingCount;
}

/** A page of requests as a count: its items, and whether a next page holds more. */
export function pendingCountOf(page: {
  items: readonly unknown[];
  nextCursor?: string | null;
}): PendingCount {
  return { count: page.items.length, more: Boolean(page.nextCursor) };
}

/** Navigating looks again at most this often; answering a request (any change) looks at once. */
const FRESH_FOR_MS = 30_000;
/** Changes in a row (accepting several at once) are counted after the last one. */
const SETTLE_MS = 300;

let current: PendingRequests | null = null;
let checkedAt = 0;
let loading: Promise<void> | undefined;
/** A change came while a count was on its way: that count may predate it, so count once more. */
let again = false;
let settleTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function publish(value: PendingRequests | null): void {
  current = value;
  listeners.forEach((listener) => listener());
}

function load(): Promise<void> {
  if (!session.token()) {
    publish(null);
    return Promise.resolve();
  }
  if (loading) {
    again = true;
    return loading;
  }
  loading = Promise.all([api.recommendationRequests('incoming'), api.connectionRequests('incoming')])
    .then(
      ([recommendations, connections]) => {
        checkedAt = Date.now();
        publish({
          recommendations: pendingCountOf(recommendations),
          connections: pendingCountOf(connections),
        });
      },
      // The menu goes without its counts; the pages themselves say what failed.
      () => undefined,
    )
    .finally(() => {
      loading = undefined;
      if (again) {
        again = false;
        void load();
      }
    });
  return loading;
}

onApiChange(() => {
  clearTimeout(settleTimer);
  settleTimer = setTimeout(() => void load(), SETTLE_MS);
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The counts for the menu: read when signed in, again on navigating once they are older than
 * FRESH_FOR_MS, and soon after any change the person makes (answering a request among them).
 */
export function usePendingRequests(pathname: string): PendingRequests | null {
  const token = useSyncExternalStore(session.subscribe, session.token);
  useEffect(() => {
    if (!token) publish(null);
    else if (current === null || Date.now() - checkedAt > FRESH_FOR_MS) void load();
  }, [token, pathname]);
  return useSyncExternalStore(subscribe, () => current);
}
