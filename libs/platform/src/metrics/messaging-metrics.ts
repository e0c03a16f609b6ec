import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { KafkaEventConsumer, OutboxStore } from '@vouch/messaging';
import { ServiceMetrics } from './metrics';

/**
 * The event backbone as an operator watches it: the outbox backlog and the age of its oldest event
 * (the relay is stuck or Kafka is down when it grows), the events parked in the outbox, consumer
 * lag per partition, dead letters.
 */
@Injectable()
export class MessagingMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly outboxStore: OutboxStore,
    private readonly consumer: KafkaEventConsumer,
  ) {}

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const lag = new Gauge({
      name: 'messaging_consumer_lag',
      help: 'Messages of a partition not yet processed by this instance, after its last batch',
      labelNames: ['topic', 'partition'] as const,
      registers,
    });
    const deadLetters = new Counter({
      name: 'messaging_dead_letters_total',
      help: 'Messages parked on a dead-letter topic, by source topic and reason',
      labelNames: ['topic', 'reason'] as const,
      registers,
    });
    this.consumer.observe({
      lagMeasured: (topic, partition, behind) => lag.set({ topic, partition: String(partition) }, behind),
      deadLettered: (topic, reason) => deadLetters.inc({ topic, reason }),
    });

    // Read from the table at scrape time: every instance reports the same shared backlog. Parked
    // events wait for an operator, not for the relay: they are counted apart.
    const outbox = () => this.outboxStore.backlog();
    new Gauge({
      name: 'messaging_outbox_unpublished',
      help: 'Events committed but not yet published to Kafka',
      registers,
      async collect() {
        this.set((await outbox()).unpublished);
      },
    });
    new Gauge({
      name: 'messaging_outbox_oldest_unpublished_age_seconds',
      help: 'How long the oldest unpublished event has waited in the outbox',
      registers,
      async collect() {
        this.set((await outbox()).oldestUnpublishedAgeSeconds);
      },
    });
    new Gauge({
      name: 'messaging_outbox_parked',
      help: 'Events Kafka refused for good, and the later events of their keys, parked until an operator releases them',
      registers,
      async collect() {
        this.set((await outbox()).parked);
      },
    });
  }
}
