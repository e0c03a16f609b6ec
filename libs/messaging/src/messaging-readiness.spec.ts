import type { Kafka } from 'kafkajs';
import type { KafkaEventConsumer } from './consumer/kafka-event-consumer';
import { MessagingReadiness } from './messaging-readiness';
import type { OutboxRelay } from './outbox/outbox-relay';

/** A Kafka whose admin connects when `answer` is called: until then it hangs, as behind a partition. */
function silentKafka() {
  let answer = (): void => undefined;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const admin = jest.fn(() => ({
    connect: () => answered,
    describeCluster: async () => ({ brokers: [] }),
    disconnect: async () => undefined,
  }));
  return { kafka: { admin } as unknown as Kafka, admin, answer: () => answer() };
}

const relay = { isRunning: () => true, isLeader: () => true } as unknown as OutboxRelay;
const consumer = { health: () => ({ state: 'running' }) } as unknown as KafkaEventConsumer;

describe('MessagingReadiness', () => {
  it('asks Kafka once while a probe waits for its answer, and every caller gets that answer', async () => {
    const { kafka, admin, answer } = silentKafka();
    const readiness = new MessagingReadiness(kafka, relay, consumer);

    const checks = [readiness.check(), readiness.check(), readiness.check()];
    expect(admin).toHaveBeenCalledTimes(1);
    answer();

    await expect(Promise.all(checks)).resolves.toEqual(
      Array.from({ length: 3 }, () => ({ ok: true, detail: 'relay leading' })),
    );
    expect(admin).toHaveBeenCalledTimes(1);
  });
});
