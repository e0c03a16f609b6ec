import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { FULL_LOAD, runScenario, type UnderLoad } from '../support/harness';
import { type Scenario, readFrom, knownTo, connectedIn } from './common';

/** The routes that take `Idempotency-Key`, each sent the same key ×5 at once by idempotentRetries. */
const IDEMPOTENT_ROUTES = ['connection-requests', 'recommendation-requests', 'recommendations'] as const;

type IdempotentRoute = (typeof IDEMPOTENT_ROUTES)[number];

/** What a route creates: its service, the table of its rows and the event written with each. */
const IDEMPOTENT_CREATES: Record<
  IdempotentRoute,
  { service: 'connections' | 'recommendations'; table: string; eventType: string }
> = {
  'connection-requests': { service: 'connections', table: 'connection', eventType: 'ConnectionRequested' },
  'recommendation-requests': {
    service: 'recommendations',
    table: 'recommendation_request',
    eventType: 'RecommendationRequested',
  },
  recommendations: { service: 'recommendations', table: 'recommendation', eventType: 'RecommendationGiven' },
};

/**
 * F16. Retries with an `Idempotency-Key` under load: on each of the three routes that take
 * one, the same request with the same key sent five times at once (a client retrying on a timeout,
 * twice over); those answered 409 `Request in progress` try again until they are answered. Each
 * key must create one row, one event and one email, and every answer name that row. (A retry after
 * a `kill -9` of the service mid-request is not part of it: where the kill lands, before or after
 * the commit, is luck, so it would not say which case it tested.)
 */
export const idempotentRetries: Scenario = ({ shape = FULL_LOAD, log }) => {
  const created = new Map<IdempotentRoute, string>();
  return runScenario(
    {
      id: 'idempotent-retries',
      title: 'the same Idempotency-Key ×5 at once on each route that takes one',
      expectation:
        'one row, one event and one email per key; every answer names that row (replayed); lost 0, duplicated 0',
      shape,
      fault: async (run) => {
        const { platform } = run;
        const [asker, asked] = await Promise.all([
          platform.register('Idempotent Asker'),
          platform.register('Idempotent Asked'),
        ]);
        await knownTo(run, 'connections', [asker.id, asked.id]);
        const answers = new Map<IdempotentRoute, SameKeyAnswers>();
        log('POST /v1/connection-requests with one Idempotency-Key ×5 at once');
        answers.set(
          'connection-requests',
          await sameKeyFiveTimes(run, 'connections', '/v1/connection-requests', asker, {
            toEmployeeId: asked.id,
          }),
        );
        const connectionId = answers.get('connection-requests')?.id;
        if (connectionId)
          await platform.expectCall(
            200,
            'connections',
            'POST',
            `/v1/connection-requests/${connectionId}/accept`,
            {
              token: asked.token,
            },
          );
        await connectedIn(run, asker.id, asked.id);
        // A 4xx is kept for its key too: the first try must find both people known.
        await knownTo(run, 'recommendations', [asker.id, asked.id]);
        log(
          'POST /v1/recommendation-requests and /v1/recommendations with one Idempotency-Key ×5 at once each',
        );
        answers.set(
          'recommendation-requests',
          await sameKeyFiveTimes(run, 'recommendations', '/v1/recommendation-requests', asker, {
            recipientId: asked.id,
            relationship: 'coworker',
            message: 'Would you write a few words about our project?',
          }),
        );
        answers.set(
          'recommendations',
          await sameKeyFiveTimes(run, 'recommendations', '/v1/recommendations', asked, {
            subjectId: asker.id,
            relationship: 'coworker',
            text: 'Asked the right questions early, and the project was better for every one of them.',
          }),
        );
        const failures: string[] = [];
        for (const [route, answer] of answers) {
          if (answer.id) created.set(route, answer.id);
          if (!answer.id || answer.ids.size !== 1 || answer.statuses.some((status) => status !== 201))
            failures.push(
              `${route}: the five answers were ${answer.statuses.join(', ')} naming ${[...answer.ids].join(', ') || 'nothing'}`,
            );
        }
        return {
          kills: 0,
          recoveriesMs: [],
          notes: [...answers].map(
            ([route, answer]) =>
              `POST /v1/${route} ×5 with one key: ${answer.statuses.join(', ')} (${answer.replayed} replayed, ` +
              `${answer.inProgress} answered 409 in progress first and tried again)`,
          ),
          failures,
        };
      },
      verify: async (_reconciliation, run) => {
        const notes: string[] = [];
        const failures: string[] = [];
        for (const route of IDEMPOTENT_ROUTES) {
          const id = created.get(route);
          if (!id) continue;
          const counted = await createdFor(run, route, id);
          notes.push(`${route} ${id}: ${counted.rows} row, ${counted.events} event, ${counted.emails} email`);
          if (counted.rows !== 1 || counted.events !== 1 || counted.emails !== 1)
            failures.push(
              `${route}: ${counted.rows} rows, ${counted.events} events, ${counted.emails} emails for one key`,
            );
        }
        return { notes, failures };
      },
    },
    log,
  );
};

