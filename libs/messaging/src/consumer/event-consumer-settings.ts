import type { BackoffPolicy } from '../backoff';

export interface EventConsumerSettings {
  /** The consumer group, one per service (its name, exactly: no `-server` suffix). */
  group: string;
  /** Partitions processed at the same time; each partition stays in order. */
  partitionsConsumedConcurrently: number;
  /**
   * Consecutive events of a partition handled in one transaction: one inbox INSERT and one commit
   * for all of them. An event whose handler fails there is handled again alone, with its retries.
   */
  maxEventsPerTransaction: number;
  /** Attempts per event before it is dead-lettered, the first one included. */
  maxAttempts: number;
  retryBackoff: BackoffPolicy;
  /**
   * How long an event waits, in all, for what another topic brings (PrerequisiteNotYetAppliedError)
   * before it is dead-lettered, its partition held meanwhile: longer than a partition stands still
   * when the group hands it on (`sessionTimeoutMs` and a rebalance, `rebalanceTimeoutMs` at most) or
   * a service catches up after a restart.
   */
  prerequisiteWaitMs: number;
  /**
   * How long the group waits for a silent member (killed, its node lost, its event loop stalled)
   * before handing its partitions on: most of the pause after a crash. The broker refuses one
   * below its group.min.session.timeout.ms (6 s by default; a managed Kafka may set more).
   */
  sessionTimeoutMs: number;
  /**
   * How often the member heartbeats, at most a third of the session, also during long handlers;
   * idle fetches wait no longer either, so a member learns of a rebalance within one interval.
   */
  heartbeatIntervalMs: number;
  /**
   * How long a rebalance waits for the live members to rejoin. A member stops its batch once it
   * learns of the rebalance, after the transaction in progress; one slower than this is dropped
   * from the group, rejoins after, and the events it had not committed are read again.
   */
  rebalanceTimeoutMs: number;
  /**
   * How often a member commits the offsets of what it processed, instead of after every batch: a
   * commit is a request and a write on the broker, per partition batch. What a crash or a
   * rebalance leaves uncommitted is read again by the next owner and skipped by the inbox.
   */
  commitIntervalMs: number;
  /**
   * The bytes a fetch waits for before the broker answers it, up to `fetchMaxWaitMs`: a busy
   * consumer takes its events in a few larger fetches (each a request to the broker, answered for
   * every partition it reads) rather than a fetch per event or two, each event up to that wait later.
   */
  fetchMinBytes: number;
  /** How long the broker holds a fetch that has fewer than `fetchMinBytes`: at most the heartbeat interval (kafkajs heartbeats between fetches). */
  fetchMaxWaitMs: number;
}

export const defaultEventConsumerSettings: Omit<EventConsumerSettings, 'group'> = {
  partitionsConsumedConcurrently: 3,
  maxEventsPerTransaction: 50,
  maxAttempts: 5,
  retryBackoff: { initialDelayMs: 200, maxDelayMs: 5_000 },
  prerequisiteWaitMs: 300_000,
  // A killed member's partitions move after 6 s plus a heartbeat or so (issue #28: within 10 s);
  // docs/operations.md, "Scale", weighs it against evicting a member that stalls that long.
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 1_000,
  rebalanceTimeoutMs: 30_000,
  commitIntervalMs: 1_000,
  // Measured (bench/README.md, "The levers, measured"): at 200/s a quarter less machine CPU per
  // recommendation, about 55 ms more from event to email; an idle consumer fetches 20 times a second.
  fetchMinBytes: 65_536,
  fetchMaxWaitMs: 50,
};

/**
 * Why a consumer's timing cannot work, or nothing: kafkajs itself only refuses a heartbeat not
 * below the session, and one late heartbeat must never cost the session.
 */
export function consumerTimingProblem(
  settings: Pick<EventConsumerSettings, 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'fetchMaxWaitMs'>,
): string | undefined {
  const { sessionTimeoutMs, heartbeatIntervalMs, fetchMaxWaitMs } = settings;
  if (heartbeatIntervalMs <= 0) return `the heartbeat interval (${heartbeatIntervalMs} ms) must be positive`;
  if (heartbeatIntervalMs * 3 > sessionTimeoutMs)
    return `the heartbeat interval (${heartbeatIntervalMs} ms) must be at most a third of the session timeout (${sessionTimeoutMs} ms)`;
  if (fetchMaxWaitMs < 0 || fetchMaxWaitMs > heartbeatIntervalMs)
    return `a fetch's longest wait (${fetchMaxWaitMs} ms) must be between 0 and the heartbeat interval (${heartbeatIntervalMs} ms)`;
  return undefined;
}
