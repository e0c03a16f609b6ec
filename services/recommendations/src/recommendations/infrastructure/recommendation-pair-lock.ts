/**
 * The SQL call that takes the transaction's lock on a pair of employees, given as two uuid
 * expressions in either order: what changes whether the two recommend each other (writing,
 * withdrawing or taking down a recommendation between them) goes one after the other, while other
 * pairs, sharing one of them, do not wait. In SQL, so that both orders and any spelling of the ids
 * take the same lock.
 */
export function recommendationPairLock(a: string, b: string): string {
  return `pg_advisory_xact_lock(hashtext('recommendation-pair:' || least(${a}, ${b})::text || greatest(${a}, ${b})::text))`;
}
