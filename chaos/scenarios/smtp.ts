import { setTimeout as sleep } from 'node:timers/promises';
import { SmtpProxy, withClient } from '@vouch/testing';
import { FULL_LOAD, firstEmailAfter, runScenario } from '../support/harness';
import { type Scenario } from './common';

/**
 * 6. SMTP trouble: the server unreachable for a minute (connections cut, then refused), then back
 * but answering 421 to every fifth message; one recipient refused with 550 throughout. Retries are
 * at test pace (1 s doubling to 5 s) and SENDER_MAX_ATTEMPTS is raised so that they outlast the
 * outage, as the production default (8 attempts from 30 s doubling, about an hour) does.
 */
export const smtpFaults: Scenario = ({ shape = FULL_LOAD, short = false, log }) => {
  let proxy: SmtpProxy | undefined;
  const outageMs = short ? 15_000 : 60_000;
  return runScenario(
    {
      id: 'smtp-faults',
      title: 'SMTP down for a minute, then answering 421 to a fifth of messages; 550 for one recipient',
      expectation:
        "every email delivered except the refused recipient's, each of which fails on its one 550 and is " +
        'not retried; lost 0, duplicated 0',
      shape,
      environment: { notifications: { SENDER_MAX_ATTEMPTS: '40' } },
      smtpUrl: async (sink) => {
        proxy = await SmtpProxy.start(sink.url);
        return proxy.url;
      },
      fault: async (run) => {
        if (!proxy) throw new Error('the SMTP proxy was not started');
        const refused = run.load.colleague(0).email;
        run.sink.faults.refusedRecipients.add(refused);
        log(`550 for ${refused} from now on; SMTP down for ${outageMs / 1000} s`);
        await proxy.goDown();
        await sleep(outageMs);
        await proxy.comeUp();
        const upAt = Date.now();
        run.sink.faults.temporaryRefusalEvery = 5;
        log('SMTP back, answering 421 to every fifth message');
        const recoveryMs = await firstEmailAfter(run.sink, upAt);
        // Load on a server that refuses a fifth of what it is sent, then the drain under the same.
        await sleep(short ? 5_000 : 20_000);
        return {
          kills: 0,
          recoveriesMs: [recoveryMs],
          notes: [
            `SMTP unreachable for ${outageMs / 1000} s; first email ${recoveryMs} ms after it came back`,
          ],
          failures: [],
        };
      },
      verify: (reconciliation, run) => {
        const refusals = run.sink.refusals;
        const temporary = refusals.filter((refusal) => refusal.code === 421).length;
        const permanent = refusals.filter((refusal) => refusal.code === 550).length;
        const notFailed = reconciliation.refused.filter((refusal) => refusal.status !== 'failed');
        return {
          notes: [
            `the server answered 421 ${temporary} times (each retried and delivered), 550 ${permanent} times`,
            `${reconciliation.refused.length} emails due to the refused recipient: ` +
              `${reconciliation.refused.length - notFailed.length} failed, tried ` +
              `${reconciliation.refused.map((refusal) => refusal.attempts).join(', ')} times in all ` +
              "(the attempts before the 550 are the outage's)",
          ],
          failures: [
            ...(temporary === 0 ? ['the server never answered 421'] : []),
            ...(reconciliation.refused.length === 0 ? ['no email was due to the refused recipient'] : []),
            ...(notFailed.length > 0 ? [`${notFailed.length} refused emails did not end failed`] : []),
            // One 550 per refused email: a permanent refusal is never tried again.
            ...(permanent !== reconciliation.refused.length
              ? [`${permanent} refusals (550) for ${reconciliation.refused.length} refused emails: retried`]
              : []),
          ],
        };
      },
    },
    log,
  ).finally(() => proxy?.close());
};

/** F10's outage, and the test-pace retries that outlast it (1 s doubling, with jitter, to 20 s). */
const LONG_SMTP_OUTAGE_MS = 5 * 60_000;

/** The sender's pause while SMTP is unreachable, at its defaults (SENDER_OUTAGE_PAUSE_MS, SENDER_OUTAGE_MAX_PAUSE_MS). */
const OUTAGE_PAUSE = { initialDelayMs: 1_000, maxDelayMs: 30_000 };
/** notifications' SENDER_CONCURRENCY default. */
const SENDER_DEFAULT_LANES = 16;
const LONG_OUTAGE_RETRY = { initialDelayMs: 1_000, maxDelayMs: 20_000, maxAttempts: 60 };

