import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  deleteTopicsAndGroupsUnder,
  Platform,
  SERVICE_NAMES,
  testInfrastructure,
  withClient,
  type ServiceName,
  type SmtpSink,
} from '@vouch/testing';
import { CostCounters, type StepCosts } from './cost-counters';
import { createConnectedCompany, employeesForPairs, shuffledPairs, type Colleague } from './company';
import { JsonHttpClient } from './http-client';
import {
  childProcessIds,
  cpuSnapshot,
  describeMachine,
  processCpuSeconds,
  processTreeCpuSeconds,
  type CpuSnapshot,
  serviceProcessIds,
} from './machine';
import { runOpenLoop } from './open-loop';
import { givenEvents } from './recommendation-events';
import { percentile, perSecond, round, sum, summarizeLatencies, type LatencySummary } from './stats';

export interface EndToEndSettings {
  /** Recommendations per second offered, step after step. */
  rates: number[];
  stepSeconds: number;
  /** After a step, how long its last emails have to arrive before the backlog counts as grown. */
  drainSeconds: number;
  /** Keep-alive sockets to recommendations: calls beyond them wait (and that wait is latency). */
  httpSockets: number;
  /**
   * Employees the recommendations spread over (more when the run needs more pairs than they make):
   * in a company of a few dozen, every recipient would get an email every second, far from what
   * one employee meets, and their daily counts, locked per recipient, would queue for each other.
   */
  employees: number;
  /** Configuration beyond the bench's own, per service (BENCH_SERVICE_ENV). */
  serviceOverrides: ServiceOverrides;
}

/** Percent of one core over a step. */
export type CpuShares = Record<ServiceName | 'kafka' | 'postgres' | 'bench' | 'other', number | null>;

export interface EndToEndStep {
  offeredPerSecond: number;
  /** How long the schedule ran. */
  scheduledSeconds: number;
  /** How long the step lasted: the schedule, or until the last answer when answers came later. */
  lastedSeconds: number;
  requests: {
    scheduled: number;
    /** Answered 201: a recommendation written, its email due. */
    accepted: number;
    /** Accepted per second of the step as it lasted: the rate actually served. */
    /** Anything else, by status ("error" when no answer came). */
    refused: Record<string, number>;
    acceptedPerSecond: number;
    /** The most this process sent a request after it was due: above a few ms, the bench itself is short of CPU. */
    sentLateMaxMs: number;
  };
  /** From the moment a request was due to its answer. */
  httpLatencyMs: LatencySummary;
  emails: {
    due: number;
    /** Received by the end of the step. */
    byStepEnd: number;
    /** Received by the end of the drain. */
    byDrainEnd: number;
    /** This step's emails received during the step, per second of it as it lasted. */
    duringStepPerSecond: number;
    /** All of this step's emails, from the step's start to the last one's receipt. */
    deliveredPerSecond: number;
  };
  /** The RecommendationGiven event's time → the sink's receipt of its email. */
  eventToEmailMs: LatencySummary;
  /**
   * The same time in two: up to the email planned (the delivery's `created_at`: the relay, Kafka,
   * the consumer), then to its receipt (the sender's wait for a lane, the claim, SMTP).
   */
  stagesMs: { eventToPlanned: LatencySummary; plannedToEmail: LatencySummary };
  /** p50 of the first and the last quarter of the step: latency that grows within a step is a queue that grows. */
  trend: { httpP50Ms: [number, number]; eventToEmailP50Ms: [number, number] };
  backlogGrew: boolean;
  sustainable: boolean;
  /** Why the step is not sustainable, or what to keep in mind reading it. */
  notes: string[];
  cpuCorePercent: CpuShares;
  machineBusyPercent: number;
  /**
   * Each service's event loop delay during the step (prom-client's default metrics, which start
   * afresh at every scrape): a loop busy in long tasks delays every request and event behind them.
   */
  eventLoopDelayMs: Record<ServiceName, { p99: number; max: number } | null>;
  /** Per recommendation, what each service did from the step's start to the drain's end. */
  costs: StepCosts;
}

