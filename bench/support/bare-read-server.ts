/**
 * The bare baseline of the reads: `node:http` and a `pg` Pool answering the two read endpoints
 * with the SQL the recommendations service runs for them (TypeORM's queries written out, same
 * tables, indexes and database, prepared as the service prepares them) and the same JSON shape, without NestJS, TypeORM, validation,
 * logging or token verification: the employee is read from the token's payload unverified. It runs
 * as its own process, as the service does, so neither shares a CPU thread with the load.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { Pool } from 'pg';
import { PreparingClient } from '@vouch/persistence';
import { waitFor } from '@vouch/testing';

/** TypeORM's pool size in every service (libs/persistence), so both hold as many connections. */
const POOL_SIZE = 10;
const PAGE_LIMIT = 20;
const PROFILE_PATH = /^\/v1\/employees\/([0-9a-f-]{36})\/recommendations$/;

type Relationship = 'supervisor' | 'coworker' | 'subordinate';
const RELATIONSHIPS: Relationship[] = ['supervisor', 'coworker', 'subordinate'];

interface EmployeeRow {
  id: string;
  name: string;
  title: string | null;
  manager_id: string | null;
}

interface RecommendationRow {
  id: string;
  author_id: string;
  subject_id: string;
  relationship: Relationship;
  verified: boolean;
  revisions: Array<{ text: string }>;
  created_at: Date;
  updated_at: Date;
}

