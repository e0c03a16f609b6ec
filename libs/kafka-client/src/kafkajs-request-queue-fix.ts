/**
 * The part of kafkajs' per-connection request queue this fix replaces (kafkajs/src/network/requestQueue).
 * kafkajs ships its sources as they are, so the class is the one every client uses.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs' own interval for looking again at requests queued behind the in-flight limit. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

let applied = false;

/**
 * kafkajs 2.2.4, its last release, re-arms a timer every millisecond for as long as a broker
 * connection has nothing queued: `scheduleCheckPendingRequests` then computes a negative delay
 * (tulios/kafkajs#1556; the fix proposed in #1667 was never released). Every connection of every
 * client, the consumers' and the relays' producers', wakes its process a thousand times a second,
 * idle or busy: measured with `strace -c`, some 1,500 wake-ups a second in each idle service that
 * consumes Kafka, and 4 to 5% of a core each. Replaced here by what that fix does: a check is
 * scheduled only while requests wait in the queue, at the end of a client-side throttle or after
 * kafkajs' 10 ms otherwise. A request queued later schedules its own check.
 */
export function fixKafkajsIdleTimer(): void {
  if (applied) return;
  // A kafkajs internal, not in its types.
  const { prototype } = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };
  // A kafkajs whose queue changed shape may not have the bug, or may break under this fix: say so.
  if (typeof prototype.scheduleCheckPendingRequests !== 'function' || !('checkPendingRequests' in prototype))
    throw new Error('kafkajs request queue changed: review libs/kafka-client kafkajs-request-queue-fix.ts');
  prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(
    this: RequestQueueInternals,
  ) {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
    const untilThrottleEnds = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      untilThrottleEnds > 0 ? untilThrottleEnds : CHECK_PENDING_REQUESTS_INTERVAL_MS,
    );
  };
  applied = true;
}
