import { setTimeout as sleep } from 'node:timers/promises';
import {
  duplicateCount,
  maildevReceivedMessages,
  reconcile,
  RunningStack,
  SteadyLoad,
  waitFor,
  waitForEmail,
  type Employee,
  type Reconciliation,
} from '@vouch/testing';
import { ComposeProject } from './compose-project';

/**
 * The compose stack of docker-compose.yml, built from this repo's images and brought up by
 * `npm run test:containers` (tools/test-containers.mjs), which runs this file against it: everything
 * through the portal, as a browser and the company's identity provider reach it; emails read from
 * the maildev container.
 */
const stack = RunningStack.fromEnvironment();
const project = new ComposeProject(stack.description.compose);
const PORTAL = stack.description.portalUrl;
/** Writes per second of the load, and the colleagues it starts with (as the chaos suite's short runs). */
const LOAD = { writesPerSecond: 8, colleagues: 6 };
/**
 * notifications' SENDER_CONCURRENCY (its default; compose keeps it): a replica killed with -9 can
 * have one email per lane handed over to SMTP but not yet recorded as sent, which another replica
 * sends again, with the same Message-ID (a duplicate the recipient's mail client folds).
 */
const SENDER_LANES = 16;
/** notifications' SENDER_LEASE_MS (its default): a killed sender's claims return after it. */
const SENDER_LEASE_MS = 60_000;

type Relationship = 'supervisor' | 'coworker' | 'subordinate';

function recommend(author: Employee, subject: Employee, relationship: Relationship) {
  return stack.eventually<{ id: string; verified: boolean }>(
    201,
    'recommendations',
    'POST',
    '/v1/recommendations',
    {
      token: author.token,
      body: {
        subjectId: subject.id,
        relationship,
        text: `${author.name} here: calm under pressure, explains every choice and follows through.`,
      },
    },
  );
}

/** The databases, the delivery ledger and maildev's inbox agree: every due email arrived once. */
function reconciled(load: SteadyLoad): Promise<Reconciliation> {
  return maildevReceivedMessages().then((received) =>
    reconcile(stack.description.databaseUrls, received, load.acknowledged),
  );
}

/**
 * Runs the load around `fault`, then waits (up to 3 minutes) for every due email, and for any
 * duplicate until `fault`'s answer: when what a killed sender had claimed is sent again.
 */
async function underLoad(
  fault: () => Promise<number | void>,
): Promise<{ load: SteadyLoad; reconciliation: Reconciliation }> {
  const load = new SteadyLoad(stack, LOAD.writesPerSecond);
  await load.prepare(LOAD.colleagues);
  load.start();
  let duplicatesDueBy: number | void;
  try {
    await sleep(10_000);
    duplicatesDueBy = await fault();
    await sleep(10_000);
  } finally {
    await load.stop();
  }
  await waitFor(
    'every due email in maildev',
    () => reconciled(load),
    (state) => state.lost.length === 0,
    {
      timeoutMs: 180_000,
      intervalMs: 2_000,
    },
  ).catch(() => undefined);
  await sleep(Math.max(3_000, (duplicatesDueBy ?? 0) - Date.now()));
  return { load, reconciliation: await reconciled(load) };
}

/** One line for the run's log: what the load did and what arrived. */
function report(title: string, reconciliation: Reconciliation, load: SteadyLoad, details: object): void {
  const { emailsDue, received } = reconciliation;
  const line = {
    emailsDue,
    received,
    duplicated: duplicateCount(reconciliation),
    answers: load.answers,
    ...details,
  };
  process.stderr.write(`[containers] ${title}: ${JSON.stringify(line)}\n`);
}

/**
 * What no fault may cost: every due email received, none lost or planned twice, every acknowledged
 * write committed, in order, and no unclean answer to the load (duplicates are each test's own).
 * Compared as one object, so a failure shows all of it, the lost emails by event and stage.
 */
function expectNothingLost(reconciliation: Reconciliation, load: SteadyLoad): void {
  expect({
    emailsDue: reconciliation.emailsDue,
    received: reconciliation.received,
    lost: reconciliation.lost.map((lost) => `${lost.event.eventType} ${lost.event.eventId}: ${lost.stage}`),
    plannedTwice: reconciliation.plannedTwice,
    acknowledgedNotCommitted: reconciliation.acknowledgedNotCommitted.length,
    outOfOrder: reconciliation.outOfOrder.length,
    unclean: load.answers.unclean,
  }).toEqual({
    emailsDue: expect.any(Number),
    received: reconciliation.emailsDue,
    lost: [],
    plannedTwice: [],
    acknowledgedNotCommitted: 0,
    outOfOrder: 0,
    unclean: 0,
  });
}

