import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor, SERVICE_NAMES, type ServiceName } from '@vouch/testing';
import { RelayTrap } from '../support/relay-trap';
import { SmtpProxy } from '@vouch/testing';
import {
  FULL_LOAD,
  firstEmailAfter,
  firstSuccessAfter,
  runScenario,
  type UnderLoad,
} from '../support/harness';
import { sigkill } from '../support/sigkill';
import { type Scenario, recoveryOf, SENDER_LANES, PRODUCER_TOPICS, republishedEvents } from './common';

/** 1. `kill -9` each service in turn under load, and restart it. */
export const killEachService: Scenario = ({ shape = FULL_LOAD, short = false, log }) =>
  runScenario(
    {
      id: 'kill-each-service',
      title: '`kill -9` each service in turn under load, restart it',
      expectation:
        'lost 0, duplicated 0 (the kill of notifications, if it lands inside an SMTP hand-over, could ' +
        'add one flagged duplicate per sending lane, as in kill-sender-after-acceptance)',
      shape,
      environment: { notifications: { SENDER_CONCURRENCY: String(SENDER_LANES) } },
      allowedDuplicates: () => SENDER_LANES,
      fault: async (run) => {
        const victims: readonly ServiceName[] = short ? ['connections', 'notifications'] : SERVICE_NAMES;
        const recoveriesMs: number[] = [];
        let senderKilledAt: number | undefined;
        for (const name of victims) {
          log(`kill -9 ${name}`);
          const killedAt = Date.now();
          if (name === 'notifications') senderKilledAt = killedAt;
          await sigkill(run.platform.service(name));
          await sleep(1_000);
          await run.platform.restart(name);
          recoveriesMs.push(await recoveryOf(run, name, killedAt));
          log(`${name} back, recovered ${recoveriesMs.at(-1)} ms after the kill`);
          await sleep(2_000);
        }
        const recoveries = victims.map(
          (name, index) => `${name} ${(recoveriesMs[index] / 1000).toFixed(1)} s`,
        );
        return {
          kills: victims.length,
          recoveriesMs,
          senderKilledAt,
          notes: [
            `back to work after the kill (first 2xx, or email for notifications): ${recoveries.join(', ')}`,
          ],
          failures: [],
        };
      },
    },
    log,
  );

/**
 * 2. The relay killed between publishing and marking. The producer is killed once to free its
 * relay's leadership; the trap takes it, so the restarted producer's events wait unpublished; the
 * trap locks them and lets the relay lead, which publishes them and waits to mark them; the producer
 * is killed right then. After the restart its relay publishes them again: the topic shows each
 * twice, and the consumers' inboxes must apply them once.
 */
export const killRelayMidStream: Scenario = ({ shape = FULL_LOAD, short = false, log }) =>
  runScenario(
    {
      id: 'kill-relay-mid-stream',
      title: 'the relay killed between publishing and marking (SIGKILL of the producer mid-stream)',
      expectation: 'lost 0, duplicated 0: events published twice are applied once (inbox)',
      shape,
      fault: async (run) => {
        const producers: Array<'connections' | 'recommendations'> = short
          ? ['connections']
          : ['connections', 'recommendations'];
        const recoveriesMs: number[] = [];
        let trapped = 0;
        for (const name of producers) {
          const trap = await RelayTrap.open(run.platform.databaseUrl(name));
          try {
            log(`kill -9 ${name}, keeping its relay from leading after the restart`);
            await sigkill(run.platform.service(name));
            await trap.takeLeadership();
            const restartedAt = Date.now();
            await run.platform.restart(name);
            await firstSuccessAfter(run.load, restartedAt, name);
            // A few seconds of writes to publish in one batch.
            await sleep(2_000);
            trapped += await trap.lockUnpublishedAndLetGo();
            await trap.waitUntilPublishedUnmarked();
            log(`kill -9 ${name} between publishing and marking`);
            const killedAt = Date.now();
            await sigkill(run.platform.service(name));
            await trap.close();
            await run.platform.restart(name);
            recoveriesMs.push(await recoveryOf(run, name, killedAt));
            await sleep(1_000);
          } finally {
            await trap.close();
          }
        }
        const republished = (
          await Promise.all(producers.map((name) => republishedEvents(run, PRODUCER_TOPICS[name])))
        ).reduce((sum, count) => sum + count, 0);
        return {
          kills: producers.length * 2,
          recoveriesMs,
          notes: [
            `${republished} events seen twice on the topics: published, then the relay was killed before ` +
              `marking them (${trapped} of them held there by the trap); each was applied once`,
          ],
          failures: republished === 0 ? ['no relay was caught between publishing and marking'] : [],
        };
      },
    },
    log,
  );

/**
 * 3. The sender killed between SMTP acceptance and the ledger update: a proxy holds back the
 * server's "250" for the end of a message's data, and notifications is killed once the sink has the
 * message. One sending lane, so exactly one message is in that window at each kill.
 */