export interface EndToEndResult {
  settings: EndToEndSettings;
  employees: number;
  /** Connections made between them, each carrying up to two recommendations (one each way). */
  connections: number;
  steps: EndToEndStep[];
  /** Rates not run, because a lower one was not sustainable. */
  skippedRates: number[];
  /** The highest offered rate whose step was sustainable; null when none was. */
  peakSustainablePerSecond: number | null;
}

/** Configuration added to or replacing a service's own: to measure a setting's effect. */
export type ServiceOverrides = Partial<Record<ServiceName, Record<string, string>>>;

/** Server processes measured apart: the repo's local Kafka and PostgreSQL. */
export type ServerProcessIds = { kafka?: number; postgres?: number };

const TEXT = 'Ben rebuilt our release pipeline and taught the whole team how it works.';
const PARTITIONS = 12;
/** A quarter's p50 may be this much above the first quarter's before latency counts as growing. */
const GROWTH_FACTOR = 2;
const GROWTH_SLACK_MS = 100;

function quarterP50s<T>(
  items: T[],
  position: (item: T) => number,
  value: (item: T) => number,
  span: [number, number],
) {
  const quarter = (span[1] - span[0]) / 4;
  const p50Of = (from: number, to: number) =>
    round(
      percentile(
        items
          .filter((item) => position(item) >= from && position(item) < to)
          .map(value)
          .sort((a, b) => a - b),
        0.5,
      ),
    );
  return [p50Of(span[0], span[0] + quarter), p50Of(span[1] - quarter, span[1] + 1)] as [number, number];
}

/** How many seconds of load may still be on their way when a step ends, for it to have kept pace. */
const PACE_SLACK_SECONDS = 2;

function grew([first, last]: [number, number]): boolean {
  return last > first * GROWTH_FACTOR + GROWTH_SLACK_MS;
}

function describeDelays(delays: EndToEndStep['eventLoopDelayMs']): string {
  return Object.entries(delays)
    .map(([name, delay]) => `${name} ${delay ? `${delay.p99} ms` : '?'}`)
    .join(', ');
}

class StepRunner {
  private nextPair = 0;

  constructor(
    private readonly platform: Platform,
    private readonly http: JsonHttpClient,
    private readonly sink: SmtpSink,
    private readonly pairs: Array<[Colleague, Colleague]>,
    private readonly servers: ServerProcessIds,
    private readonly costs: CostCounters,
    private readonly settings: EndToEndSettings,
    private readonly log: (line: string) => void,
  ) {}