describe('Vouch in containers: the compose stack, through the portal', () => {
  it('provisions, connects, recommends, nudges by email, accepts and balances', async () => {
    // Sign-up confirmed from the maildev container; the org chart drawn over SCIM, through the portal.
    const mia = await stack.register('Mia Laurent');
    const ned = await stack.register('Ned Alvarez', { manager: mia });
    await stack.connect(ned, mia);

    const fromManager = await recommend(mia, ned, 'supervisor');
    expect(fromManager.verified).toBe(true);
    const nudge = await waitForEmail(ned.email, 'Mia Laurent recommended you');
    expect(nudge.text).toContain('The easiest way to thank Mia Laurent is to write one back');
    const link = `${PORTAL}/recommendations/${fromManager.id}`;
    expect(nudge.text).toContain(link);
    // The email's link leads to the portal's page for it.
    const page = await fetch(link);
    expect({ status: page.status, type: page.headers.get('content-type') }).toEqual({
      status: 200,
      type: expect.stringContaining('text/html'),
    });

    await stack.expectCall(200, 'recommendations', 'POST', `/v1/recommendations/${fromManager.id}/accept`, {
      token: ned.token,
    });
    await waitForEmail(mia.email, 'Ned Alvarez accepted your recommendation');
    const balance = await stack.expectCall<{ counts: Record<Relationship, number>; missing: Relationship[] }>(
      200,
      'recommendations',
      'GET',
      '/v1/recommendations/balance',
      { token: ned.token },
    );
    expect(balance.counts).toEqual({ supervisor: 1, coworker: 0, subordinate: 0 });
    expect(balance.missing).toEqual(['coworker', 'subordinate']);
  });

  it('loses and duplicates nothing when one of three notifications replicas is killed under load', async () => {
    const replicas = project.containers('notifications');
    expect(replicas).toHaveLength(3);
    const victim = replicas[1];

    let restartedBy = 'the engine (restart: unless-stopped)';
    let healthyAfterMs = 0;
    const { load, reconciliation } = await underLoad(async () => {
      const killedAt = Date.now();
      project.kill(victim);
      // Brought back as an orchestrator would (compose's restart policy, or by hand where the engine has none).
      await sleep(2_000);
      if (!project.state(victim).running) {
        restartedBy = 'the test (docker start)';
        project.start(victim);
      }
      healthyAfterMs = await project.healthy(victim);
      return killedAt + SENDER_LEASE_MS + 5_000;
    });
    report('notifications replica killed', reconciliation, load, { restartedBy, healthyAfterMs });

    expectNothingLost(reconciliation, load);
    expect(reconciliation.emailsDue).toBeGreaterThan(0);
    // Only what the killed replica had handed over to SMTP, each under its own Message-ID again.
    expect(duplicateCount(reconciliation)).toBeLessThanOrEqual(SENDER_LANES);
  });

  it('loses nothing when a service is stopped (SIGTERM) mid-load and started again', async () => {
    const [connections] = project.containers('connections');
    let stoppedInMs = 0;
    let exitCode = -1;
    let stopLog: string[] = [];

    const { load, reconciliation } = await underLoad(async () => {
      stoppedInMs = project.stop(connections, 30);
      exitCode = project.state(connections).exitCode;
      // What runService said while stopping: how long it took, or what was still open at its deadline.
      stopLog = project.logLines(connections, /stopping|stopped in/);
      project.start(connections);
      await project.healthy(connections);
    });
    report('connections stopped', reconciliation, load, { stoppedInMs, exitCode, stopLog });

    // Node, PID 1 of the container, ended its work and exited on SIGTERM, long before the grace period.
    expect({ exitCode, stoppedWithinGrace: stoppedInMs < 30_000 }).toEqual({
      exitCode: 0,
      stoppedWithinGrace: true,
    });
    expectNothingLost(reconciliation, load);
    expect(duplicateCount(reconciliation)).toBe(0);
  });
});
