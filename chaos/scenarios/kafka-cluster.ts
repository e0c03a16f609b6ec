import { setTimeout as sleep } from 'node:timers/promises';
import {
  DedicatedKafkaCluster,
  SERVICE_NAMES,
  waitFor,
  type PartitionState,
  type SmtpSink,
} from '@vouch/testing';
import {
  FULL_LOAD,
  firstEmailAfter,
  runScenario,
  type FaultOutcome,
  type LoadShape,
  type ScenarioResult,
  type UnderLoad,
} from '../support/harness';
import { type Log, type Scenario, servicesNotReady } from './common';

/** How long the killed broker stays down: well past the brokers' session timeout (9 s), which fences it. */
const KILLED_FOR_MS = 30_000;
/** How long a broker back from a restart may take to catch up on every partition it replicates. */
const IN_SYNC_TIMEOUT_MS = 180_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const orNever = (ms: number | undefined) => (ms === undefined ? 'never' : seconds(ms));

/**
 * A rolling restart of a three-broker cluster under load: each broker stopped (SIGTERM, a
 * controlled shutdown that hands its leaderships on first) and started again, the next one only
 * once every partition is back in sync on all three.
 */
export const kafkaClusterRollingRestart: Scenario = ({ shape = FULL_LOAD, short = false, log }) =>
  onCluster(
    {
      id: 'kafka-cluster-rolling-restart',
      title:
        'a rolling restart of a three-broker Kafka cluster (replication factor 3, min.insync.replicas 2)',
      expectation:
        'emails keep flowing while each broker restarts; lost 0, duplicated 0; every partition back in sync ' +
        'on 3 brokers before the next; recovery = from a broker stop until then',
      shape,
      log,
    },
    async (run, cluster) => {
      const nodes = short ? DedicatedKafkaCluster.NODE_IDS.slice(0, 1) : DedicatedKafkaCluster.NODE_IDS;
      const outcome: FaultOutcome = { kills: 0, recoveriesMs: [], notes: [], failures: [] };
      for (const id of nodes) {
        log(`stopping Kafka node ${id} (SIGTERM)`);
        const stoppedAt = Date.now();
        await cluster.stop(id);
        const shutdownMs = Date.now() - stoppedAt;
        await cluster.up();
        const answeredMs = Date.now() - stoppedAt;
        const inSyncAt = await inSyncAgain(cluster);
        outcome.kills += 1;
        if (inSyncAt === undefined) {
          outcome.failures.push(`node ${id}'s partitions not back in sync on 3 brokers after its restart`);
          break;
        }
        log(`node ${id} back, every partition in sync ${inSyncAt - stoppedAt} ms after its stop`);
        outcome.recoveriesMs.push(inSyncAt - stoppedAt);
        outcome.notes.push(
          `node ${id}: controlled shutdown ${seconds(shutdownMs)}, answering again ${seconds(answeredMs)} after ` +
            `the stop, every partition in sync on 3 brokers ${seconds(inSyncAt - stoppedAt)} after it ` +
            `(under-replicated meanwhile); longest gap between emails ` +
            `${seconds(await longestEmailGap(run.sink, stoppedAt, inSyncAt))}`,
        );
      }
      outcome.failures.push(...(await notReady(run)));
      return outcome;
    },
  );

/**
 * The broker that leads most partitions killed with `kill -9` under load, kept down 30 s, then
 * started again on its data: the other two elect new leaders from the in-sync replicas and,
 * two being min.insync.replicas, keep acknowledging writes.
 */
export const kafkaClusterBrokerKill: Scenario = ({ shape = FULL_LOAD, short = false, log }) =>
  onCluster(
    {
      id: 'kafka-cluster-broker-kill',
      title:
        'the leader of most partitions of a three-broker Kafka cluster killed -9, started again 30 s later',
      expectation:
        'emails keep flowing on the other two brokers; lost 0, duplicated 0; every partition back in sync ' +
        'on 3 brokers after the restart; recovery = from the kill until then',
      shape,
      log,
    },
    async (run, cluster) => {
      const partitions = await cluster.partitions();
      const leaders = DedicatedKafkaCluster.NODE_IDS.map((id) => ({
        id,
        leads: partitions.filter((partition) => partition.leader === id).length,
      }));
      const victim = leaders.reduce((most, node) => (node.leads > most.leads ? node : most));
      log(`kill -9 Kafka node ${victim.id}, leader of ${victim.leads} of ${partitions.length} partitions`);
      const killedAt = Date.now();
      await cluster.kill(victim.id);
      const [firstEmailMs, reelectedMs] = await Promise.all([
        firstEmailAfter(run.sink, killedAt).catch(() => undefined),
        waitFor(
          `every partition led by a broker other than node ${victim.id}`,
          async () => cluster.partitions().catch((): PartitionState[] => []),
          (now) =>
            now.length > 0 &&
            now.every((partition) => partition.leader >= 0 && partition.leader !== victim.id),
          { timeoutMs: 60_000, intervalMs: 200 },
        ).then(
          () => Date.now() - killedAt,
          () => undefined,
        ),
      ]);
      await sleep(Math.max(0, killedAt + (short ? 10_000 : KILLED_FOR_MS) - Date.now()));
      log(`starting Kafka node ${victim.id} again`);
      const startedAt = Date.now();
      await cluster.up();
      const answeredMs = Date.now() - startedAt;
      const inSyncAt = await inSyncAgain(cluster);
      const inSyncMs = inSyncAt === undefined ? undefined : inSyncAt - killedAt;
      const longestGapMs = await longestEmailGap(run.sink, killedAt, inSyncAt ?? Date.now());
      return {
        kills: 1,
        recoveriesMs: inSyncMs === undefined ? [] : [inSyncMs],
        notes: [
          `node ${victim.id} killed, the leader of ${victim.leads} of ${partitions.length} partitions (leaders ` +
            `before: ${leaders.map((node) => `node ${node.id} ${node.leads}`).join(', ')})`,
          `every partition led by one of the other two ${orNever(reelectedMs)} after the kill; first email ` +
            `after the kill ${orNever(firstEmailMs)}`,
          `started again ${seconds(startedAt - killedAt)} after the kill, answering ${seconds(answeredMs)} ` +
            `later; every partition in sync on 3 brokers ${orNever(inSyncMs)} after the ` +
            `kill (under-replicated meanwhile)`,
          `longest gap between emails from the kill until in sync: ${seconds(longestGapMs)}`,
        ],
        failures: [
          ...(firstEmailMs === undefined ? ['no email within 2 minutes of the kill'] : []),
          ...(reelectedMs === undefined ? [`node ${victim.id}'s partitions got no other leader`] : []),
          ...(inSyncMs === undefined
            ? ['the partitions are not back in sync on 3 brokers after the restart']
            : []),
          ...(await notReady(run)),
        ],
      };
    },
  );

