import { createHook } from 'node:async_hooks';
import type { Consumer, Producer } from 'kafkajs';
import { createTopic, testInfrastructure, uniqueName, uniqueTopicPrefix, waitFor } from '@vouch/testing';
import { createKafka } from '../src';

/** Timers this process sets in `ms`: each is a wake-up of its event loop. */
async function timersSetWithin(ms: number): Promise<number> {
  let timers = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'Timeout') timers += 1;
    },
  });
  hook.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  hook.disable();
  return timers;
}

describe('a Kafka client made by createKafka', () => {
  const { kafkaBrokers } = testInfrastructure();
  const topic = `${uniqueTopicPrefix('timers')}idle`;
  const kafka = createKafka({
    brokers: kafkaBrokers,
    clientId: uniqueName('timers'),
    topicPrefix: '',
    topicPartitions: 3,
    deadLetterRetentionDays: 14,
  });
  let consumer: Consumer | undefined;
  let producer: Producer | undefined;

  beforeAll(() => createTopic(kafkaBrokers, topic, 3));

  afterEach(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    consumer = producer = undefined;
  });

  it('lets the process sleep while its consumer waits on an idle topic', async () => {
    consumer = kafka.consumer({ groupId: uniqueName('timers') });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
    await waitFor(
      'the consumer to join its group',
      () => Promise.resolve(joined),
      (hasJoined) => hasJoined,
      { timeoutMs: 30_000 },
    );

    // kafkajs 2.2.4 alone re-arms a timer every millisecond per connection (over 1,000 a second);
    // what is left are its heartbeats, its fetch's long poll and its request timeouts' checks.
    expect(await timersSetWithin(2_000)).toBeLessThan(100);
  });

  it('still sends requests queued behind the in-flight limit', async () => {
    const limited = kafka.producer({ maxInFlightRequests: 1 });
    producer = limited;
    await limited.connect();

    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        limited.send({ topic, messages: [{ key: String(index % 3), value: `message ${index}` }] }),
      ),
    );

    expect(sent.flat()).toHaveLength(20);
    expect(sent.flat().every((metadata) => metadata.errorCode === 0)).toBe(true);
  });
});
