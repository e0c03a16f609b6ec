import { createHash } from 'node:crypto';
import { Client, type QueryConfig } from 'pg';

/** Distinct statements a connection keeps prepared; any others are parsed and planned each time. */
export const MAX_PREPARED_STATEMENTS_PER_CONNECTION = 200;

/**
 * Whether the server dropped or outgrew what a connection prepared: the table under a `SELECT *`
 * changed (0A000, "cached plan must not change result type") or the statement is gone (26000, a
 * pooler that hands out server sessions per transaction).
 */
function isStaleStatement(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '26000') return true;
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan');
}

type Query = (...args: unknown[]) => unknown;

/**
 * A pg client that sends every parameterized query as a prepared statement named after its text:
 * from the second run on a connection, PostgreSQL skips parsing it, and once its generic plan
 * proves as good as a fresh one (after five runs), planning it too. On the services' hot paths
 * that work cost as much as executing the statements. Statements without parameters (BEGIN,
 * COMMIT, DDL) go as before. A connection prepares at most MAX_PREPARED_STATEMENTS_PER_CONNECTION
 * statements, so SQL whose text varies cannot grow its memory without bound, and a statement the
 * server refuses as stale fails once and then goes unprepared on that connection.
 */
export class PreparingClient extends Client {
  private readonly prepared = new Set<string>();
  private readonly retired = new Set<string>();

  // pg's overloads cannot be restated one by one; the arguments go on to pg as they came.
  override query(...args: unknown[]): never {
    const query = super.query.bind(this) as Query;
    const [text, values, callback] = args;
    const name =
      typeof text === 'string' && Array.isArray(values) && values.length > 0 ? this.nameFor(text) : undefined;
    if (!name) return query(...args) as never;
    const named: QueryConfig = { name, text: text as string, values: values as unknown[] };
    if (typeof callback === 'function') {
      return query(named, (error: unknown, result: unknown) => {
        this.retireIfStale(name, error);
        (callback as (error: unknown, result: unknown) => void)(error, result);
      }) as never;
    }
    return (query(named) as Promise<unknown>).catch((error: unknown) => {
      this.retireIfStale(name, error);
      throw error;
    }) as never;
  }

  private nameFor(text: string): string | undefined {
    const name = statementNameOf(text);
    if (this.retired.has(name)) return undefined;
    if (this.prepared.has(name)) return name;
    if (this.prepared.size >= MAX_PREPARED_STATEMENTS_PER_CONNECTION) return undefined;
    this.prepared.add(name);
    return name;
  }

  private retireIfStale(name: string, error: unknown): void {
    if (isStaleStatement(error)) this.retired.add(name);
  }
}

const namesByText = new Map<string, string>();

/** A name of the text alone: pg refuses one name for two texts on a connection. */
function statementNameOf(text: string): string {
  let name = namesByText.get(text);
  if (!name) {
    name = `vouch_${createHash('sha1').update(text).digest('base64url')}`;
    if (namesByText.size < 10 * MAX_PREPARED_STATEMENTS_PER_CONNECTION) namesByText.set(text, name);
  }
  return name;
}