/**
 * 10. The SMTP server unreachable for five minutes, then back. The proxy accepts and cuts every
 * connection meanwhile, so that the sender's attempts can be counted; its CPU time is read from
 * its /metrics. At least 30 attempts fit in the outage at the shortest delays (half the ceiling),
 * so SENDER_MAX_ATTEMPTS is 60: the retries outlast it, as production's 8 from 30 s doubling do.
 */
export const smtpDownFiveMinutes: Scenario = ({ shape = FULL_LOAD, log }) => {
  let proxy: SmtpProxy | undefined;
  let upAt = 0;
  let backlog = { connections: 0, pending: 0 };
  return runScenario(
    {
      id: 'smtp-down-5-minutes',
      title: 'SMTP unreachable for 5 minutes, then back',
      expectation:
        'the sender pauses (one probe per pause: connection attempts within what the pause allows, little CPU), ' +
        'the backlog drains once the server is back; lost 0, duplicated 0, no delivery failed',
      shape,
      environment: {
        notifications: {
          SENDER_MAX_ATTEMPTS: String(LONG_OUTAGE_RETRY.maxAttempts),
          SENDER_RETRY_INITIAL_DELAY_MS: String(LONG_OUTAGE_RETRY.initialDelayMs),
          SENDER_RETRY_MAX_DELAY_MS: String(LONG_OUTAGE_RETRY.maxDelayMs),
        },
      },
      smtpUrl: async (sink) => {
        proxy = await SmtpProxy.start(sink.url);
        return proxy.url;
      },
      fault: async (run) => {
        if (!proxy) throw new Error('the SMTP proxy was not started');
        const metricsUrl = `${run.platform.service('notifications').baseUrl}/metrics`;
        const cpuBefore = await cpuSeconds(metricsUrl);
        log(`SMTP down for ${LONG_SMTP_OUTAGE_MS / 60_000} minutes (connections accepted, counted and cut)`);
        await proxy.goDown({ counting: true });
        const downAt = Date.now();
        await sleep(LONG_SMTP_OUTAGE_MS);
        const attempts = proxy.attemptsWhileDown;
        const cpu = (await cpuSeconds(metricsUrl)) - cpuBefore;
        await proxy.comeUp();
        upAt = Date.now();
        const outageS = (upAt - downAt) / 1000;
        const pending = await waitingDeliveries(run.platform.databaseUrl('notifications'));
        log(`SMTP back: ${attempts} connection attempts, ${cpu.toFixed(1)} s CPU; ${pending} emails waiting`);
        backlog = { connections: attempts, pending };
        const recoveryMs = await firstEmailAfter(run.sink, upAt);
        return {
          kills: 0,
          recoveriesMs: [recoveryMs],
          notes: [
            `SMTP unreachable for ${outageS.toFixed(0)} s: the sender opened ${attempts} connections ` +
              `(${(attempts / outageS).toFixed(1)}/s) for the ${pending} emails waiting at the end; ` +
              `notifications used ${cpu.toFixed(1)} s of CPU meanwhile (${((100 * cpu) / outageS).toFixed(1)} % ` +
              `of a core, the load's consuming and planning included)`,
            `first email ${recoveryMs} ms after the server came back (the next probe: pauses reach ` +
              `${OUTAGE_PAUSE.maxDelayMs / 1000} s)`,
          ],
          failures: [
            ...(cpu / outageS > 0.5 ? ['notifications used more than half a core during the outage'] : []),
            ...(attempts === 0 ? ['the sender never tried to connect during the outage'] : []),
            ...(attempts > connectionsWithin(LONG_SMTP_OUTAGE_MS)
              ? [
                  `${attempts} connections in the outage: more than the pause allows ` +
                    `(${connectionsWithin(LONG_SMTP_OUTAGE_MS)})`,
                ]
              : []),
          ],
        };
      },
      verify: async (reconciliation, run) => {
        const arrivals = new Map<string, number>();
        for (const message of run.sink.received)
          if (message.eventId && !arrivals.has(message.eventId))
            arrivals.set(message.eventId, message.receivedAt);
        const held = reconciliation.dueEvents
          .filter((event) => event.committedAt < upAt)
          .map((event) => arrivals.get(event.eventId))
          .filter((arrival): arrival is number => arrival !== undefined && arrival >= upAt);
        const drainMs = Math.max(0, ...held) - upAt;
        const ledger = await ledgerAttempts(run.platform.databaseUrl('notifications'));
        // Every attempt but the one that sent failed: in the outage (SMTP accepted all after it).
        const failedAttempts = ledger.attempts - ledger.sent;
        const allowed = backlog.pending * attemptsWithin(LONG_SMTP_OUTAGE_MS);
        return {
          notes: [
            `catch-up: the ${held.length} emails held back by the outage arrived within ` +
              `${(drainMs / 1000).toFixed(1)} s of the server's return (${((held.length * 1000) / drainMs).toFixed(1)} ` +
              `emails/s): from the probe that found it back, the rest of the pause's wait included`,
            `delivery ledger: ${ledger.failed} failed, at most ${ledger.maxAttempts} attempts for one email ` +
              `(SENDER_MAX_ATTEMPTS ${LONG_OUTAGE_RETRY.maxAttempts}); ${failedAttempts} attempts failed in the ` +
              `outage, where the backoff allows at most ${allowed} for its ${backlog.pending} emails; ` +
              `${(backlog.connections / Math.max(1, failedAttempts)).toFixed(1)} connections per failed attempt`,
          ],
          failures: [
            ...(failedAttempts > allowed
              ? [`${failedAttempts} attempts in the outage: more than the backoff allows`]
              : []),
            ...(held.length === 0 ? ['no email was held back by the outage'] : []),
            ...(ledger.failed > 0 ? [`${ledger.failed} deliveries failed for good`] : []),
          ],
        };
      },
    },
    log,
  ).finally(() => proxy?.close());
};

