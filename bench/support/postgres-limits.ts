import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { createEvent, RecommendationGivenV1, toKafkaRecord } from '@vouch/contracts';
import { OUTBOX_CHANNEL } from '@vouch/messaging';
import { PreparingClient } from '@vouch/persistence';
import { createTestDatabase, freePort, ServiceProcess, type TestDatabase } from '@vouch/testing';
import { machineCpuMsDuring } from './machine';
import { perSecond, round, summarizeLatencies, type LatencySummary } from './stats';

export interface PostgresLimits {
  clients: number;
  seconds: number;
  transactions: number;
  transactionsPerSecond: number;
  /** BEGIN to COMMIT of each transaction. */
  latencyMs: LatencySummary;
  /** The machine's CPU (ms, all processes: the clients and PostgreSQL) per transaction. */
  cpuMsPerTransaction: number;
}

const TEXT = 'Ben rebuilt our release pipeline and taught the whole team how it works.';

/**
 * A fresh database with the recommendations service's own schema: the service is started on it
 * once, which runs its migrations as in production, and stopped.
 */
export async function recommendationsDatabase(environment: Record<string, string>): Promise<TestDatabase> {
  const database = await createTestDatabase('bench_pg');
  try {
    const service = await ServiceProcess.start('recommendations', await freePort(), {
      ...environment,
      DATABASE_URL: database.url,
    });
    await service.stop();
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/**
 * The rows a written recommendation commits (WriteRecommendationUseCase): its `recommendation` row
 * and its `RecommendationGiven` event in the outbox, with the NOTIFY that wakes the relay, in one
 * transaction. The use case's reads before it (the lock on both employees, the connection, the
 * existing recommendations) are not part of it.
 */
async function writeRecommendation(client: Client): Promise<void> {
  const id = randomUUID();
  const [authorId, subjectId] = [randomUUID(), randomUUID()];
  const now = new Date();
  const event = createEvent(RecommendationGivenV1, {
    subject: id,
    source: '/vouch/recommendations',
    data: {
      recommendationId: id,
      authorId,
      subjectId,
      relationship: 'coworker',
      text: TEXT,
      verified: false,
      reciprocal: false,
      requestId: null,
      givenAt: now.toISOString(),
    },
  });
  const record = toKafkaRecord(event);
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO recommendation (id, author_id, subject_id, relationship, status, verified, reciprocal,
         revisions, revision_request, created_at, updated_at)
       VALUES ($1, $2, $3, 'coworker', 'pending', false, false, $4, NULL, $5, $5)`,
      [
        id,
        authorId,
        subjectId,
        JSON.stringify([{ number: 1, text: TEXT, relationship: 'coworker', writtenAt: now.toISOString() }]),
        now,
      ],
    );
    await client.query(
      `INSERT INTO outbox (event_id, event_type, topic, message_key, headers, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        event.id,
        event.type,
        RecommendationGivenV1.topic,
        record.key,
        JSON.stringify(record.headers),
        record.value,
      ],
    );
    await client.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** `clients` connections, each writing recommendations back to back for `seconds`. */
export async function measureClients(
  databaseUrl: string,
  clients: number,
  seconds: number,
): Promise<PostgresLimits> {
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      // Prepared statements, as the services run them: the part's limit, not its parsing.
      const client: Client = new PreparingClient({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const latenciesMs: number[] = [];
  try {
    const startedAt = performance.now();
    const endAt = startedAt + seconds * 1000;
    const cpuMs = await machineCpuMsDuring(() =>
      Promise.all(
        connections.map(async (client) => {
          while (performance.now() < endAt) {
            const began = performance.now();
            await writeRecommendation(client);
            latenciesMs.push(performance.now() - began);
          }
        }),
      ),
    );
    const elapsedMs = performance.now() - startedAt;
    return {
      clients,
      seconds,
      transactions: latenciesMs.length,
      transactionsPerSecond: perSecond(latenciesMs.length, elapsedMs),
      latencyMs: summarizeLatencies(latenciesMs),
      cpuMsPerTransaction: round(cpuMs / latenciesMs.length, 3),
    };
  } finally {
    await Promise.all(connections.map((client) => client.end()));
  }
}

/** Transactions/s of a recommendation's write at each number of concurrent clients, on a fresh database. */
export async function measurePostgres(
  serviceEnvironment: Record<string, string>,
  clientCounts: number[],
  seconds: number,
  log: (line: string) => void,
): Promise<PostgresLimits[]> {
  log('postgres: a fresh database with the recommendations migrations');
  const database = await recommendationsDatabase(serviceEnvironment);
  try {
    const results: PostgresLimits[] = [];
    for (const clients of clientCounts) {
      const limits = await measureClients(database.url, clients, seconds);
      log(
        `postgres: ${clients} client(s): ${limits.transactionsPerSecond} transactions/s, ` +
          `p50 ${limits.latencyMs.p50} ms, p99 ${limits.latencyMs.p99} ms, ${limits.cpuMsPerTransaction} ms of CPU each`,
      );
      results.push(limits);
    }
    return results;
  } finally {
    await database.drop();
  }
}
