import type { Delivery } from './api';

/**
 * When a delivery still waits for its recipient's working hours (notifications' quiet hours): a
 * pending email due later. Null for one due now, or one no longer pending.
 */
export function waitingUntil(delivery: Pick<Delivery, 'status' | 'dueAt'>, now: Date): string | null {
  return delivery.status === 'pending' && Date.parse(delivery.dueAt) > now.getTime() ? delivery.dueAt : null;
}
