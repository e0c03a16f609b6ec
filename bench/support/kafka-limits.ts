import { performance } from 'node:perf_hooks';
import {
  Consumer as PlatformaticConsumer,
  Producer as PlatformaticProducer,
  stringDeserializers,
  stringSerializers,
} from '@platformatic/kafka';
import {
  Partitioners,
  type Consumer as KafkajsConsumer,
  type Kafka,
  type Producer as KafkajsProducer,
} from 'kafkajs';
import { createTopic, testKafka, uniqueName, uniqueTopicPrefix } from '@vouch/testing';
import { machineCpuMsDuring } from './machine';
import { perSecond, round, summarizeLatencies, type LatencySummary } from './stats';

/** How much one client is pushed. */
export interface KafkaLoad {
  /** Messages in the throughput run. */
  messages: number;
  /** Messages per `send`, one send in flight at a time: the outbox relay's way (its batch is 500). */
  batchSize: number;
  /** Messages sent one by one, each after the previous one arrived: latency without load. */
  singleMessages: number;
  partitions: number;
}

export interface KafkaLimits {
  client: string;
  messageBytes: number;
  load: KafkaLoad;
  /** Messages acknowledged (acks=-1) per second, first send to last acknowledgement. */
  producedPerSecond: number;
  /** Messages consumed per second, first send to last message consumed. */
  consumedPerSecond: number;
  /** MB/s (10^6 bytes) consumed. */
  consumedMegabytesPerSecond: number;
  /** Send → consume of each message of the throughput run: latency at the client's limit. */
  loadedLatencyMs: LatencySummary;
  /** Send → consume of one message at a time. */
  singleMessageLatencyMs: LatencySummary;
  /** The machine's CPU (ms, all processes: the client and the broker) per message of the throughput run. */
  cpuMsPerMessage: number;
}

/** What a benchmark needs of a Kafka client: send batches, consume one topic from the start. */
interface KafkaClientUnderTest {
  readonly name: string;
  /** Starts consuming `topic` from its beginning in a consumer group of its own. */
  consume(topic: string, onValue: (value: string) => void): Promise<void>;
  /** Sends with acks=-1 through an idempotent producer and resolves once acknowledged. */
  send(topic: string, messages: Array<{ key: string; value: string }>): Promise<void>;
  close(): Promise<void>;
}

export const MESSAGE_BYTES = 1024;
const ARRIVAL_TIMEOUT_MS = 120_000;

/** kafkajs as the services use it: the relay's producer settings, a consumer taking whole batches. */
class KafkajsUnderTest implements KafkaClientUnderTest {
  readonly name = 'kafkajs 2.2.4';
  private readonly kafka: Kafka;
  private readonly producer: KafkajsProducer;
  private consumer?: KafkajsConsumer;

  constructor(brokers: string[]) {
    this.kafka = testKafka(brokers);
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async consume(topic: string, onValue: (value: string) => void): Promise<void> {
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: uniqueName('bench_kafkajs') });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic, fromBeginning: true });
    await this.consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) onValue(message.value?.toString() ?? '');
      },
    });
  }

  async send(topic: string, messages: Array<{ key: string; value: string }>): Promise<void> {
    await this.producer.send({ topic, acks: -1, messages });
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer.disconnect();
  }
}

class PlatformaticUnderTest implements KafkaClientUnderTest {
  readonly name = '@platformatic/kafka 2.12.1';
  private readonly producer: PlatformaticProducer<string, string, string, string>;
  private readonly consumer: PlatformaticConsumer<string, string, string, string>;
  private stream?: { close(): Promise<void> };

  constructor(brokers: string[]) {
    this.producer = new PlatformaticProducer({
      clientId: uniqueName('bench_platformatic'),
      bootstrapBrokers: brokers,
      serializers: stringSerializers,
      idempotent: true,
      acks: -1,
    });
    this.consumer = new PlatformaticConsumer({
      groupId: uniqueName('bench_platformatic'),
      clientId: uniqueName('bench_platformatic'),
      bootstrapBrokers: brokers,
      deserializers: stringDeserializers,
    });
  }

  async consume(topic: string, onValue: (value: string) => void): Promise<void> {
    const stream = await this.consumer.consume({ topics: [topic], mode: 'earliest' });
    stream.on('data', (message) => onValue(message.value));
    this.stream = stream;
  }

  async send(topic: string, messages: Array<{ key: string; value: string }>): Promise<void> {
    await this.producer.send({ messages: messages.map((message) => ({ topic, ...message })), acks: -1 });
  }

  async close(): Promise<void> {
    await this.stream?.close();
    await this.consumer.close();
    await this.producer.close();
  }
}

