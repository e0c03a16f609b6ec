import type { DataSource, EntityManager } from 'typeorm';
import type { RememberedAnswer, UsedIdempotencyKey } from './idempotency-key';

/** Whose key it is and where it was sent: the same key elsewhere or from someone else is another. */
export interface IdempotencyKeyScope {
  employeeId: string;
  /** Method and route template, `POST /v1/recommendations`. */
  route: string;
  key: string;
}

/**
 * Where the keys of a service are kept. Every method runs in the transaction it is given, the one
 * the request's own writes are made in, so the answer is kept exactly when they commit.
 */
export abstract class IdempotencyKeyStore {
  /**
   * Holds the key until the transaction ends; false, at once, when another request holds it. Two
   * requests with one key never run at the same time, on whichever instance.
   */
  abstract claim(manager: EntityManager, scope: IdempotencyKeyScope): Promise<boolean>;

  /** The key's earlier use, expired or not, with the database's clock. */
  abstract find(
    manager: EntityManager,
    scope: IdempotencyKeyScope,
  ): Promise<{ used: UsedIdempotencyKey | null; now: Date }>;

  /** Keeps the answer for `ttlSeconds`, replacing an expired use of the key. */
  abstract remember(
    manager: EntityManager,
    scope: IdempotencyKeyScope,
    fingerprint: string,
    answer: RememberedAnswer,
    ttlSeconds: number,
  ): Promise<void>;

  /** Forgets up to `limit` expired keys; returns how many. */
  abstract purgeExpired(limit: number): Promise<number>;

  /**
   * Forgets, for an erasure, every key the employee used (the answers kept hold what they wrote) and
   * every answer kept for others that speaks of them (it may show their name): a retry of such a
   * request within the keys' lifetime runs anew.
   */
  abstract forgetEmployee(manager: EntityManager, employeeId: string): Promise<void>;
}

interface Row {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: string | null;
  expires_at: Date;
}

/** The keys in the service's table `idempotency_key` (each service creates it by a migration). */
export class PostgresIdempotencyKeyStore extends IdempotencyKeyStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async claim(manager: EntityManager, scope: IdempotencyKeyScope): Promise<boolean> {
    const [row] = await manager.query<Array<{ claimed: boolean }>>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS claimed`,
      [`idempotency:${scope.employeeId}:${scope.route}:${scope.key}`],
    );
    return row?.claimed === true;
  }

  async find(
    manager: EntityManager,
    scope: IdempotencyKeyScope,
  ): Promise<{ used: UsedIdempotencyKey | null; now: Date }> {
    const [clock] = await manager.query<Array<{ now: Date }>>(`SELECT now() AS now`);
    const [row] = await manager.query<Row[]>(
      `SELECT fingerprint, status, headers, body, expires_at FROM idempotency_key
        WHERE employee_id = $1 AND route = $2 AND key = $3`,
      [scope.employeeId, scope.route, scope.key],
    );
    const now = clock?.now ?? new Date();
    if (!row) return { used: null, now };
    return {
      used: {
        fingerprint: row.fingerprint,
        answer: { status: row.status, headers: row.headers, body: row.body },
        expiresAt: row.expires_at,
      },
      now,
    };
  }

  async remember(
    manager: EntityManager,
    scope: IdempotencyKeyScope,
    fingerprint: string,
    answer: RememberedAnswer,
    ttlSeconds: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO idempotency_key (employee_id, route, key, fingerprint, status, headers, body, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8))
       ON CONFLICT (employee_id, route, key) DO UPDATE SET
         fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, headers = EXCLUDED.headers,
         body = EXCLUDED.body, created_at = now(), expires_at = EXCLUDED.expires_at`,
      [
        scope.employeeId,
        scope.route,
        scope.key,
        fingerprint,
        answer.status,
        JSON.stringify(answer.headers),
        answer.body,
        ttlSeconds,
      ],
    );
  }

  async purgeExpired(limit: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM idempotency_key WHERE (employee_id, route, key) IN (
         SELECT employee_id, route, key FROM idempotency_key
          WHERE expires_at < now() LIMIT $1 FOR UPDATE SKIP LOCKED)`,
      [limit],
    );
    return count;
  }

  async forgetEmployee(manager: EntityManager, employeeId: string): Promise<void> {
    // Answers speak of an employee by id; the table holds a key lifetime's writes, so the scan is short.
    await manager.query(`DELETE FROM idempotency_key WHERE employee_id = $1 OR strpos(body, $1::text) > 0`, [
      employeeId,
    ]);
  }
}
