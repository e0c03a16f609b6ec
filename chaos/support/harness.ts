import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  duplicateCount,
  reconcile,
  waitFor,
  SmtpSink,
  SteadyLoad,
  Platform,
  SERVICE_NAMES,
  type AnswerCounts,
  type Reconciliation,
  type ServiceName,
} from '@vouch/testing';

/** How hard and how long a scenario pushes. */
export interface LoadShape {
  writesPerSecond: number;
  /** Colleagues registered before the load starts: each two of them make a pair to connect. */
  colleagues: number;
  /** Load before the first fault and after the last, so both sides of it are exercised. */
  steadyMs: number;
  /** How long, once the load stopped, the platform has to deliver what is due. */
  settleMs: number;
}

export const FULL_LOAD: LoadShape = {
  writesPerSecond: 8,
  colleagues: 12,
  steadyMs: 5_000,
  settleMs: 120_000,
};

/** What a fault did, as the scenario measured it. */
export interface FaultOutcome {
  kills: number;
  /** From each fault to the recovery the scenario watches for (its first email, or 2xx, after it). */
  recoveriesMs: number[];
  notes: string[];
  /** The scenario's own pass condition beyond what every scenario checks; a reason when it failed. */
  failures: string[];
  /**
   * When notifications was last killed, if it was: what its sender had claimed is sent again once
   * the claim's lease ends (SENDER_LEASE_MS), so a duplicate can still come until then.
   */
  senderKilledAt?: number;
}

/** How long a sender's claim on a delivery lasts here: a killed sender's claims return after it. */
export const SENDER_LEASE_MS = 20_000;

export interface ScenarioResult {
  id: string;
  title: string;
  expectation: string;
  passed: boolean;
  failures: string[];
  events: number;
  emailsDue: number;
  received: number;
  /** Due emails the SMTP server refused for good, as the scenario arranged (not lost). */
  refused: number;
  lost: number;
  duplicated: number;
  kills: number;
  /** The slowest recovery, in ms. */
  recoveryMs: number | undefined;
  durationMs: number;
  /** When the scenario started, ISO-8601. */
  ranAt?: string;
  answers: AnswerCounts;
  notes: string[];
  reconciliation: Reconciliation;
}

/** What a fault acts on: the platform under load, and what it emails to. */
export interface UnderLoad {
  platform: Platform;
  load: SteadyLoad;
  sink: SmtpSink;
  /** Reconciles what has been committed and received so far. */
  reconcile: () => Promise<Reconciliation>;
}

/** A scenario's own checks of the final reconciliation. */
export interface Verdict {
  notes: string[];
  failures: string[];
}

export interface ScenarioSetup {
  id: string;
  title: string;
  expectation: string;
  shape: LoadShape;
  /** How many duplicates are acceptable, given the fault's outcome (0 unless SMTP is involved). */
  allowedDuplicates?: (outcome: FaultOutcome) => number;
  /** Per service, configuration beyond the harness's own. */
  environment?: Partial<Record<ServiceName, Record<string, string>>>;
  /** The SMTP server notifications talks to, when not the sink itself (a proxy in front of it). */
  smtpUrl?: (sink: SmtpSink) => Promise<string>;
  fault: (run: UnderLoad) => Promise<FaultOutcome>;
  /** Checks beyond lost, duplicated and order, once everything due arrived (or the wait ran out). */
  verify?: (reconciliation: Reconciliation, run: UnderLoad) => Promise<Verdict> | Verdict;
}

// One signing key for the whole run: tokens stay valid across identity's restarts, as in production.
const signingKey = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

/**
 * Runs one scenario: the four services as processes, the load through their HTTP APIs, emails to an
 * SMTP sink of the harness's own; the fault under load; then, once the load stopped, waits for
 * every due email and reconciles the databases, the delivery ledger and what the sink accepted.
 */
