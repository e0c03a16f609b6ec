import type { Client } from 'pg';
import type { ReceivedMessage } from './smtp-sink';
import type { Acknowledged } from './steady-load';
import { withClient } from './test-database';

/** Where the reconciler reads what each service committed: their databases, read-only. */
export interface Ledgers {
  identity: string;
  connections: string;
  recommendations: string;
  notifications: string;
}

/** An event committed with its row, for which docs/api.md "Emails" says exactly one email is due. */
export interface DueEvent {
  eventId: string;
  eventType: string;
  aggregateId: string;
  /** When it was committed (its outbox row's creation). */
  committedAt: number;
}

interface Delivery {
  id: string;
  eventId: string;
  template: string;
  status: string;
  recipientEmail: string;
  attempts: number;
}

/** Where a lost email was lost, as far as the ledgers tell. */
export type LossStage = 'never planned' | 'planned, not sent' | 'sent per the ledger, never received';

export interface Lost {
  event: DueEvent;
  stage: LossStage;
  deliveryStatus?: string;
}

/** A due email the SMTP server refused for good (550) for its recipient, as a scenario arranged. */
export interface Refused {
  event: DueEvent;
  recipientEmail: string;
  status: string;
  /** SMTP attempts the ledger counts: 1 when the refusal was not retried. */
  attempts: number;
}

/** Two events of one aggregate that notifications processed in the opposite order to their writing. */
export interface OutOfOrder {
  aggregateId: string;
  written: [string, string];
}

export interface Duplicate {
  messageId: string;
  deliveryId: string;
  eventId: string | undefined;
  /** How many times the SMTP server accepted it. */
  accepted: number;
}

export interface Reconciliation {
  /** Events the producing services committed (to their outboxes), due an email or not. */
  events: number;
  /** Events committed for which an email is due. */
  emailsDue: number;
  /** Those events (left out of the results file). */
  dueEvents: DueEvent[];
  /** Distinct due emails the SMTP server accepted. */
  received: number;
  /** Due emails to a recipient the server refuses for good: failed, not lost. */
  refused: Refused[];
  lost: Lost[];
  /** One delivery's Message-ID accepted more than once. */
  duplicated: Duplicate[];
  /** Due events that were planned into more than one delivery (each a different Message-ID). */
  plannedTwice: string[];
  /** Writes answered 2xx whose row is in no database: work lost after it was acknowledged. */
  acknowledgedNotCommitted: Acknowledged[];
  /** Aggregates of which notifications processed two events or more, in the order written. */
  aggregatesInOrder: number;
  outOfOrder: OutOfOrder[];
}

/** What a scenario arranged that changes what is due. */
export interface ReconcileOptions {
  /** Recipients the SMTP server refuses for good: their emails are due to fail once, not arrive. */
  refusedRecipients?: ReadonlySet<string>;
}

/** Per service, the rows a write makes and the events committed with them that are due an email. */
const DUE_EVENTS = {
  identity: {
    // Registrations are due no email: read for the events count and the acknowledged rows only.
    query: `SELECT event_id, event_type, message_key, created_at FROM outbox WHERE false`,
    rows: `SELECT id::text FROM employee`,
  },
  connections: {
    query: `SELECT o.event_id, o.event_type, o.message_key, o.created_at FROM outbox o
             JOIN connection c ON c.id::text = o.message_key
            WHERE o.event_type IN ('ConnectionRequested', 'ConnectionAccepted')`,
    rows: `SELECT id::text FROM connection`,
  },
  recommendations: {
    query: `SELECT o.event_id, o.event_type, o.message_key, o.created_at FROM outbox o
             JOIN recommendation r ON r.id::text = o.message_key
            WHERE o.event_type = 'RecommendationGiven'`,
    rows: `SELECT id::text FROM recommendation`,
  },
} as const;

/**
 * Compares what the services committed (their rows, and the events written with them to their
 * outboxes in the same transaction), the notifications delivery ledger and the Message-IDs the SMTP
 * server accepted: an email is **lost** when an event that is due one has no accepted message,
 * **duplicated** when one delivery's Message-ID was accepted more than once. It also checks that
 * notifications processed each aggregate's events in the order they were written (its inbox).
 */
