import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor, withClient, SERVICE_NAMES, type ServiceName } from '@vouch/testing';
import { FULL_LOAD, runScenario, type UnderLoad } from '../support/harness';
import { type Scenario } from './common';

/** F15's phases: SMTP at full speed for the baseline, then at half the pace the load needs. */
const PHASES = {
  full: { baselineMs: 2 * 60_000, backlogMs: 10 * 60_000 },
  short: { baselineMs: 60_000, backlogMs: 2 * 60_000 },
};

const MINUTE_MS = 60_000;

/** How often every service's RSS and the backlog are read. */
const SAMPLE_INTERVAL_MS = 5_000;

/** How long the backlog may take to drain once SMTP is back at full speed. */
const DRAIN_TIMEOUT_MS = 5 * 60_000;

/** How much memory and HTTP p99 may grow under the backlog, against the baseline (issue #28 F15). */
const ALLOWED_GROWTH = 1.5;

/** p99s are compared at this at least: a few ms either way below it is noise, not a slowdown. */
const P99_FLOOR_MS = 50;

/**
 * 15. An email backlog: the load at its steady rate while the SMTP server accepts half the emails
 * it needs (the sink's acceptance pace, one message at a time over every connection), for 10
 * minutes; then the server back at full speed. The backlog must grow in the notifications database,
 * not in any service's memory nor in HTTP latency, and drain once the server keeps up again.
 */
