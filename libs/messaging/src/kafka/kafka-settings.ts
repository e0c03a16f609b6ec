import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { Logger } from '@nestjs/common';

/** Where a service's Kafka is and how its topics are named. */
export interface KafkaSettings {
  brokers: string[];
  /** Identifies this process to the brokers (`<service>-<host>-<pid>`). */
  clientId: string;
  /**
   * Prepended to every topic name, empty in production. Lets tests and several local setups share
   * one broker without seeing each other's events.
   */
  topicPrefix: string;
  /** Partitions of topics this service creates; enough for consumers to scale out. */
  topicPartitions: number;
}

/** The name a logical topic has on the broker. */
export function physicalTopic(settings: Pick<KafkaSettings, 'topicPrefix'>, topic: string): string {
  return `${settings.topicPrefix}${topic}`;
}

/** A kafkajs client whose logs go through Nest's logger, warnings and errors only. */
export function createKafka(settings: KafkaSettings): Kafka {
  const logger = new Logger('Kafka');
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    connectionTimeout: 3_000,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        const line = `${message} ${JSON.stringify(extra)}`;
        if (level <= logLevel.ERROR) logger.error(line);
        else logger.warn(line);
      },
  });
}
