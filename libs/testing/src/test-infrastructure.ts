/** Endpoints of the real servers the integration tests' global setup provided. */
export interface TestInfrastructure {
  kafkaBrokers: string[];
  databaseUrl: string;
  smtpUrl: string;
  maildevUrl: string;
}

export function testInfrastructure(): TestInfrastructure {
  const { KAFKA_BROKERS, DATABASE_URL, SMTP_URL, MAILDEV_URL } = process.env;
  if (!KAFKA_BROKERS || !DATABASE_URL || !SMTP_URL || !MAILDEV_URL) {
    throw new Error(
      'KAFKA_BROKERS, DATABASE_URL, SMTP_URL and MAILDEV_URL are not all set: run integration tests through ' +
        '`npm test` or `jest --selectProjects integration`, whose global setup provides them',
    );
  }
  return {
    kafkaBrokers: KAFKA_BROKERS.split(','),
    databaseUrl: DATABASE_URL,
    smtpUrl: SMTP_URL,
    maildevUrl: MAILDEV_URL,
  };
}

/** A name no other test file or run uses: for databases, topic prefixes, consumer groups. */
export function uniqueName(label: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${label}_${Date.now().toString(36)}_${random}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}
