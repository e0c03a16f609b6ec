import type { DeadLetterReason } from './event-errors';

/** What a consumer reports as it works, for whoever keeps the service's metrics. */
export interface ConsumerObserver {
  /** After a batch: how many messages of the partition are still behind the last one processed. */
  lagMeasured(topic: string, partition: number, lag: number): void;
  /** A message was parked on the dead-letter topic. */
  deadLettered(topic: string, reason: DeadLetterReason): void;
}
