import { setTimeout as sleep } from 'node:timers/promises';
import { DedicatedKafkaBroker, SERVICE_NAMES } from '@vouch/testing';
import { DedicatedPostgres } from '../support/dedicated-postgres';
import {
  FULL_LOAD,
  firstEmailAfter,
  firstSuccessAfter,
  runScenario,
  type FaultOutcome,
  type ScenarioResult,
  type ScenarioSetup,
  type UnderLoad,
} from '../support/harness';
import { sigkillListener } from '../support/sigkill';
import { type Log, type Scenario, servicesNotReady, difference } from './common';

/** 4. The Kafka broker (a dedicated one: never the shared broker) killed -9 and restarted under load. */
export const restartBroker: Scenario = async ({ shape = FULL_LOAD, log }) => {
  const broker = await DedicatedKafkaBroker.start();
  const brokers = broker.brokers.join(',');
  try {
    return await runScenario(
      {
        id: 'restart-broker',
        title: 'the Kafka broker killed and restarted',
        expectation:
          'writes keep answering 2xx (outbox); lost 0, duplicated 0; recovery = first email after the restart',
        shape,
        environment: Object.fromEntries(SERVICE_NAMES.map((name) => [name, { KAFKA_BROKERS: brokers }])),
        fault: async (run) => withoutBroker(run, broker, log),
      },
      log,
    );
  } finally {
    await broker.destroy();
  }
};

async function withoutBroker(run: UnderLoad, broker: DedicatedKafkaBroker, log: Log): Promise<FaultOutcome> {
  log('kill -9 the dedicated Kafka broker');
  const before = { ...run.load.answers };
  const downAt = Date.now();
  await sigkillListener(broker.port);
  // Clears what infra.mjs knew of the process, so that up() starts it again on the same data.
  await broker.down();
  await sleep(10_000);
  const during = difference(run.load.answers, before);
  const committedWhileDown = run.load.acknowledged.filter((write) => write.at >= downAt).length;
  log(`starting the broker again (writes while it was down: ${JSON.stringify(during)})`);
  await broker.up();
  const upAt = Date.now();
  const recoveryMs = await firstEmailAfter(run.sink, upAt);
  return {
    kills: 1,
    recoveriesMs: [recoveryMs],
    notes: [
      `while the broker was down: ${during.succeeded} writes answered 2xx, ${during.refused + during.unclean} 5xx, ` +
        `${during.rejected} 4xx (a step another service had not heard of yet)`,
    ],
    failures: [
      ...(committedWhileDown === 0 ? ['no write succeeded while the broker was down'] : []),
      ...(during.refused + during.unclean > 0 ? ['writes failed with 5xx while the broker was down'] : []),
    ],
  };
}

/** 5. PostgreSQL (a dedicated server: never the shared one) restarted under load. */
export const restartPostgres: Scenario = ({ shape = FULL_LOAD, log }) =>
  onDedicatedPostgres(
    {
      id: 'restart-postgres',
      title: 'PostgreSQL restarted',
      expectation: 'requests fail cleanly (5xx problem+json, never a 2xx for lost work), then recover',
      shape,
    },
    (run, postgres) => withoutPostgres(run, postgres, log),
    log,
  );

async function withoutPostgres(run: UnderLoad, postgres: DedicatedPostgres, log: Log): Promise<FaultOutcome> {
  log('stopping the dedicated PostgreSQL');
  const before = { ...run.load.answers };
  await postgres.down();
  await sleep(8_000);
  const during = difference(run.load.answers, before);
  log(`starting PostgreSQL again (answers while it was down: ${JSON.stringify(during)})`);
  await postgres.up();
  const upAt = Date.now();
  const recoveryMs = await firstSuccessAfter(run.load, upAt);
  const unready = await servicesNotReady(run);
  return {
    kills: 1,
    recoveriesMs: [recoveryMs],
    notes: [
      answersWhileDown(during),
      `first email after the restart: ${await firstEmailAfter(run.sink, upAt)} ms`,
    ],
    failures: failuresAfterOutage(during, unready),
  };
}

/**
 * 9. PostgreSQL (a dedicated server: never the shared one) crashed under load: `kill -9` of the
 * postmaster, no shutdown at all, started again a few seconds later, when it runs crash recovery
 * from its WAL.
 */
