import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor, withClient, type Platform } from '@vouch/testing';
import { forEachConcurrently } from './concurrency';
import type { JsonHttpClient } from './http-client';

export interface Colleague {
  id: string;
  token: string;
}

/** Registrations at once: identity hashes each password (argon2), which is CPU-bound. */
const REGISTRATION_CONCURRENCY = 4;
const CONNECTION_CONCURRENCY = 16;
const PROGRESS_EVERY_MS = 5_000;

/**
 * Which colleagues connect: enough pairs for `orderedPairs` recommendations (each connection carries
 * two, one each way), as index pairs into `employees`. Each employee connects to the next ones
 * round a circle, nearest first, so every employee has about as many connections as the others and
 * the recommendations spread over the whole company, as they would in one of that size; with too
 * few employees for that, every pair connects.
 */
export function connectionPlan(employees: number, orderedPairs: number): Array<[number, number]> {
  const needed = Math.ceil(orderedPairs / 2);
  const possible = (employees * (employees - 1)) / 2;
  if (needed > possible)
    throw new Error(`${employees} employees make ${possible} connections, not the ${needed} needed`);
  const plan: Array<[number, number]> = [];
  for (let distance = 1; plan.length < needed; distance += 1)
    for (let first = 0; first < employees && plan.length < needed; first += 1) {
      // Across an even circle's diameter, each pair comes up twice: once from each end.
      if (distance * 2 === employees && first >= distance) continue;
      plan.push([first, (first + distance) % employees]);
    }
  return plan;
}

/** The fewest employees whose ordered pairs (author, subject) number at least `pairs`. */
export function employeesForPairs(pairs: number): number {
  return Math.max(2, Math.ceil((1 + Math.sqrt(1 + 4 * pairs)) / 2));
}

/** Both ways of every connection, shuffled so no one writes many in a row. */
export function shuffledPairs(connections: Array<[Colleague, Colleague]>): Array<[Colleague, Colleague]> {
  const pairs = connections.flatMap(([first, second]): Array<[Colleague, Colleague]> => [
    [first, second],
    [second, first],
  ]);
  for (let index = pairs.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [pairs[index], pairs[other]] = [
      pairs[other] as [Colleague, Colleague],
      pairs[index] as [Colleague, Colleague],
    ];
  }
  return pairs;
}

/**
 * A company of `count` employees connected as `connectionPlan` says for `orderedPairs`
 * recommendations, made through the public APIs only: each registers with identity, each pair
 * connects through connections (request, accept). Resolves
 * once recommendations knows every connection and notifications has sent the emails they cause,
 * so the measurement that follows starts on a quiet platform. `emailCount` is what the SMTP sink
 * received so far.
 */
export async function createConnectedCompany(
  platform: Platform,
  http: JsonHttpClient,
  count: number,
  orderedPairs: number,
  emailCount: () => number,
  log: (line: string) => void,
): Promise<Array<[Colleague, Colleague]>> {
  const colleagues: Colleague[] = [];
  const registering = setInterval(
    () => log(`setup: ${colleagues.length}/${count} employees registered`),
    PROGRESS_EVERY_MS,
  );
  try {
    await forEachConcurrently(
      Array.from({ length: count }, (_, index) => index),
      REGISTRATION_CONCURRENCY,
      async (index) => {
        // Signs up and confirms the address with the link of the "Confirm your email" email.
        const employee = await platform.register(`Colleague ${index}`, {
          email: `bench-${index}-${randomUUID()}@acme.com`,
        });
        colleagues.push({ id: employee.id, token: employee.token });
      },
    );
  } finally {
    clearInterval(registering);
  }
  log(`setup: ${count} employees registered`);

  const pairs = connectionPlan(count, orderedPairs).map(([first, second]): [Colleague, Colleague] => [
    colleagues[first] as Colleague,
    colleagues[second] as Colleague,
  ]);
  let connected = 0;
  const connecting = setInterval(
    () => log(`setup: ${connected}/${pairs.length} pairs connected`),
    PROGRESS_EVERY_MS,
  );
  try {
    await forEachConcurrently(pairs, CONNECTION_CONCURRENCY, async ([requester, addressee]) => {
      const request = await requestConnection(platform, http, requester, addressee);
      await http.expect(
        200,
        'POST',
        `${platform.service('connections').baseUrl}/v1/connection-requests/${request}/accept`,
        {
          token: addressee.token,
        },
      );
      connected += 1;
    });
  } finally {
    clearInterval(connecting);
  }
  log(`setup: ${pairs.length} pairs connected; waiting for recommendations to know them all`);

  await withClient(platform.databaseUrl('recommendations'), (database) =>
    waitFor(
      `recommendations to know ${pairs.length} connections`,
      async () =>
        Number(
          (await database.query(`SELECT count(*)::int AS n FROM connection WHERE removed_at IS NULL`)).rows[0]
            .n,
        ),
      (known) => known === pairs.length,
      { timeoutMs: 600_000, intervalMs: 500 },
    ),
  );
  const progress = setInterval(
    () => log(`setup: ${emailCount()}/${pairs.length * 2} setup emails sent`),
    PROGRESS_EVERY_MS,
  );
  try {
    await untilSetupEmailsSent(emailCount, pairs.length * 2, log);
  } finally {
    clearInterval(progress);
  }
  return pairs;
}

/**
 * POST /v1/connection-requests, retried while connections has not yet learned of the addressee
 * from identity's events (404); resolves with the request's id.
 */
async function requestConnection(
  platform: Platform,
  http: JsonHttpClient,
  requester: Colleague,
  addressee: Colleague,
): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await http.call(
      'POST',
      `${platform.service('connections').baseUrl}/v1/connection-requests`,
      {
        token: requester.token,
        body: { toEmployeeId: addressee.id },
      },
    );
    if (answer.status === 201) return (answer.body as { id: string }).id;
    if (answer.status !== 404 || Date.now() > deadline)
      throw new Error(
        `POST /v1/connection-requests answered ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    await sleep(250);
  }
}

/**
 * Waits for the emails the setup causes (each connection: the request to the addressee, the
 * acceptance to the requester), then until no more come for a moment.
 */
async function untilSetupEmailsSent(
  emailCount: () => number,
  expected: number,
  log: (line: string) => void,
): Promise<void> {
  const quietMs = 3_000;
  const deadline = Date.now() + 600_000;
  let last = -1;
  let stillSince = Date.now();
  while (emailCount() < expected || Date.now() - stillSince < quietMs) {
    const now = emailCount();
    if (now !== last) {
      last = now;
      stillSince = Date.now();
    }
    if (Date.now() > deadline) throw new Error(`setup: ${now} of ${expected} setup emails arrived`);
    await sleep(500);
  }
  log(`setup: ${emailCount()} setup emails sent (${expected} expected)`);
}
