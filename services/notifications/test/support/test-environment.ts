import { randomBytes } from 'node:crypto';
import type { TestTokenAuthority } from '@vouch/testing';

/** Where a notifications instance under test runs: its database, its topics, its SMTP server. */
export interface TestInstancePlace {
  authority: TestTokenAuthority;
  databaseUrl: string;
  kafkaBrokers: string[];
  topicPrefix: string;
  partitions: number;
  smtpUrl: string;
}

/**
 * The environment every notifications instance under test starts with, in this process or as a
 * process of its own; each test adds what it is about.
 */
export function testEnvironment(place: TestInstancePlace): Record<string, string> {
  return {
    ...place.authority.environment,
    DATABASE_URL: place.databaseUrl,
    KAFKA_BROKERS: place.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: place.topicPrefix,
    KAFKA_TOPIC_PARTITIONS: String(place.partitions),
    SMTP_URL: place.smtpUrl,
    UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
    SENDER_POLL_INTERVAL_MS: '100',
    // Each email due at once whatever the hour a test runs (outside the default 08:00-20:00 every
    // one would wait for the morning); the quiet hours' own test sets them.
    WORKING_HOURS: '00:00-24:00',
  };
}