/**
 * Arrivals of the messages of one run, each of which carries its run's name and the moment it was
 * sent (`performance.now()`, this process's clock) ahead of its padding.
 */
class Arrivals {
  readonly latenciesMs: number[] = [];
  lastArrivalAt = 0;
  private waiting?: { count: number; resolve: () => void };

  constructor(readonly run: string) {}

  static message(run: string, index: number): { key: string; value: string } {
    const head = `${run}|${performance.now()}|`;
    return { key: `${run}-${index}`, value: head.padEnd(MESSAGE_BYTES, 'x') };
  }

  record(value: string): void {
    const [run, sentAt] = value.split('|', 2);
    if (run !== this.run) return;
    this.lastArrivalAt = performance.now();
    this.latenciesMs.push(this.lastArrivalAt - Number(sentAt));
    if (this.waiting && this.latenciesMs.length >= this.waiting.count) this.waiting.resolve();
  }

  /** Resolves once `count` messages of this run arrived in all. */
  async until(count: number): Promise<void> {
    if (this.latenciesMs.length >= count) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        new Promise<void>((resolve) => (this.waiting = { count, resolve })),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${this.run}: ${this.latenciesMs.length} of ${count} messages arrived`)),
            ARRIVAL_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}

async function measureClient(
  client: KafkaClientUnderTest,
  brokers: string[],
  load: KafkaLoad,
  log: (line: string) => void,
): Promise<KafkaLimits> {
  const topic = `${uniqueTopicPrefix('bench_kafka')}limits`;
  await createTopic(brokers, topic, load.partitions);
  const runs = {
    warmUp: new Arrivals('warm-up'),
    single: new Arrivals('single'),
    load: new Arrivals('load'),
  };
  try {
    await client.consume(topic, (value) => Object.values(runs).forEach((run) => run.record(value)));
    // The first message waits for the consumer group to form: it is not a measurement.
    await client.send(topic, [Arrivals.message(runs.warmUp.run, 0)]);
    await runs.warmUp.until(1);

    for (let index = 0; index < load.singleMessages; index += 1) {
      await client.send(topic, [Arrivals.message(runs.single.run, index)]);
      await runs.single.until(index + 1);
    }
    log(`kafka ${client.name}: ${load.singleMessages} single messages done; ${load.messages} in batches`);

    const startedAt = performance.now();
    let acknowledgedAt = startedAt;
    const cpuMs = await machineCpuMsDuring(async () => {
      for (let sent = 0; sent < load.messages; sent += load.batchSize) {
        const count = Math.min(load.batchSize, load.messages - sent);
        await client.send(
          topic,
          Array.from({ length: count }, (_, offset) => Arrivals.message(runs.load.run, sent + offset)),
        );
      }
      acknowledgedAt = performance.now();
      await runs.load.until(load.messages);
    });
    const consumedMs = runs.load.lastArrivalAt - startedAt;
    return {
      client: client.name,
      messageBytes: MESSAGE_BYTES,
      load,
      producedPerSecond: perSecond(load.messages, acknowledgedAt - startedAt),
      consumedPerSecond: perSecond(load.messages, consumedMs),
      consumedMegabytesPerSecond: round((load.messages * MESSAGE_BYTES) / 1000 / consumedMs, 2),
      loadedLatencyMs: summarizeLatencies(runs.load.latenciesMs),
      singleMessageLatencyMs: summarizeLatencies(runs.single.latenciesMs),
      cpuMsPerMessage: round(cpuMs / load.messages, 3),
    };
  } finally {
    await client.close();
    await deleteTopic(brokers, topic);
  }
}

async function deleteTopic(brokers: string[], topic: string): Promise<void> {
  const admin = testKafka(brokers).admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}

/** Produce → consume through a fresh topic, with kafkajs and with @platformatic/kafka in turn. */
export async function measureKafka(
  brokers: string[],
  load: KafkaLoad,
  log: (line: string) => void,
): Promise<KafkaLimits[]> {
  const results: KafkaLimits[] = [];
  for (const client of [new KafkajsUnderTest(brokers), new PlatformaticUnderTest(brokers)]) {
    log(`kafka ${client.name}: starting`);
    const limits = await measureClient(client, brokers, load, log);
    log(
      `kafka ${client.name}: produced ${limits.producedPerSecond}/s, consumed ${limits.consumedPerSecond}/s, ` +
        `loaded latency p50 ${limits.loadedLatencyMs.p50} ms p99 ${limits.loadedLatencyMs.p99} ms, single ` +
        `p50 ${limits.singleMessageLatencyMs.p50} ms p99 ${limits.singleMessageLatencyMs.p99} ms, ` +
        `${limits.cpuMsPerMessage} ms of CPU per message`,
    );
    results.push(limits);
  }
  return results;
}
