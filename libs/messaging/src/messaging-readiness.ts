import type { Kafka } from 'kafkajs';
import type { KafkaEventConsumer } from './consumer/kafka-event-consumer';
import { explainKafkaError, type KafkaConnection } from '@vouch/kafka-client';
import type { OutboxRelay } from './outbox/outbox-relay';

const KAFKA_PROBE_CACHE_MS = 5_000;

/**
 * Whether the service's event backbone can work: Kafka answers, the relay runs, and the consumer
 * has joined its group (or has nothing to consume). Kafka is asked at most every few seconds, so
 * frequent probes from an orchestrator cost the brokers nothing.
 */
export class MessagingReadiness {
  readonly name = 'messaging';
  private lastProbe?: { at: number; reachable: boolean; detail?: string };
  private probing?: Promise<{ reachable: boolean; detail?: string }>;

  constructor(
    private readonly kafka: Kafka,
    private readonly relay: OutboxRelay,
    private readonly consumer: KafkaEventConsumer,
    private readonly connection: KafkaConnection = {},
  ) {}

  async check(): Promise<{ ok: boolean; detail?: string }> {
    const kafka = await this.probeKafka();
    if (!kafka.reachable) return { ok: false, detail: `Kafka unreachable: ${kafka.detail}` };
    if (!this.relay.isRunning()) return { ok: false, detail: 'outbox relay not running' };
    const consumer = this.consumer.health();
    if (consumer.state !== 'running') {
      return {
        ok: false,
        detail: `consumer ${consumer.state}${consumer.lastError ? `: ${consumer.lastError}` : ''}`,
      };
    }
    return { ok: true, detail: this.relay.isLeader() ? 'relay leading' : 'relay standing by' };
  }

  private async probeKafka(): Promise<{ reachable: boolean; detail?: string }> {
    if (this.lastProbe && Date.now() - this.lastProbe.at < KAFKA_PROBE_CACHE_MS) return this.lastProbe;
    // One probe at a time: behind a network partition a probe's connection is accepted (by a proxy
    // or a load balancer) and its request waits out kafkajs' 30 s timeout, far beyond the readiness
    // check's own; every readiness call meanwhile would open another connection.
    this.probing ??= this.askKafka().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  private async askKafka(): Promise<{ reachable: boolean; detail?: string }> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      await admin.describeCluster();
      this.lastProbe = { at: Date.now(), reachable: true };
    } catch (error) {
      this.lastProbe = {
        at: Date.now(),
        reachable: false,
        detail: explainKafkaError(error, this.connection),
      };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    return this.lastProbe;
  }
}