export const emailBacklog: Scenario = ({ shape = FULL_LOAD, short = false, log }) => {
  const { baselineMs, backlogMs } = short ? PHASES.short : PHASES.full;
  return runScenario(
    {
      id: 'email-backlog',
      title: `SMTP accepting half the emails the load needs for ${backlogMs / MINUTE_MS} minutes, then at full speed`,
      expectation:
        `the backlog grows in the database: each service's peak RSS ≤ ${ALLOWED_GROWTH}× its baseline, HTTP p99 of ` +
        `the writes ≤ ${ALLOWED_GROWTH}× baseline (compared at ${P99_FLOOR_MS} ms at least); it drains once SMTP ` +
        'is back at full speed; lost 0, duplicated 0, no send failed',
      shape,
      fault: async (run) => {
        const sampler = new Sampler(run);
        const notificationsDatabase = run.platform.databaseUrl('notifications');
        try {
          log(`baseline: SMTP at full speed for ${baselineMs / 1000} s`);
          const baselineFrom = Date.now();
          await sleep(baselineMs);
          const baselineTo = Date.now();
          const needed =
            acceptedBetween(run, baselineFrom, baselineTo) / ((baselineTo - baselineFrom) / 1000);
          const baseline = {
            p99: writesP99(run, baselineFrom, baselineTo),
            rss: peakRss(sampler.between(baselineFrom, baselineTo)),
          };
          const pace = needed / 2;
          log(
            `baseline: ${needed.toFixed(1)} emails/s, HTTP p99 ${baseline.p99.toFixed(0)} ms, RSS ${megabytes(baseline.rss)}; ` +
              `SMTP now accepting ${pace.toFixed(1)}/s for ${backlogMs / MINUTE_MS} minutes`,
          );

          run.sink.faults.acceptancesPerSecond = pace;
          const backlogFrom = Date.now();
          const minutes: string[] = [];
          for (let minute = 1; minute * MINUTE_MS <= backlogMs; minute += 1) {
            const from = Date.now();
            await sleep(MINUTE_MS);
            const to = Date.now();
            const line =
              `minute ${minute}: HTTP p99 ${writesP99(run, from, to).toFixed(0)} ms, ` +
              `${await pendingDeliveries(notificationsDatabase)} emails pending, RSS ${megabytes(peakRss(sampler.between(from, to)))}`;
            log(line);
            minutes.push(line);
          }
          const backlogTo = Date.now();
          const backlogP99 = writesP99(run, backlogFrom, backlogTo);
          const backlog = await pendingDeliveries(notificationsDatabase);

          run.sink.faults.acceptancesPerSecond = 0;
          const fullSpeedAt = Date.now();
          log(`SMTP back at full speed with ${backlog} emails pending`);
          const drainedAt = await waitFor(
            'the backlog to drain',
            () => pendingDeliveries(notificationsDatabase, fullSpeedAt),
            (pending) => pending === 0,
            { timeoutMs: DRAIN_TIMEOUT_MS, intervalMs: 500 },
          ).then(
            () => Date.now(),
            () => undefined,
          );
          const peak = peakRss(sampler.between(backlogFrom, drainedAt ?? Date.now()));

          const overgrown = SERVICE_NAMES.filter((name) => peak[name] > ALLOWED_GROWTH * baseline.rss[name]);
          const p99Growth = Math.max(backlogP99, P99_FLOOR_MS) / Math.max(baseline.p99, P99_FLOOR_MS);
          const expectedBacklog = Math.round((needed - pace) * ((backlogTo - backlogFrom) / 1000));
          const catchUp =
            drainedAt === undefined
              ? `the ${backlog} emails pending when SMTP came back at full speed had not drained ${DRAIN_TIMEOUT_MS / 1000} s later`
              : catchUpNote(run, backlog, fullSpeedAt, drainedAt);
          log(catchUp);
          return {
            kills: 0,
            recoveriesMs: drainedAt === undefined ? [] : [drainedAt - fullSpeedAt],
            notes: [
              `the load needed ${needed.toFixed(1)} emails/s (accepted at full speed over the ${baselineMs / 1000} s ` +
                `baseline); SMTP then accepted ${pace.toFixed(1)}/s for ${((backlogTo - backlogFrom) / 1000).toFixed(0)} s: ` +
                `${backlog} emails pending at the end (about ${expectedBacklog} expected)`,
              `RSS baseline → peak (backlog and catch-up): ${SERVICE_NAMES.map(
                (name) =>
                  `${name} ${megabytes(baseline.rss[name])} → ${megabytes(peak[name])} ` +
                  `(${(peak[name] / baseline.rss[name]).toFixed(2)}×)`,
              ).join(', ')}`,
              `HTTP p99 of the writes: baseline ${baseline.p99.toFixed(0)} ms, during the backlog ` +
                `${backlogP99.toFixed(0)} ms (${p99Growth.toFixed(2)}× compared at ${P99_FLOOR_MS} ms at least)`,
              ...minutes,
              catchUp,
            ],
            failures: [
              ...overgrown.map(
                (name) =>
                  `${name}'s RSS grew to ${megabytes(peak[name])}, over ${ALLOWED_GROWTH}× its baseline ` +
                  `${megabytes(baseline.rss[name])}`,
              ),
              ...(p99Growth > ALLOWED_GROWTH
                ? [
                    `HTTP p99 ${backlogP99.toFixed(0)} ms during the backlog, over ${ALLOWED_GROWTH}× the baseline's`,
                  ]
                : []),
              ...(backlog < expectedBacklog / 2
                ? [`only ${backlog} emails pending after the slow phase: SMTP's pace was not what held them`]
                : []),
              ...(drainedAt === undefined
                ? ['the backlog did not drain once SMTP was back at full speed']
                : []),
            ],
          };
        } finally {
          run.sink.faults.acceptancesPerSecond = 0;
          await sampler.stop();
        }
      },
      verify: async (_reconciliation, run) => {
        const ledger = await sendAttempts(run.platform.databaseUrl('notifications'));
        return {
          notes: [`delivery ledger: ${ledger.failed} failed, ${ledger.retried} attempts tried again`],
          // A slow server accepts everything it is sent: any send that failed gave up on it too soon.
          failures: [
            ...(ledger.failed > 0 ? [`${ledger.failed} deliveries failed`] : []),
            ...(ledger.retried > 0
              ? [`${ledger.retried} sends failed against a server that was only slow`]
              : []),
          ],
        };
      },
    },
    log,
  );
};