export async function reconcile(
  ledgers: Ledgers,
  received: readonly ReceivedMessage[],
  acknowledged: readonly Acknowledged[],
  { refusedRecipients = new Set() }: ReconcileOptions = {},
): Promise<Reconciliation> {
  const [identity, connections, recommendations, notifications] = await Promise.all([
    readCommitted(ledgers.identity, DUE_EVENTS.identity),
    readCommitted(ledgers.connections, DUE_EVENTS.connections),
    readCommitted(ledgers.recommendations, DUE_EVENTS.recommendations),
    readOnly(ledgers.notifications, async (client) => {
      const deliveries = await client.query<Delivery>(
        `SELECT id, event_id AS "eventId", template, status, recipient_email AS "recipientEmail",
                attempts FROM delivery`,
      );
      const processed = await client.query<{ event_id: string; processed_at: Date }>(
        `SELECT event_id, processed_at FROM inbox WHERE consumer = 'notifications'`,
      );
      return {
        deliveries: deliveries.rows,
        processedAt: new Map(processed.rows.map((row) => [row.event_id, row.processed_at.getTime()])),
      };
    }),
  ]);
  const { deliveries } = notifications;
  const due = [...connections.due, ...recommendations.due];
  const committedRows = new Set([...identity.rows, ...connections.rows, ...recommendations.rows]);

  const acceptedTimes = new Map<string, number>();
  for (const message of received) {
    const deliveryId = deliveryIdOf(message.messageId);
    if (deliveryId) acceptedTimes.set(deliveryId, (acceptedTimes.get(deliveryId) ?? 0) + 1);
  }
  const deliveriesByEvent = new Map<string, Delivery[]>();
  for (const delivery of deliveries)
    deliveriesByEvent.set(delivery.eventId, [...(deliveriesByEvent.get(delivery.eventId) ?? []), delivery]);

  const lost: Lost[] = [];
  const refused: Refused[] = [];
  const plannedTwice: string[] = [];
  let receivedDue = 0;
  for (const event of due) {
    const planned = deliveriesByEvent.get(event.eventId) ?? [];
    if (planned.length > 1) plannedTwice.push(event.eventId);
    const delivered = planned.find((delivery) => acceptedTimes.has(delivery.id));
    const refusal = planned.find((delivery) => refusedRecipients.has(delivery.recipientEmail));
    if (delivered) receivedDue += 1;
    else if (refusal) {
      const { recipientEmail, status, attempts } = refusal;
      refused.push({ event, recipientEmail, status, attempts });
    } else if (planned.length === 0) lost.push({ event, stage: 'never planned' });
    else {
      const [delivery] = planned;
      const stage = delivery.status === 'sent' ? 'sent per the ledger, never received' : 'planned, not sent';
      lost.push({ event, stage, deliveryStatus: delivery.status });
    }
  }

  const eventOf = new Map(deliveries.map((delivery) => [delivery.id, delivery.eventId]));
  const duplicated = [...acceptedTimes]
    .filter(([, times]) => times > 1)
    .map(([deliveryId, times]) => ({
      messageId: messageIdOf(deliveryId),
      deliveryId,
      eventId: eventOf.get(deliveryId),
      accepted: times,
    }));

  const order = processingOrder(
    [identity.written, connections.written, recommendations.written],
    notifications.processedAt,
  );
  return {
    events: identity.events + connections.events + recommendations.events,
    emailsDue: due.length,
    dueEvents: due,
    received: receivedDue,
    refused,
    lost,
    duplicated,
    plannedTwice,
    acknowledgedNotCommitted: acknowledged.filter((write) => !committedRows.has(write.id)),
    ...order,
  };
}

/** An event as its producer wrote it: to which aggregate, at which outbox position. */
interface Written {
  eventId: string;
  aggregateId: string;
  position: number;
}

/**
 * Per aggregate (an event's Kafka key), the events notifications processed must carry non-decreasing
 * inbox times in the order their producer wrote them: one partition per key, one event at a time.
 */
function processingOrder(
  producers: Written[][],
  processedAt: ReadonlyMap<string, number>,
): { aggregatesInOrder: number; outOfOrder: OutOfOrder[] } {
  const outOfOrder: OutOfOrder[] = [];
  let aggregatesInOrder = 0;
  for (const written of producers) {
    const byAggregate = new Map<string, Written[]>();
    for (const event of written)
      if (processedAt.has(event.eventId))
        byAggregate.set(event.aggregateId, [...(byAggregate.get(event.aggregateId) ?? []), event]);
    for (const [aggregateId, events] of byAggregate) {
      if (events.length < 2) continue;
      events.sort((a, b) => a.position - b.position);
      const inversion = events.findIndex(
        (event, index) =>
          index > 0 &&
          (processedAt.get(event.eventId) ?? 0) < (processedAt.get(events[index - 1].eventId) ?? 0),
      );
      if (inversion === -1) aggregatesInOrder += 1;
      else
        outOfOrder.push({ aggregateId, written: [events[inversion - 1].eventId, events[inversion].eventId] });
    }
  }
  return { aggregatesInOrder, outOfOrder };
}

/** Extra copies recipients got: each Message-ID accepted n times counts n - 1. */
export function duplicateCount(reconciliation: Reconciliation): number {
  return (
    reconciliation.duplicated.reduce((sum, duplicate) => sum + duplicate.accepted - 1, 0) +
    reconciliation.plannedTwice.length
  );
}

/** notifications' Message-ID is `<delivery id@vouch>` (send-due-deliveries.use-case.ts). */
function deliveryIdOf(messageId: string | undefined): string | undefined {
  return /^<([^@>]+)@vouch>$/.exec(messageId ?? '')?.[1];
}

function messageIdOf(deliveryId: string): string {
  return `<${deliveryId}@vouch>`;
}

async function readCommitted(
  databaseUrl: string,
  queries: { query: string; rows: string },
): Promise<{ events: number; due: DueEvent[]; rows: string[]; written: Written[] }> {
  return readOnly(databaseUrl, async (client) => {
    const due = await client.query<{
      event_id: string;
      event_type: string;
      message_key: string;
      created_at: Date;
    }>(queries.query);
    const rows = await client.query<{ id: string }>(queries.rows);
    const written = await client.query<{ event_id: string; message_key: string; position: string }>(
      `SELECT event_id, message_key, position FROM outbox`,
    );
    return {
      events: written.rows.length,
      due: due.rows.map((row) => ({
        eventId: row.event_id,
        eventType: row.event_type,
        aggregateId: row.message_key,
        committedAt: row.created_at.getTime(),
      })),
      rows: rows.rows.map((row) => row.id),
      written: written.rows.map((row) => ({
        eventId: row.event_id,
        aggregateId: row.message_key,
        position: Number(row.position),
      })),
    };
  });
}

async function readOnly<T>(databaseUrl: string, read: (client: Client) => Promise<T>): Promise<T> {
  return withClient(databaseUrl, async (client) => {
    // One snapshot, and a guarantee the reconciler never changes what it checks.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return read(client);
  });
}
