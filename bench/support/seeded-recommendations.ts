import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { withClient } from '@vouch/testing';
import { round } from './stats';

/** What a seeding wrote into the recommendations service's database. */
export interface SeededCompany {
  recommendations: number;
  employees: number;
  connections: number;
  pendingRequests: number;
  /** Seeding, VACUUM ANALYZE and CHECKPOINT included. */
  seconds: number;
}

/** Each employee is recommended by the colleagues up to this far on either side of them in the company list. */
const NEIGHBOURS_EACH_SIDE = 5;
const RECOMMENDATIONS_PER_EMPLOYEE = 2 * NEIGHBOURS_EACH_SIDE;
const TEAM_SIZE = 10;
/** A typical recommendation: a few sentences. */
const TEXT =
  'Ben rebuilt our release pipeline and taught the whole team how it works. He reviews carefully, ' +
  'explains his reasoning and leaves code better than he found it; when the migration slipped he ' +
  'took the on-call weekend himself so the rest of us could rest. I would work with him again.';

/**
 * A deterministic id from a text: a version 4 UUID, as the services make and tokens must carry
 * (the version and variant digits set), from its MD5.
 */
const uuidFrom = (text: string) =>
  `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;
/** Each employee's id from their index, so rows can name each other without a lookup. */
const employeeId = (index: string) => uuidFrom(`'bench-employee-' || (${index})`);

/**
 * Replaces the company in the recommendations service's own tables (after the service migrated
 * them) with one holding `recommendations` recommendations, in plain SQL (`INSERT … SELECT
 * generate_series`), then VACUUM ANALYZE as a long-lived table would have been. Employees are a
 * list: each is connected to the 5 on either side (wrapping around) and recommended by those 10,
 * so each (author, subject) pair is distinct and connected, and half of them are reciprocal.
 * Teams of 10 share a manager, the managers report to the team before; 2% of employees left.
 * Statuses spread as a live platform's might: 70% accepted, 10% pending, 7% hidden, 5% revision
 * requested, 8% withdrawn; relationships 60% co-worker, 20% supervisor, 20% subordinate; written
 * over two years. A quarter of the employees have a pending request out.
 */
export async function seedRecommendations(
  databaseUrl: string,
  recommendations: number,
): Promise<SeededCompany> {
  const employees = Math.max(TEAM_SIZE * 2, Math.round(recommendations / RECOMMENDATIONS_PER_EMPLOYEE));
  const startedAt = performance.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('TRUNCATE employee, connection, recommendation, recommendation_request, outbox');
    await client.query(
      `INSERT INTO employee (id, email, name, title, manager_id, time_zone, active)
       SELECT ${employeeId('i')}, 'employee' || i || '@bench.example', 'Employee ' || i, 'Software engineer',
              CASE WHEN i % ${TEAM_SIZE} <> 0 THEN ${employeeId(`i - i % ${TEAM_SIZE}`)}
                   WHEN i > 0 THEN ${employeeId(`i - ${TEAM_SIZE}`)} END,
              'Europe/Lisbon', i % 50 <> 49
       FROM generate_series(0, $1::int - 1) AS i`,
      [employees],
    );
    await client.query(
      `INSERT INTO connection (connection_id, first_id, second_id, since)
       SELECT ${uuidFrom(`'bench-connection-' || i || '-' || d`)}, LEAST(a, b), GREATEST(a, b),
              now() - make_interval(days => 400 + (i * 31 + d) % 300)
       FROM generate_series(0, $1::int - 1) AS i, generate_series(1, ${NEIGHBOURS_EACH_SIDE}) AS d,
            LATERAL (SELECT ${employeeId('i')} AS a, ${employeeId(`(i + d) % $1::int`)} AS b) AS pair`,
      [employees],
    );
    await client.query(
      `INSERT INTO recommendation (id, author_id, subject_id, relationship, status, verified, verified_by, reciprocal,
         revisions, revision_request, created_at, updated_at)
       SELECT ${uuidFrom(`'bench-recommendation-' || s || '-' || k`)},
              ${employeeId(`(s + CASE WHEN k < ${NEIGHBOURS_EACH_SIDE} THEN k + 1 ELSE ${NEIGHBOURS_EACH_SIDE - 1} - k END + $1::int) % $1::int`)},
              ${employeeId('s')}, relationship, status, (s + k) % 3 <> 0,
              CASE WHEN (s + k) % 3 <> 0 THEN ARRAY['scim'] ELSE '{}' END, k >= ${NEIGHBOURS_EACH_SIDE},
              jsonb_build_array(jsonb_build_object('number', 1, 'text', $2::text, 'relationship', relationship,
                'writtenAt', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
              CASE WHEN status = 'revision_requested' THEN 'Could you mention the migration too?' END,
              created_at, created_at + make_interval(days => spread % 3)
       FROM (
         SELECT s, k, spread,
                now() - make_interval(secs => (s * 7919 + k * 104729) % 63072000) AS created_at,
                CASE WHEN spread % 5 = 3 THEN 'supervisor' WHEN spread % 5 = 4 THEN 'subordinate' ELSE 'coworker' END
                  AS relationship,
                CASE WHEN spread < 70 THEN 'accepted' WHEN spread < 80 THEN 'pending' WHEN spread < 87 THEN 'hidden'
                     WHEN spread < 92 THEN 'revision_requested' ELSE 'withdrawn' END AS status
         FROM generate_series(0, $1::int - 1) AS s, generate_series(0, ${RECOMMENDATIONS_PER_EMPLOYEE - 1}) AS k,
              LATERAL (SELECT (s * 37 + k * 61) % 100 AS spread) AS hashed
       ) AS planned`,
      [employees, TEXT],
    );
    const pendingRequests = await client.query(
      `INSERT INTO recommendation_request (id, requester_id, recipient_id, relationship, message, status,
         created_at, expires_at)
       SELECT ${uuidFrom(`'bench-request-' || i`)}, ${employeeId('i')},
              ${employeeId(`(i + ${NEIGHBOURS_EACH_SIDE + 1}) % $1::int`)}, 'coworker', 'Would you write a few lines?',
              'pending', now() - interval '2 days', now() + interval '28 days'
       FROM generate_series(0, $1::int - 1, 4) AS i`,
      [employees],
    );
    // What autovacuum does to a long-lived table: statistics for the planner, the visibility map for index-only scans.
    await client.query('VACUUM ANALYZE employee, connection, recommendation, recommendation_request');
    // The bulk load's WAL would set off checkpoints that run on through the measurements after it
    // (at 10^6, one of 140 s, writing full pages for the write transaction's first touches): a
    // long-lived database has no such burst behind it.
    await client.query('CHECKPOINT');
    return {
      recommendations: employees * RECOMMENDATIONS_PER_EMPLOYEE,
      employees,
      connections: employees * NEIGHBOURS_EACH_SIDE,
      pendingRequests: pendingRequests.rowCount ?? 0,
      seconds: round((performance.now() - startedAt) / 1000),
    };
  } finally {
    await client.end();
  }
}

/** `count` employees of the seeded company, at random, who are still active. */
export async function someEmployees(databaseUrl: string, count: number): Promise<string[]> {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ id: string }>('SELECT id FROM employee WHERE active ORDER BY random() LIMIT $1', [count]),
  );
  return rows.map((row) => row.id);
}