export async function runScenario(
  setup: ScenarioSetup,
  log: (line: string) => void,
): Promise<ScenarioResult> {
  const started = Date.now();
  const sink = await SmtpSink.start();
  let platform: Platform | undefined;
  let load: SteadyLoad | undefined;
  try {
    const smtpUrl = setup.smtpUrl ? await setup.smtpUrl(sink) : sink.url;
    const environment = (name: ServiceName): Record<string, string> => ({
      ...HARNESS_ENVIRONMENT[name],
      ...(name === 'notifications' ? { SMTP_URL: smtpUrl } : {}),
      ...setup.environment?.[name],
    });
    log(`${setup.id}: starting the platform`);
    platform = await Platform.start(
      `chaos_${setup.id}`,
      SERVICE_NAMES,
      Object.fromEntries(SERVICE_NAMES.map((name) => [name, environment(name)])),
    );
    load = new SteadyLoad(platform, setup.shape.writesPerSecond);
    await load.prepare(setup.shape.colleagues);
    const ledgers = {
      identity: platform.databaseUrl('identity'),
      connections: platform.databaseUrl('connections'),
      recommendations: platform.databaseUrl('recommendations'),
      notifications: platform.databaseUrl('notifications'),
    };
    const { acknowledged } = load;
    const settled = () =>
      reconcile(ledgers, sink.received, acknowledged, { refusedRecipients: sink.faults.refusedRecipients });
    const run: UnderLoad = { platform, load, sink, reconcile: settled };
    log(`${setup.id}: load at ${setup.shape.writesPerSecond} writes/s`);
    load.start();
    await sleep(setup.shape.steadyMs);
    const outcome = await setup.fault(run);
    await sleep(setup.shape.steadyMs);
    await load.stop();
    log(`${setup.id}: load stopped (${JSON.stringify(load.answers)}); waiting for the emails due`);
    await waitFor(
      'every due email to arrive, or to be refused',
      settled,
      (state) => state.lost.length === 0 && state.refused.every((refusal) => refusal.status !== 'pending'),
      { timeoutMs: setup.shape.settleMs, intervalMs: 1_000 },
    ).catch(() => undefined);
    // A late duplicate comes within a sender's poll or two, or, for what a killed sender had
    // claimed, once its lease ends (a recovery faster than the lease settles before that).
    const leaseEnds = outcome.senderKilledAt === undefined ? 0 : outcome.senderKilledAt + SENDER_LEASE_MS;
    await sleep(Math.max(3_000, leaseEnds + 3_000 - Date.now()));
    const reconciliation = await settled();
    const verdict = (await setup.verify?.(reconciliation, run)) ?? { notes: [], failures: [] };
    const duplicated = duplicateCount(reconciliation);
    const allowedDuplicates = setup.allowedDuplicates?.(outcome) ?? 0;
    const failures = [
      ...outcome.failures,
      ...verdict.failures,
      ...(reconciliation.lost.length > 0 ? [`${reconciliation.lost.length} emails lost`] : []),
      ...(reconciliation.outOfOrder.length > 0
        ? [`${reconciliation.outOfOrder.length} aggregates' events processed out of order`]
        : []),
      ...(duplicated > allowedDuplicates
        ? [`${duplicated} duplicates where at most ${allowedDuplicates} are acceptable`]
        : []),
      ...(reconciliation.acknowledgedNotCommitted.length > 0
        ? [`${reconciliation.acknowledgedNotCommitted.length} writes answered 2xx but not committed`]
        : []),
      ...(load.answers.unclean > 0 ? [`${load.answers.unclean} 5xx answers without problem+json`] : []),
      ...(reconciliation.emailsDue === 0 ? ['no email was due: the load did not get through'] : []),
    ];
    return {
      id: setup.id,
      title: setup.title,
      expectation: setup.expectation,
      passed: failures.length === 0,
      failures,
      events: reconciliation.events,
      emailsDue: reconciliation.emailsDue,
      received: reconciliation.received,
      refused: reconciliation.refused.length,
      lost: reconciliation.lost.length,
      duplicated,
      kills: outcome.kills,
      recoveryMs: outcome.recoveriesMs.length > 0 ? Math.max(...outcome.recoveriesMs) : undefined,
      durationMs: Date.now() - started,
      ranAt: new Date(started).toISOString(),
      answers: load.answers,
      notes: [...outcome.notes, ...verdict.notes],
      reconciliation,
    };
  } finally {
    // Stopped already unless the fault threw: then the writes must not outlive the scenario.
    await load?.stop();
    await platform?.stop();
    await sink.close();
  }
}

/**
 * What every scenario configures: no daily cap or digest in the way (each recipient gets many
 * emails in a minute), a sender polling, retrying and leasing at test pace, identity's signing key.
 */
const HARNESS_ENVIRONMENT: Record<ServiceName, Record<string, string>> = {
  identity: { JWT_PRIVATE_KEYS: signingKey },
  connections: {},
  recommendations: {},
  notifications: {
    // One for every instance of this run: a link signed by one verifies on the others.
    UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
    MAX_EMAILS_PER_DAY: '1000000',
    SENDER_POLL_INTERVAL_MS: '200',
    SENDER_RETRY_INITIAL_DELAY_MS: '1000',
    SENDER_RETRY_MAX_DELAY_MS: '5000',
    // What a killed sender had claimed comes back well within a scenario's settling time.
    SENDER_LEASE_MS: String(SENDER_LEASE_MS),
  },
};

/** Resolves with the ms from `since` to the first email the sink accepted at or after it. */
export async function firstEmailAfter(sink: SmtpSink, since: number): Promise<number> {
  const message = await waitFor(
    'an email after the fault',
    async () => sink.received.find((candidate) => candidate.receivedAt >= since),
    (candidate) => candidate !== undefined,
    { timeoutMs: 120_000, intervalMs: 50 },
  );
  return (message?.receivedAt ?? Number.NaN) - since;
}

/** Resolves with the ms from `since` to the first 2xx write (to `service`, if named) at or after it. */
export async function firstSuccessAfter(
  load: SteadyLoad,
  since: number,
  service?: 'identity' | 'connections' | 'recommendations',
): Promise<number> {
  const at = await waitFor(
    `a 2xx write${service ? ` to ${service}` : ''} after the fault`,
    async () => load.firstSuccessAfter(since, service),
    (candidate) => candidate !== undefined,
    { timeoutMs: 120_000, intervalMs: 20 },
  );
  return (at ?? Number.NaN) - since;
}
