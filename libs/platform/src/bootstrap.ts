import { Logger as NestLogger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { startEventConsumer } from '@vouch/messaging';
import { ensureDatabase } from '@vouch/persistence';

/** Kubernetes' default termination grace period is 30 s: finish well within it. */
const SHUTDOWN_DEADLINE_MS = 25_000;

export interface ServiceDescription {
  title: string;
  description: string;
}

/** Applies what an app needs beyond its modules: the structured logger and the API docs. */
export function configureServiceApp(app: INestApplication, description: ServiceDescription): void {
  app.useLogger(app.get(Logger));
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(description.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Creates a service's app, configured and consuming events, not yet listening. */
export async function createServiceApp(
  rootModule: Type | DynamicModule,
  description: ServiceDescription,
  databaseUrl: string,
): Promise<INestApplication> {
  await ensureDatabase(databaseUrl);
  const app = await NestFactory.create(rootModule, { bufferLogs: true });
  configureServiceApp(app, description);
  await startEventConsumer(app);
  return app;
}

/**
 * Runs a service until SIGTERM: its database created if missing, migrations applied, events
 * consumed, HTTP served. On SIGTERM it stops taking requests and messages, finishes what is in
 * flight and exits. Any failure to start ends the process with the reason.
 */
export async function runService(options: {
  name: string;
  port: number;
  databaseUrl: string;
  rootModule: Type | DynamicModule;
  description: ServiceDescription;
}): Promise<void> {
  try {
    const app = await createServiceApp(options.rootModule, options.description, options.databaseUrl);
    app.enableShutdownHooks();
    // A stop that hangs (a broker that does not answer) must not outlive the orchestrator's grace period.
    process.once('SIGTERM', () => setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref());
    await app.listen(options.port);
    new NestLogger(options.name).log(`${options.name} listening on :${options.port}`);
  } catch (error) {
    process.stderr.write(
      `${options.name} could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