interface SameKeyAnswers {
  statuses: number[];
  /** The ids the final answers named. */
  ids: Set<string>;
  id?: string;
  replayed: number;
  inProgress: number;
}

/**
 * The same request with one new key five times at once; each answered 409 `Request in progress`
 * tries again a moment later, as a client would, until it gets another answer.
 */
async function sameKeyFiveTimes(
  run: UnderLoad,
  service: 'connections' | 'recommendations',
  path: string,
  as: { token: string },
  body: Record<string, unknown>,
): Promise<SameKeyAnswers> {
  const key = randomUUID();
  let inProgress = 0;
  const once = async (): Promise<{ status: number; id?: string; replayed: boolean }> => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(`${run.platform.baseUrl(service)}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${as.token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: string; title?: string };
      if (response.status !== 409 || answer.title !== 'Request in progress' || attempt >= 50)
        return {
          status: response.status,
          id: answer.id,
          replayed: response.headers.get('idempotent-replayed') === 'true',
        };
      inProgress += 1;
      await sleep(100);
    }
  };
  const answers = await Promise.all(Array.from({ length: 5 }, once));
  const ids = new Set(answers.flatMap((answer) => (answer.id ? [answer.id] : [])));
  return {
    statuses: answers.map((answer) => answer.status),
    ids,
    id: ids.size === 1 ? [...ids][0] : undefined,
    replayed: answers.filter((answer) => answer.replayed).length,
    inProgress,
  };
}

/** The rows, events (of the type the route writes) and emails there are for what one key created. */
async function createdFor(
  run: UnderLoad,
  route: IdempotentRoute,
  id: string,
): Promise<{ rows: number; events: number; emails: number }> {
  const { service, table, eventType } = IDEMPOTENT_CREATES[route];
  // The row the answers named, and any other the same request could have made (same people).
  const [row] = await readFrom<Record<string, string>>(run, service, `SELECT * FROM ${table} WHERE id = $1`, [
    id,
  ]);
  const people: Record<IdempotentRoute, [string, string]> = {
    'connection-requests': ['requester_id', 'addressee_id'],
    'recommendation-requests': ['requester_id', 'recipient_id'],
    recommendations: ['author_id', 'subject_id'],
  };
  const [from, to] = people[route];
  const rows = row
    ? await readFrom<{ count: string }>(
        run,
        service,
        `SELECT count(*) FROM ${table} WHERE ${from} = $1 AND ${to} = $2`,
        [row[from], row[to]],
      )
    : [{ count: '0' }];
  const events = await readFrom<{ event_id: string }>(
    run,
    service,
    'SELECT event_id FROM outbox WHERE event_type = $1 AND payload LIKE $2',
    [eventType, `%${id}%`],
  );
  const eventIds = new Set(events.map((event) => event.event_id));
  const emails = run.sink.received.filter(
    (message) => message.eventId && eventIds.has(message.eventId),
  ).length;
  return { rows: Number(rows[0]?.count ?? 0), events: events.length, emails };
}