/** The most attempts one delivery can make within `ms` at the shortest delays its backoff draws. */
/**
 * Connections the sender may open in an outage of `ms`: the emails its lanes had in flight when the
 * server went, then one probe per pause (at least half of each pause's ceiling), each with one
 * reconnect (nodemailer's requeue).
 */
function connectionsWithin(ms: number): number {
  let probes = 0;
  for (let elapsed = 0; elapsed <= ms; probes += 1)
    elapsed += Math.min(OUTAGE_PAUSE.maxDelayMs, OUTAGE_PAUSE.initialDelayMs * 2 ** probes) / 2;
  return 2 * (SENDER_DEFAULT_LANES + probes);
}

function attemptsWithin(ms: number): number {
  const { initialDelayMs, maxDelayMs } = LONG_OUTAGE_RETRY;
  let attempts = 1;
  for (let elapsed = 0; ; attempts += 1) {
    elapsed += Math.min(maxDelayMs, initialDelayMs * 2 ** (attempts - 1)) / 2;
    if (elapsed > ms) return attempts;
  }
}

/** A service's CPU time so far (user and system), from its Prometheus process metrics. */
async function cpuSeconds(metricsUrl: string): Promise<number> {
  const metrics = await (await fetch(metricsUrl)).text();
  const line = metrics.split('\n').find((candidate) => candidate.startsWith('process_cpu_seconds_total '));
  if (!line) throw new Error(`no process_cpu_seconds_total at ${metricsUrl}`);
  return Number(line.split(' ')[1]);
}

async function waitingDeliveries(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM delivery WHERE status = 'pending'`,
    );
    return Number(rows[0].count);
  });
}

interface LedgerAttempts {
  failed: number;
  sent: number;
  /** Attempts of every delivery, the one that sent included. */
  attempts: number;
  maxAttempts: number;
}

async function ledgerAttempts(databaseUrl: string): Promise<LedgerAttempts> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{
      failed: string;
      sent: string;
      attempts: string;
      max: number | null;
    }>(
      `SELECT count(*) FILTER (WHERE status = 'failed') AS failed, count(*) FILTER (WHERE status = 'sent') AS sent,
              coalesce(sum(attempts), 0) AS attempts, max(attempts) AS max
         FROM delivery`,
    );
    const [row] = rows;
    return {
      failed: Number(row.failed),
      sent: Number(row.sent),
      attempts: Number(row.attempts),
      maxAttempts: row.max ?? 0,
    };
  });
}
