/**
 * What Kafka answers when it refuses a record for what the record is, not for the state of the
 * cluster or the producer's rights: sending it again, unchanged, can only fail again. The names are
 * the `type` of kafkajs' protocol errors (kafkajs/src/protocol/error.js), all marked not retriable.
 */
export const PERMANENT_REFUSALS: ReadonlySet<string> = new Set([
  // Larger than the topic's max.message.bytes (the broker's message.max.bytes by default).
  'MESSAGE_TOO_LARGE',
  // The request is larger than the broker takes.
  'RECORD_LIST_TOO_LARGE',
  // The broker's validation rejects the record (a compacted topic without a key, say).
  'INVALID_RECORD',
  // The record's timestamp is outside the topic's message.timestamp.*.ms window.
  'INVALID_TIMESTAMP',
]);

interface ErrorLike {
  name?: unknown;
  type?: unknown;
  retriable?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null;
}

/** The errors at the bottom of kafkajs' wrappers (retries exceeded, non-retriable, aggregate). */
function rootErrors(error: unknown, seen = new Set<unknown>()): unknown[] {
  if (!isErrorLike(error) || seen.has(error)) return [error];
  seen.add(error);
  const children = [
    ...(Array.isArray(error.errors) ? error.errors : []),
    ...(error.cause !== undefined && error.cause !== error ? [error.cause] : []),
  ];
  return children.length === 0 ? [error] : children.flatMap((child) => rootErrors(child, seen));
}

/**
 * The kind of refusal when a publish failed only because Kafka refuses a record for good; undefined
 * for everything else, which the relay retries without end: a network failure, a timeout, a broker
 * without a leader or without enough replicas, a refused authorisation or SASL handshake, an error
 * it does not know. Those hold every event alike, and parking one would only reorder them.
 */
export function permanentRefusalOf(error: unknown): string | undefined {
  const roots = rootErrors(error);
  const refusals = roots.map((root) =>
    isErrorLike(root) &&
    typeof root.type === 'string' &&
    PERMANENT_REFUSALS.has(root.type) &&
    root.retriable !== true
      ? root.type
      : undefined,
  );
  // One other cause among them (a broker down while another refused the size) is no verdict on the record.
  if (refusals.length === 0 || refusals.some((refusal) => refusal === undefined)) return undefined;
  return refusals[0];
}