/**
 * Runs a scenario against a dedicated three-broker cluster (never the shared broker), its topics
 * checked to be on three brokers with min.insync.replicas 2 before the fault strikes.
 */
async function onCluster(
  scenario: { id: string; title: string; expectation: string; shape: LoadShape; log: Log },
  fault: (run: UnderLoad, cluster: DedicatedKafkaCluster) => Promise<FaultOutcome>,
): Promise<ScenarioResult> {
  const { log, ...setup } = scenario;
  log(`${setup.id}: starting a three-broker Kafka cluster`);
  const cluster = await DedicatedKafkaCluster.start();
  const onThreeBrokers = {
    KAFKA_BROKERS: cluster.brokers.join(','),
    // Three partitions a topic, so that each broker leads some of every topic's.
    KAFKA_TOPIC_PARTITIONS: '3',
  };
  try {
    return await runScenario(
      {
        ...setup,
        environment: Object.fromEntries(SERVICE_NAMES.map((name) => [name, onThreeBrokers])),
        fault: async (run) => {
          const replication = await replicationOf(run, cluster);
          const outcome = await fault(run, cluster);
          return {
            ...outcome,
            notes: [replication.note, ...outcome.notes],
            failures: [...replication.failures, ...outcome.failures],
          };
        },
      },
      log,
    );
  } finally {
    await cluster.destroy();
  }
}

/** How the platform's topics, as its services created them, are replicated. */
async function replicationOf(
  run: UnderLoad,
  cluster: DedicatedKafkaCluster,
): Promise<{ note: string; failures: string[] }> {
  const partitions = (await cluster.partitions()).filter((partition) =>
    partition.topic.startsWith(run.platform.topicPrefix),
  );
  const topics = [...new Set(partitions.map((partition) => partition.topic))];
  const minInsync = await cluster.minInsyncReplicas(topics);
  const notOnThree = partitions.filter((partition) => partition.replicas.length !== 3);
  const laxTopics = topics.filter((topic) => minInsync.get(topic) !== 2);
  return {
    note:
      `the services created ${topics.length} topics, ${partitions.length} partitions: ` +
      `${partitions.length - notOnThree.length} on 3 brokers, ` +
      `${topics.length - laxTopics.length} with min.insync.replicas 2`,
    failures: [
      ...(topics.length === 0 ? ['the services created no topic'] : []),
      ...(notOnThree.length > 0 ? [`${notOnThree.length} partitions not on 3 brokers`] : []),
      ...laxTopics.map((topic) => `${topic}: min.insync.replicas ${minInsync.get(topic)}, not 2`),
    ],
  };
}

/** When every partition of the cluster was seen in sync on all its replicas; undefined if not in time. */
async function inSyncAgain(cluster: DedicatedKafkaCluster): Promise<number | undefined> {
  return waitFor(
    'every partition in sync on all its replicas',
    async () => cluster.partitions().catch((): PartitionState[] => []),
    (partitions) =>
      partitions.length > 0 &&
      partitions.every(
        (partition) => partition.leader >= 0 && partition.isr.length === partition.replicas.length,
      ),
    { timeoutMs: IN_SYNC_TIMEOUT_MS, intervalMs: 500 },
  ).then(
    () => Date.now(),
    () => undefined,
  );
}

/**
 * The longest time without an email from `from` until `to`, counting from the last email before
 * `from` to the first after `to` (waited for; now, if none comes).
 */
async function longestEmailGap(sink: SmtpSink, from: number, to: number): Promise<number> {
  await firstEmailAfter(sink, to).catch(() => undefined);
  const times = sink.received.map((message) => message.receivedAt).sort((a, b) => a - b);
  const window = [
    ...times.filter((at) => at < from).slice(-1),
    ...times.filter((at) => at >= from && at <= to),
    times.find((at) => at > to) ?? Date.now(),
  ];
  return Math.max(0, ...window.slice(1).map((at, index) => at - (window[index] ?? at)));
}

async function notReady(run: UnderLoad): Promise<string[]> {
  return (await servicesNotReady(run)).map((name) => `${name} is not ready after the cluster's restarts`);
}