  async run(rate: number): Promise<EndToEndStep> {
    const { stepSeconds, drainSeconds } = this.settings;
    const count = Math.round(rate * stepSeconds);
    const pairs = this.pairs.slice(this.nextPair, this.nextPair + count);
    this.nextPair += count;
    const label = `end to end ${rate}/s`;
    this.log(`${label}: ${count} recommendations over ${stepSeconds} s`);

    const costsBefore = await this.costs.snapshot();
    await this.eventLoopDelays(); // starts the services' delay histograms afresh
    const before = cpuSnapshot();
    const startedAt = Date.now();
    const progress = setInterval(
      () => this.log(`${label}: ${this.sink.received.length} emails so far`),
      5_000,
    );
    const calls = await runOpenLoop(rate, count, async (index) => {
      const [author, subject] = pairs[index] as [Colleague, Colleague];
      try {
        const answer = await this.http.call(
          'POST',
          `${this.platform.service('recommendations').baseUrl}/v1/recommendations`,
          {
            token: author.token,
            body: { subjectId: subject.id, relationship: 'coworker', text: TEXT },
          },
        );
        return {
          status: String(answer.status),
          recommendationId: answer.status === 201 ? (answer.body as { id: string }).id : undefined,
        };
      } catch {
        return { status: 'error', recommendationId: undefined };
      }
    }).finally(() => clearInterval(progress));
    // The step lasts its schedule, or longer when answers came late.
    const stepEndedAt = Math.max(Date.now(), startedAt + stepSeconds * 1000);
    await sleep(Math.max(0, stepEndedAt - Date.now()));
    const after = cpuSnapshot();
    const eventLoopDelayMs = await this.eventLoopDelays();
    const lastedMs = stepEndedAt - startedAt;

    const accepted = calls.flatMap((call) =>
      call.outcome.recommendationId ? [call.outcome.recommendationId] : [],
    );
    const events = await givenEvents(this.platform.databaseUrl('recommendations'), accepted);
    // This step's emails, each with the time of the event that caused it.
    const stepEmails = () =>
      this.sink.received.flatMap(({ eventId, receivedAt }) => {
        const event = eventId === undefined ? undefined : events.get(eventId);
        return eventId !== undefined && event ? [{ receivedAt, eventTime: event.time, eventId }] : [];
      });
    const byStepEnd = stepEmails().filter((email) => email.receivedAt <= stepEndedAt).length;
    const drainDeadline = stepEndedAt + drainSeconds * 1000;
    while (stepEmails().length < accepted.length && Date.now() < drainDeadline) await sleep(250);
    const costs = this.costs.costsBetween(costsBefore, await this.costs.snapshot(), accepted.length);
    const emails = stepEmails().map((email) => ({ ...email, latencyMs: email.receivedAt - email.eventTime }));
    const plannedAt = await this.plannedAt(emails.map((email) => email.eventId));
    const staged = emails.flatMap((email) => {
      const planned = plannedAt.get(email.eventId);
      return planned === undefined
        ? []
        : [{ eventToPlanned: planned - email.eventTime, plannedToEmail: email.receivedAt - planned }];
    });

    const refused: Record<string, number> = {};
    for (const call of calls.filter((candidate) => !candidate.outcome.recommendationId))
      refused[call.outcome.status] = (refused[call.outcome.status] ?? 0) + 1;
    const firstDueAt = calls[0]?.dueAt ?? performance.now();
    const trend = {
      httpP50Ms: quarterP50s(
        calls,
        (call) => call.dueAt - firstDueAt,
        (call) => call.latencyMs,
        [0, stepSeconds * 1000],
      ),
      eventToEmailP50Ms: quarterP50s(
        emails,
        (entry) => entry.eventTime - startedAt,
        (entry) => entry.latencyMs,
        [0, stepSeconds * 1000],
      ),
    };
    const lastEmailAt = Math.max(...emails.map((email) => email.receivedAt));
    const sentLateMaxMs = round(Math.max(...calls.map((call) => call.sentLateMs)));
    // Emails behind at the end of the step beyond what the last seconds of it leave in flight: the
    // platform did not keep pace, even if the drain catches up afterwards.
    const behindAtStepEnd = accepted.length - byStepEnd;
    const backlogGrew = emails.length < accepted.length || behindAtStepEnd > rate * PACE_SLACK_SECONDS;

    const notes: string[] = [];
    if (accepted.length < count)
      notes.push(`${count - accepted.length} of ${count} requests not accepted: ${JSON.stringify(refused)}`);
    if (emails.length < accepted.length)
      notes.push(`${accepted.length - emails.length} emails still due ${drainSeconds} s after the step`);
    else if (backlogGrew)
      notes.push(
        `${behindAtStepEnd} emails behind at the end of the step (more than ${PACE_SLACK_SECONDS} s of load), ` +
          `delivered during the drain`,
      );
    if (grew(trend.httpP50Ms))
      notes.push(`HTTP latency grew within the step: p50 ${trend.httpP50Ms.join(' → ')} ms`);
    if (grew(trend.eventToEmailP50Ms))
      notes.push(`event→email latency grew within the step: p50 ${trend.eventToEmailP50Ms.join(' → ')} ms`);
    const sustainable = notes.length === 0;
    if (sentLateMaxMs > 50)
      notes.push(`the bench sent requests up to ${sentLateMaxMs} ms late: it was short of CPU itself`);

    const step: EndToEndStep = {
      offeredPerSecond: rate,
      scheduledSeconds: stepSeconds,
      lastedSeconds: round(lastedMs / 1000, 2),
      requests: {
        scheduled: count,
        accepted: accepted.length,
        refused,
        acceptedPerSecond: perSecond(accepted.length, lastedMs),
        sentLateMaxMs,
      },
      httpLatencyMs: summarizeLatencies(calls.map((call) => call.latencyMs)),
      emails: {
        due: accepted.length,
        byStepEnd,
        byDrainEnd: emails.length,
        duringStepPerSecond: perSecond(byStepEnd, lastedMs),
        deliveredPerSecond: emails.length === 0 ? 0 : perSecond(emails.length, lastEmailAt - startedAt),
      },
      eventToEmailMs: summarizeLatencies(emails.map((email) => email.latencyMs)),
      stagesMs: {
        eventToPlanned: summarizeLatencies(staged.map((stage) => stage.eventToPlanned)),
        plannedToEmail: summarizeLatencies(staged.map((stage) => stage.plannedToEmail)),
      },
      trend,
      backlogGrew,
      sustainable,
      notes,
      ...this.cpuShares(before, after, lastedMs / 1000),
      eventLoopDelayMs,
      costs,
    };
    this.log(
      `${label}: ${step.requests.accepted}/${count} accepted, HTTP p50 ${step.httpLatencyMs.p50} ms p99 ` +
        `${step.httpLatencyMs.p99} ms; ${step.emails.byDrainEnd}/${step.emails.due} emails, event→email p50 ` +
        `${step.eventToEmailMs.p50} ms p99 ${step.eventToEmailMs.p99} ms (to planned p99 ` +
        `${step.stagesMs.eventToPlanned.p99} ms, planned to email p99 ${step.stagesMs.plannedToEmail.p99} ms; ` +
        `event loop delay p99 ${describeDelays(eventLoopDelayMs)}); ` +
        `${sustainable ? 'sustainable' : `NOT sustainable (${notes.join('; ')})`}`,
    );
    return step;
  }