export const killPostgres: Scenario = ({ shape = FULL_LOAD, log }) =>
  onDedicatedPostgres(
    {
      id: 'kill-postgres',
      title: 'PostgreSQL killed -9 (the postmaster) and started again: crash recovery',
      expectation:
        'writes refused cleanly while it is down (5xx problem+json, never a 2xx for work not committed), ' +
        'every write answered 2xx committed after the recovery; lost 0, duplicated 0 but for sends whose ' +
        'ledger update the crash cut off, each flagged',
      shape,
    },
    (run, postgres) => crashPostgres(run, postgres, log),
    log,
  );

async function crashPostgres(run: UnderLoad, postgres: DedicatedPostgres, log: Log): Promise<FaultOutcome> {
  log('kill -9 the dedicated PostgreSQL postmaster');
  const before = { ...run.load.answers };
  const crash = await postgres.crash();
  log(
    `postmaster ${crash.postmaster} killed; ${crash.children - crash.killedAfterGrace} of its ` +
      `${crash.children} processes exited on their own, ${crash.killedAfterGrace} killed after 5 s`,
  );
  await sleep(5_000);
  const during = difference(run.load.answers, before);
  log(`starting PostgreSQL again (answers while it was down: ${JSON.stringify(during)})`);
  const startedAt = Date.now();
  await postgres.up();
  const upAt = Date.now();
  const recoveryMs = await firstSuccessAfter(run.load, upAt);
  const firstEmailMs = await firstEmailAfter(run.sink, upAt);
  const unready = await servicesNotReady(run);
  const serverLog = await postgres.log();
  const recovered = serverLog.includes('automatic recovery in progress');
  return {
    kills: 1,
    recoveriesMs: [recoveryMs],
    notes: [
      `postmaster killed -9: ${crash.children - crash.killedAfterGrace} of its ${crash.children} backends and ` +
        `auxiliary processes exited on their own within 5 s, ${crash.killedAfterGrace} had to be killed`,
      answersWhileDown(during),
      `crash recovery ${recovered ? 'ran' : 'did NOT run'} (server log); the server answered ` +
        `${((upAt - startedAt) / 1000).toFixed(1)} s after it was started; first 2xx ${recoveryMs} ms and ` +
        `first email ${firstEmailMs} ms after that`,
    ],
    failures: [
      ...failuresAfterOutage(during, unready),
      ...(recovered ? [] : ['PostgreSQL did not run crash recovery: was it killed?']),
    ],
  };
}

/**
 * Runs a scenario whose platform keeps its databases on a PostgreSQL server of its own, which the
 * fault may stop or crash: never the shared one.
 */
async function onDedicatedPostgres(
  setup: Omit<ScenarioSetup, 'fault' | 'allowedDuplicates'>,
  fault: (run: UnderLoad, postgres: DedicatedPostgres) => Promise<FaultOutcome>,
  log: Log,
): Promise<ScenarioResult> {
  const postgres = await DedicatedPostgres.start();
  // The platform's databases are created on the server DATABASE_URL names (libs/testing).
  const sharedServer = process.env.DATABASE_URL;
  process.env.DATABASE_URL = postgres.url;
  try {
    return await runScenario(
      {
        ...setup,
        fault: (run) => fault(run, postgres),
        // A send whose ledger update the outage cut off is sent again: SMTP has no idempotency.
        allowedDuplicates: () => Number.POSITIVE_INFINITY,
      },
      log,
    );
  } finally {
    process.env.DATABASE_URL = sharedServer;
    await postgres.destroy();
  }
}

type LoadAnswers = UnderLoad['load']['answers'];

function answersWhileDown(during: LoadAnswers): string {
  return (
    `while PostgreSQL was down: ${during.refused} writes refused with 5xx problem+json, ` +
    `${during.unclean} other 5xx, ${during.unreachable} unanswered, ${during.succeeded} 2xx`
  );
}

function failuresAfterOutage(during: LoadAnswers, unready: readonly string[]): string[] {
  return [
    ...(during.refused === 0 ? ['no request was refused while PostgreSQL was down'] : []),
    ...unready.map((name) => `${name} is not ready again after the restart`),
  ];
}
