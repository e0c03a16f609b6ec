import { Topics } from '@vouch/contracts';
import { Client } from 'pg';
import {
  readTopic,
  testInfrastructure,
  testKafka,
  waitFor,
  SERVICE_NAMES,
  type ServiceName,
  type Reconciliation,
} from '@vouch/testing';
import {
  firstEmailAfter,
  firstSuccessAfter,
  type LoadShape,
  type ScenarioResult,
  type UnderLoad,
} from '../support/harness';

export type Log = (line: string) => void;

/** A scenario as the runner and the test call it: `shape` sets its load, `short` its fault's size. */
export type Scenario = (options: { shape?: LoadShape; short?: boolean; log: Log }) => Promise<ScenarioResult>;

/** What a restart is measured by: the killed service's first 2xx write, or notifications' first email. */
export async function recoveryOf(run: UnderLoad, name: ServiceName, since: number): Promise<number> {
  return name === 'notifications'
    ? firstEmailAfter(run.sink, since)
    : firstSuccessAfter(run.load, since, name);
}

export async function servicesNotReady(run: UnderLoad): Promise<ServiceName[]> {
  const ready = await Promise.all(
    SERVICE_NAMES.map((name) =>
      waitFor(
        `${name} to be ready`,
        () =>
          fetch(`${run.platform.service(name).baseUrl}/health/ready`).then(
            (response) => response.status,
            () => 0,
          ),
        (status) => status === 200,
        { timeoutMs: 60_000, intervalMs: 500 },
      ).then(
        () => true,
        () => false,
      ),
    ),
  );
  return SERVICE_NAMES.filter((_, index) => !ready[index]);
}

export function difference<T extends Record<string, number>>(after: T, before: T): T {
  return Object.fromEntries(
    Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]),
  ) as T;
}

/** notifications' sending lanes per instance (SENDER_CONCURRENCY): at most one message in flight each. */
export const SENDER_LANES = 4;

export const PRODUCER_TOPICS = { connections: Topics.connections, recommendations: Topics.recommendations };

/** Messages on a topic (the shared broker's, or `brokers`') whose event id appeared before: republished. */
export async function republishedEvents(
  run: UnderLoad,
  topic: string,
  brokers = testInfrastructure().kafkaBrokers,
): Promise<number> {
  const name = `${run.platform.topicPrefix}${topic}`;
  const admin = testKafka(brokers).admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(name).finally(() => admin.disconnect());
  const total = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  const messages = await readTopic(brokers, name, total);
  const ids = new Set(messages.map((message) => String(message.headers?.ce_id ?? '')));
  return messages.length - ids.size;
}

export function countDueAfter(
  reconciliation: Reconciliation,
  since: number,
): { due: number; received: number } {
  const due = reconciliation.dueEvents.filter((event) => event.committedAt >= since).length;
  const lost = reconciliation.lost.filter((loss) => loss.event.committedAt >= since).length;
  return { due, received: due - lost };
}

/** Runs `query` (read-only) on a service's database. */
export async function readFrom<T extends Record<string, unknown>>(
  run: UnderLoad,
  service: ServiceName,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: run.platform.databaseUrl(service) });
  await client.connect();
  try {
    return (await client.query<T>(query, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until `service` has heard of the employees (its replica of identity's). */
export async function knownTo(
  run: UnderLoad,
  service: 'connections' | 'recommendations',
  ids: string[],
): Promise<void> {
  await waitFor(
    `${service} to hear of the employees`,
    async () =>
      readFrom<{ count: string }>(run, service, 'SELECT count(*) FROM employee WHERE id = ANY($1::uuid[])', [
        ids,
      ]),
    (rows) => Number(rows[0]?.count) === ids.length,
    { timeoutMs: 60_000, intervalMs: 200 },
  );
}

/** Waits until recommendations has heard that the two are connected. */
export async function connectedIn(run: UnderLoad, one: string, other: string): Promise<void> {
  await waitFor(
    'recommendations to hear of the connection',
    async () =>
      readFrom(
        run,
        'recommendations',
        `SELECT 1 FROM connection WHERE first_id = LEAST($1::uuid, $2::uuid) AND second_id = GREATEST($1::uuid, $2::uuid)
            AND removed_at IS NULL`,
        [one, other],
      ),
    (rows) => rows.length > 0,
    { timeoutMs: 60_000, intervalMs: 200 },
  );
}