  /** When notifications planned the email of each event: its delivery's `created_at`, in ms. */
  private async plannedAt(eventIds: string[]): Promise<Map<string, number>> {
    const { rows } = await withClient(this.platform.databaseUrl('notifications'), (database) =>
      database.query<{ event_id: string; planned_at: Date }>(
        `SELECT event_id, min(created_at) AS planned_at FROM delivery
          WHERE event_id = ANY($1::text[]) GROUP BY event_id`,
        [eventIds],
      ),
    );
    return new Map(rows.map((row) => [row.event_id, row.planned_at.getTime()]));
  }

  /** Each service's event loop delay since the previous call, from its `/metrics`. */
  private async eventLoopDelays(): Promise<EndToEndStep['eventLoopDelayMs']> {
    const delays = await Promise.all(
      SERVICE_NAMES.map(async (name) => {
        try {
          const answer = await fetch(`${this.platform.service(name).baseUrl}/metrics`);
          const text = await answer.text();
          const seconds = (metric: string) => Number(new RegExp(`^${metric} (\\S+)$`, 'm').exec(text)?.[1]);
          const p99 = seconds('nodejs_eventloop_lag_p99_seconds');
          const max = seconds('nodejs_eventloop_lag_max_seconds');
          return [name, Number.isFinite(p99) ? { p99: round(p99 * 1000), max: round(max * 1000) } : null];
        } catch {
          return [name, null];
        }
      }),
    );
    return Object.fromEntries(delays) as EndToEndStep['eventLoopDelayMs'];
  }