interface Sample {
  at: number;
  rssBytes: Record<ServiceName, number>;
}

/** Reads every service's resident memory every SAMPLE_INTERVAL_MS until stopped. */
class Sampler {
  private readonly samples: Sample[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(private readonly run: UnderLoad) {
    this.loop = this.sampleUntilStopped();
    // A failed read surfaces from stop(), not as an unhandled rejection meanwhile.
    this.loop.catch(() => undefined);
  }

  between(from: number, to: number): Sample[] {
    return this.samples.filter((sample) => sample.at >= from && sample.at < to);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async sampleUntilStopped(): Promise<void> {
    while (this.running) {
      const rss = await Promise.all(
        SERVICE_NAMES.map((name) => residentBytes(`${this.run.platform.service(name).baseUrl}/metrics`)),
      );
      this.samples.push({
        at: Date.now(),
        rssBytes: Object.fromEntries(
          SERVICE_NAMES.map((name, index) => [name, rss[index]]),
        ) as Sample['rssBytes'],
      });
      await sleep(SAMPLE_INTERVAL_MS);
    }
  }
}

function peakRss(samples: Sample[]): Record<ServiceName, number> {
  return Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, Math.max(...samples.map((sample) => sample.rssBytes[name]))]),
  ) as Record<ServiceName, number>;
}

function megabytes(bytes: number | Record<ServiceName, number>): string {
  if (typeof bytes === 'number') return `${(bytes / 2 ** 20).toFixed(0)} MB`;
  return SERVICE_NAMES.map((name) => `${name} ${megabytes(bytes[name])}`).join(', ');
}

/** A service's resident memory, from its Prometheus process metrics. */
async function residentBytes(metricsUrl: string): Promise<number> {
  const metrics = await (await fetch(metricsUrl)).text();
  const line = metrics
    .split('\n')
    .find((candidate) => candidate.startsWith('process_resident_memory_bytes '));
  if (!line) throw new Error(`no process_resident_memory_bytes at ${metricsUrl}`);
  return Number(line.split(' ')[1]);
}

/** The p99 (nearest rank) of the load's writes answered between `from` and `to`, in ms. */
function writesP99(run: UnderLoad, from: number, to: number): number {
  const sorted = run.load.latencies
    .filter((write) => write.at >= from && write.at < to)
    .map((write) => write.ms)
    .sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)] ?? Number.NaN;
}

function acceptedBetween(run: UnderLoad, from: number, to: number): number {
  return run.sink.received.filter((message) => message.receivedAt >= from && message.receivedAt < to).length;
}

function catchUpNote(run: UnderLoad, backlog: number, fullSpeedAt: number, drainedAt: number): string {
  const seconds = (drainedAt - fullSpeedAt) / 1000;
  const accepted = acceptedBetween(run, fullSpeedAt, drainedAt);
  return (
    `catch-up: the ${backlog} emails pending drained ${seconds.toFixed(1)} s after SMTP was back at full speed ` +
    `(${(backlog / seconds).toFixed(1)} emails/s net); the server accepted ${accepted} meanwhile, the load's new ` +
    `ones included (${(accepted / seconds).toFixed(1)} emails/s)`
  );
}

/** Deliveries still to send (of those planned before `plannedBefore`, if given). */
async function pendingDeliveries(databaseUrl: string, plannedBefore?: number): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM delivery WHERE status = 'pending' AND ($1::timestamptz IS NULL OR created_at < $1)`,
      [plannedBefore === undefined ? null : new Date(plannedBefore)],
    );
    return Number(rows[0].count);
  });
}

async function sendAttempts(databaseUrl: string): Promise<{ failed: number; retried: number }> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ failed: string; retried: string }>(
      `SELECT count(*) FILTER (WHERE status = 'failed') AS failed,
              coalesce(sum(greatest(attempts - 1, 0)), 0) AS retried
         FROM delivery`,
    );
    return { failed: Number(rows[0].failed), retried: Number(rows[0].retried) };
  });
}
