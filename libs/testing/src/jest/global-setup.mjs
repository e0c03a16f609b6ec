// @ts-check
import { provideInfrastructure } from './infrastructure.mjs';

/** Starts (or finds) the infrastructure once for all integration test files. */
export default async function globalSetup() {
  const log = (/** @type {string} */ line) => process.stderr.write(`[test infra] ${line}\n`);
  const started = Date.now();
  const provided = await provideInfrastructure(log);
  process.env.KAFKA_BROKERS = provided.endpoints.kafkaBrokers;
  process.env.DATABASE_URL = provided.endpoints.databaseUrl;
  process.env.SMTP_URL = provided.endpoints.smtpUrl;
  process.env.MAILDEV_URL = provided.endpoints.maildevUrl;
  log(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s via ${provided.provider}: Kafka ${provided.endpoints.kafkaBrokers}`,
  );
  // Each Jest project with this setup runs it once; the first starts the servers, the others reuse.
  const global = /** @type {any} */ (globalThis);
  global.__vouchInfrastructure = [...(global.__vouchInfrastructure ?? []), provided];
}