  private cpuShares(
    before: CpuSnapshot,
    after: CpuSnapshot,
    windowSeconds: number,
  ): Pick<EndToEndStep, 'cpuCorePercent' | 'machineBusyPercent'> {
    const corePercent = (seconds: number) => round((seconds / windowSeconds) * 100);
    const serviceIds = serviceProcessIds(childProcessIds(after, process.pid));
    const treeSeconds = (id: number | undefined) =>
      id === undefined ? null : processTreeCpuSeconds(before, after, id);
    const measured = {
      ...Object.fromEntries(SERVICE_NAMES.map((name) => [name, treeSeconds(serviceIds[name])])),
      kafka: treeSeconds(this.servers.kafka),
      postgres: treeSeconds(this.servers.postgres),
      bench: processCpuSeconds(before, after, process.pid),
    } as Record<Exclude<keyof CpuShares, 'other'>, number | null>;
    const machineSeconds = after.machineBusySeconds - before.machineBusySeconds;
    const known = sum(Object.values(measured).map((seconds) => seconds ?? 0));
    const shares = Object.fromEntries(
      Object.entries(measured).map(([name, seconds]) => [
        name,
        seconds === null ? null : corePercent(seconds),
      ]),
    ) as Omit<CpuShares, 'other'>;
    return {
      cpuCorePercent: { ...shares, other: corePercent(machineSeconds - known) },
      machineBusyPercent: round((machineSeconds / (windowSeconds * describeMachine().cores)) * 100),
    };
  }
}

/**
 * The four services as processes, a company connected through their APIs, then
 * `POST /v1/recommendations` open-loop at each rate in turn, until one is not sustainable.
 */
export async function measureEndToEnd(
  settings: EndToEndSettings,
  sink: SmtpSink,
  servers: ServerProcessIds,
  log: (line: string) => void,
): Promise<EndToEndResult> {
  const pairsNeeded = sum(settings.rates.map((rate) => Math.round(rate * settings.stepSeconds)));
  const employees = Math.max(settings.employees, employeesForPairs(pairsNeeded));
  log(
    `end to end: starting the four services (${pairsNeeded} recommendations planned, ${employees} employees)`,
  );
  const platform = await Platform.start(
    'bench_e2e',
    SERVICE_NAMES,
    benchEnvironment(sink.url, settings.serviceOverrides),
  );
  const http = new JsonHttpClient(settings.httpSockets);
  const costs = new CostCounters(platform, testInfrastructure().kafkaBrokers);
  try {
    await costs.connect();
    const connections = await createConnectedCompany(
      platform,
      http,
      employees,
      pairsNeeded,
      () => sink.received.length,
      log,
    );
    const runner = new StepRunner(
      platform,
      http,
      sink,
      shuffledPairs(connections),
      servers,
      costs,
      settings,
      log,
    );
    const steps: EndToEndStep[] = [];
    for (const rate of settings.rates) {
      const step = await runner.run(rate);
      steps.push(step);
      if (!step.sustainable) break;
    }
    const sustainable = steps.filter((step) => step.sustainable).map((step) => step.offeredPerSecond);
    return {
      settings,
      employees,
      connections: connections.length,
      steps,
      skippedRates: settings.rates.slice(steps.length),
      peakSustainablePerSecond: sustainable.length > 0 ? Math.max(...sustainable) : null,
    };
  } finally {
    http.close();
    await costs.disconnect();
    await platform.stop();
    // The next run on this broker starts as this one did (bench/README.md, "Unit of work").
    await deleteTopicsAndGroupsUnder(testInfrastructure().kafkaBrokers, platform.topicPrefix);
  }
}

/**
 * What the bench adds to the platform's configuration: production partitioning, notifications
 * emailing the bench's sink, the daily cap out of reach (it would fold a recipient's 11th email into
 * a digest), tokens that last the whole run; then the run's own overrides.
 */
export function benchEnvironment(smtpUrl: string, overrides: ServiceOverrides): ServiceOverrides {
  const own: Record<ServiceName, Record<string, string>> = {
    identity: { JWT_TTL_SECONDS: '86400' },
    connections: {},
    recommendations: {},
    notifications: {
      SMTP_URL: smtpUrl,
      MAX_EMAILS_PER_DAY: '1000000',
      UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
    },
  };
  return Object.fromEntries(
    SERVICE_NAMES.map((name) => [
      name,
      { KAFKA_TOPIC_PARTITIONS: String(PARTITIONS), ...own[name], ...overrides[name] },
    ]),
  );
}
