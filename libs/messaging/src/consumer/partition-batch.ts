/** What processing events needs of the batch they came in: where it is from, and control over it. */
export interface PartitionBatch {
  /** The logical topic (without the prefix). */
  topic: string;
  partition: number;
  heartbeat: () => Promise<void>;
  /** False once the consumer stops or the partition may have moved to another member. */
  stillOurs: () => boolean;
  /** Marks an offset processed, to be committed with the batch. */
  resolveOffset: (offset: string) => void;
  /**
   * Stops fetching the partition for a while, the member's other partitions going on meanwhile:
   * its events from the first one not resolved are fetched again after it.
   */
  pauseFor: (delayMs: number) => void;
}

/** Runs work while heartbeating, so a long handler or backoff never costs the group its member. */
export async function whileHeartbeating<T>(
  heartbeat: () => Promise<void>,
  intervalMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => heartbeat().catch(() => undefined), intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