async function profileRecommendations(pool: Pool, subjectId: string) {
  const subject = await pool.query('SELECT * FROM employee WHERE id = $1 LIMIT 1', [subjectId]);
  if (subject.rowCount === 0) return null;
  const { rows } = await pool.query<RecommendationRow>(
    `SELECT * FROM recommendation r WHERE true AND r.subject_id = $1 AND r.status = 'accepted'
     ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
    [subjectId, PAGE_LIMIT + 1],
  );
  const items = rows.slice(0, PAGE_LIMIT);
  const authors = new Map(
    (
      await pool.query<EmployeeRow>('SELECT * FROM employee WHERE id = ANY($1)', [
        items.map((row) => row.author_id),
      ])
    ).rows.map((author) => [author.id, author]),
  );
  const last = items[items.length - 1];
  return {
    items: items.map((row) => ({
      id: row.id,
      authorId: row.author_id,
      authorName: authors.get(row.author_id)?.name ?? null,
      authorTitle: authors.get(row.author_id)?.title ?? null,
      subjectId: row.subject_id,
      relationship: row.relationship,
      text: row.revisions[row.revisions.length - 1]?.text ?? '',
      verified: row.verified,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    })),
    nextCursor:
      rows.length > PAGE_LIMIT && last
        ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url')
        : null,
  };
}

/** The five queries GetBalanceUseCase runs at once, and a balance of the same shape from them. */
async function balance(pool: Pool, employeeId: string) {
  const [me, counts, connections, asked, recommenders] = await Promise.all([
    pool.query<EmployeeRow>('SELECT * FROM employee WHERE id = $1 LIMIT 1', [employeeId]),
    pool.query<{ relationship: Relationship; count: number }>(
      `SELECT r.subject_id, r.relationship, COUNT(*)::int AS count FROM recommendation r
       WHERE r.status = 'accepted' AND r.subject_id IN ($1) GROUP BY r.subject_id, r.relationship`,
      [employeeId],
    ),
    pool.query<EmployeeRow>(
      `SELECT * FROM employee e WHERE e.active AND e.id IN (
         SELECT CASE WHEN c.first_id = $1 THEN c.second_id ELSE c.first_id END FROM connection c
         WHERE (c.first_id = $1 OR c.second_id = $1) AND c.removed_at IS NULL)
       ORDER BY e.id`,
      [employeeId],
    ),
    pool.query<{ recipient_id: string }>(
      `SELECT recipient_id FROM recommendation_request WHERE requester_id = $1 AND status = 'pending'`,
      [employeeId],
    ),
    pool.query<{ author_id: string }>(
      `SELECT r.author_id FROM recommendation r WHERE r.subject_id = $1 AND r.status <> 'withdrawn'`,
      [employeeId],
    ),
  ]);
  const managerId = me.rows[0]?.manager_id ?? null;
  const count: Record<Relationship, number> = { supervisor: 0, coworker: 0, subordinate: 0 };
  for (const row of counts.rows) count[row.relationship] = row.count;
  const best = Math.max(...Object.values(count));
  const missing = RELATIONSHIPS.filter((relationship) => count[relationship] === 0);
  const thin = RELATIONSHIPS.filter(
    (relationship) => count[relationship] > 0 && count[relationship] * 2 < best,
  );
  const wanted = [...missing, ...thin];
  const skipped = new Set([
    ...asked.rows.map((row) => row.recipient_id),
    ...recommenders.rows.map((row) => row.author_id),
  ]);
  // The org chart's relationship of each connection to the employee, as the service's balance has it.
  const suggestions = connections.rows.flatMap((connection) => {
    const relationship: Relationship | null =
      managerId === connection.id
        ? 'supervisor'
        : connection.manager_id === employeeId
          ? 'subordinate'
          : managerId !== null && connection.manager_id === managerId
            ? 'coworker'
            : null;
    return relationship && wanted.includes(relationship) && !skipped.has(connection.id)
      ? [
          {
            employeeId: connection.id,
            relationship,
            reason: `${relationship}; ${count[relationship]} so far`,
          },
        ]
      : [];
  });
  return { counts: count, missing, thin, suggestions };
}

function tokenSubject(request: IncomingMessage): string | undefined {
  const payload = request.headers.authorization?.split('.')[1];
  if (!payload) return undefined;
  const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub?: string };
  return sub;
}

async function answer(pool: Pool, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const send = (status: number, body: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const url = request.url ?? '';
  const profile = PROFILE_PATH.exec(url);
  const employeeId = tokenSubject(request);
  if (url === '/health/ready') return send(200, { status: 'ok' });
  if (!employeeId) return send(401, { title: 'no token' });
  if (profile?.[1]) {
    const page = await profileRecommendations(pool, profile[1]);
    return page ? send(200, page) : send(404, { title: 'no such employee' });
  }
  if (url === '/v1/recommendations/balance') return send(200, await balance(pool, employeeId));
  return send(404, { title: 'not found' });
}

function serve(databaseUrl: string, port: number): void {
  // Statements prepared once per connection, as the service's are.
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE, Client: PreparingClient });
  createServer((request, response) => {
    answer(pool, request, response).catch((error: unknown) => {
      response.writeHead(500).end(JSON.stringify({ title: String(error) }));
    });
  }).listen(port, '127.0.0.1');
}

/** Starts the baseline as a child process on `port`; resolves once it answers. */
export async function startBareReadServer(
  databaseUrl: string,
  port: number,
): Promise<{ url: (path: string) => string; processId: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', __filename], {
    env: { ...process.env, BARE_READ_DATABASE_URL: databaseUrl, BARE_READ_PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    // It holds nothing worth a clean shutdown: a process that outlives SIGTERM is killed.
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(kill);
  };
  try {
    await waitFor(
      'the bare read server to answer',
      () =>
        fetch(`${baseUrl}/health/ready`).then(
          (response) => response.status,
          () => 0,
        ),
      (status) => status === 200,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: (route) => `${baseUrl}${route}`, processId: child.pid, stop };
}

if (require.main === module) {
  const { BARE_READ_DATABASE_URL, BARE_READ_PORT } = process.env;
  if (!BARE_READ_DATABASE_URL || !BARE_READ_PORT)
    throw new Error(`${path.basename(__filename)} needs BARE_READ_DATABASE_URL and BARE_READ_PORT`);
  serve(BARE_READ_DATABASE_URL, Number(BARE_READ_PORT));
}
