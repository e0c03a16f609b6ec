import {
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type INestApplication,
  type ModuleMetadata,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventCatalogue, PlatformEvents, type EventDefinition } from '@vouch/contracts';
import { defaultDatabaseTimeouts, type DatabaseTimeouts } from '@vouch/persistence';
import { createKafka, type KafkaSettings } from './kafka/kafka-settings';
import { Outbox } from './outbox/outbox';
import { OutboxRelay, defaultOutboxRelaySettings, type OutboxRelaySettings } from './outbox/outbox-relay';
import { OutboxStore } from './outbox/outbox-store';
import { InboxStore } from './inbox/inbox';
import { MessagingReadiness } from './messaging-readiness';
import { UnitOfWork } from './unit-of-work/unit-of-work';
import { defaultEventConsumerSettings, type EventConsumerSettings } from './consumer/event-consumer-settings';
import { KafkaEventConsumer } from './consumer/kafka-event-consumer';

export interface MessagingOptions {
  /** The service's name: its events' source (`/vouch/<name>`) and its consumer group. */
  serviceName: string;
  kafka: KafkaSettings;
  /** The service's database, for the relay's own connection. */
  databaseUrl: string;
  /** The relay's own connection's time limits, as the service's pool has them; the defaults unset. */
  databaseTimeouts?: Partial<DatabaseTimeouts>;
  relay?: Partial<Omit<OutboxRelaySettings, 'databaseUrl'>>;
  consumer?: Partial<EventConsumerSettings>;
  /** Events the consumer can validate; the platform's own by default. */
  events?: readonly EventDefinition[];
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

/**
 * The event backbone of a service: the outbox its use cases write to (through the unit of work), the relay that publishes it,
 * and the consumer host its `@HandlesEvent` handlers run in. Needs TypeORM's DataSource.
 */
@Module({})
export class MessagingModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(OutboxRelay) private readonly relay: OutboxRelay) {}

  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: KAFKA,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => createKafka(o.kafka),
        },
        {
          provide: Outbox,
          inject: [MESSAGING_OPTIONS],
          useFactory: (o: MessagingOptions) => new Outbox(`/vouch/${o.serviceName}`),
        },
        {
          provide: UnitOfWork,
          inject: [DataSource, Outbox],
          useFactory: (dataSource: DataSource, outbox: Outbox) => new UnitOfWork(dataSource, outbox),
        },
        {
          provide: OutboxStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new OutboxStore(dataSource),
        },
        {
          provide: OutboxRelay,
          inject: [OutboxStore, DataSource, KAFKA, MESSAGING_OPTIONS],
          useFactory: (store: OutboxStore, dataSource: DataSource, kafka: Kafka, o: MessagingOptions) =>
            new OutboxRelay(store, new InboxStore(dataSource), kafka, o.kafka, {
              ...defaultOutboxRelaySettings,
              ...o.relay,
              databaseUrl: o.databaseUrl,
              databaseTimeouts: { ...defaultDatabaseTimeouts, ...o.databaseTimeouts },
            }),
        },
        {
          provide: KafkaEventConsumer,
          inject: [KAFKA, DataSource, MESSAGING_OPTIONS],
          useFactory: (kafka: Kafka, dataSource: DataSource, o: MessagingOptions) =>
            new KafkaEventConsumer(
              kafka,
              o.kafka,
              dataSource,
              new EventCatalogue(o.events ?? PlatformEvents),
              {
                ...defaultEventConsumerSettings,
                group: o.serviceName,
                ...o.consumer,
              },
            ),
        },
        {
          provide: MessagingReadiness,
          inject: [KAFKA, OutboxRelay, KafkaEventConsumer, MESSAGING_OPTIONS],
          useFactory: (kafka: Kafka, relay: OutboxRelay, consumer: KafkaEventConsumer, o: MessagingOptions) =>
            new MessagingReadiness(kafka, relay, consumer, o.kafka.connection),
        },
      ],
      exports: [Outbox, UnitOfWork, OutboxStore, OutboxRelay, KafkaEventConsumer, MessagingReadiness, KAFKA],
    };
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Before the database closes: the batch in flight is marked published, or left for the next leader. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** Connects the service's `@HandlesEvent` handlers to Kafka and starts consuming. */
export async function startEventConsumer(app: INestApplication): Promise<KafkaEventConsumer> {
  const consumer = app.get(KafkaEventConsumer);
  app.connectMicroservice({ strategy: consumer });
  await app.startAllMicroservices();
  return consumer;
}