export const killSenderAfterAcceptance: Scenario = ({ shape = FULL_LOAD, short = false, log }) => {
  let proxy: SmtpProxy | undefined;
  return runScenario(
    {
      id: 'kill-sender-after-acceptance',
      title: 'the notifications sender killed between SMTP acceptance and the ledger update',
      expectation: 'lost 0; duplicates ≤ kills, each flagged (the same Message-ID accepted twice)',
      shape,
      environment: { notifications: { SENDER_CONCURRENCY: '1' } },
      smtpUrl: async (sink) => {
        proxy = await SmtpProxy.start(sink.url, { holdMs: 2_000 });
        return proxy.url;
      },
      allowedDuplicates: (outcome) => outcome.kills,
      fault: async (run) => {
        if (!proxy) throw new Error('the SMTP proxy was not started');
        const kills = short ? 1 : 3;
        const recoveriesMs: number[] = [];
        let senderKilledAt = 0;
        for (let kill = 0; kill < kills; kill += 1) {
          const armedAt = Date.now();
          proxy.holdAcceptances();
          await waitFor(
            'a message accepted while its acceptance is held back',
            async () => run.sink.received.some((message) => message.receivedAt >= armedAt),
            Boolean,
            { timeoutMs: 60_000, intervalMs: 10 },
          );
          log('kill -9 notifications between SMTP acceptance and the ledger update');
          const killedAt = Date.now();
          senderKilledAt = killedAt;
          await sigkill(run.platform.service('notifications'));
          proxy.releaseAcceptances();
          await run.platform.restart('notifications');
          recoveriesMs.push(await firstEmailAfter(run.sink, killedAt));
          await sleep(2_000);
        }
        return { kills, recoveriesMs, notes: [], failures: [], senderKilledAt };
      },
    },
    log,
  ).finally(() => proxy?.close());
};

/**
 * 7. notifications scaled out to two, then three instances in one consumer group (the topics have
 * six partitions so that each instance gets some), then one killed -9 and not replaced.
 */
export const scaleOutNotifications: Scenario = ({ shape = FULL_LOAD, short = false, log }) =>
  runScenario(
    {
      id: 'scale-out-notifications',
      title: 'two, then three notifications instances in one consumer group, one killed -9',
      expectation:
        'lost 0, duplicated 0, order per aggregate kept (a kill inside an SMTP hand-over could add one ' +
        'flagged duplicate per sending lane, as in kill-sender-after-acceptance)',
      shape,
      environment: {
        ...Object.fromEntries(SERVICE_NAMES.map((name) => [name, { KAFKA_TOPIC_PARTITIONS: '6' }])),
        notifications: { KAFKA_TOPIC_PARTITIONS: '6', SENDER_CONCURRENCY: String(SENDER_LANES) },
      },
      allowedDuplicates: (outcome) => outcome.kills * SENDER_LANES,
      fault: async (run) => {
        const pause = short ? 3_000 : 8_000;
        log('a second notifications instance');
        await run.platform.scaleOut('notifications');
        await sleep(pause);
        log('a third notifications instance');
        const third = await run.platform.scaleOut('notifications');
        await sleep(pause);
        log('kill -9 one of the three');
        const killedAt = Date.now();
        await sigkill(third);
        // The dead member's partitions wait until the group notices it is gone: what was committed
        // to them just after the kill is the slowest to arrive.
        await sleep(5_000);
        const recoveryMs = await slowestEmailFor(run, killedAt, Date.now());
        return {
          kills: 1,
          recoveriesMs: [recoveryMs],
          senderKilledAt: killedAt,
          notes: [
            `1 → 2 → 3 instances, ${pause / 1000} s apart, then one killed; the slowest email for the ` +
              `events committed in the 5 s after the kill arrived ${(recoveryMs / 1000).toFixed(1)} s after its event`,
          ],
          failures: [],
        };
      },
    },
    log,
  );

/** Waits for the emails due for events committed between `from` and `to`: the slowest's delay in ms. */
async function slowestEmailFor(run: UnderLoad, from: number, to: number): Promise<number> {
  const within = (committedAt: number) => committedAt >= from && committedAt <= to;
  const state = await waitFor(
    'the emails due for what was committed after the kill',
    run.reconcile,
    (candidate) => candidate.lost.every((loss) => !within(loss.event.committedAt)),
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const arrivals = new Map<string, number>();
  for (const message of run.sink.received)
    if (message.eventId && !arrivals.has(message.eventId)) arrivals.set(message.eventId, message.receivedAt);
  const delays = state.dueEvents
    .filter((event) => within(event.committedAt))
    .map((event) => (arrivals.get(event.eventId) ?? Number.NaN) - event.committedAt);
  return Math.max(0, ...delays);
}
