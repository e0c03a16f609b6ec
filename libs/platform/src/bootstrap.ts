import { Logger as NestLogger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { startEventConsumer } from '@vouch/messaging';
import { ensureDatabase } from '@vouch/persistence';
import { clientErrorAsProblem, frameworkErrorAsProblem } from './http/framework-errors';
import { observeHttp } from './http/http-observation';
import { declareIdempotentReplays } from './http/idempotency/idempotency.interceptor';
import { declareDatabaseTimeouts } from './http/problem-details';
import { logRequests, requestId } from './logging/request-log';
import { ServiceLogger } from './logging/service-logger';
import { ServiceMetrics } from './metrics/metrics';

/** Kubernetes' default termination grace period is 30 s: finish well within it. */
const SHUTDOWN_DEADLINE_MS = 25_000;
/** Express's default, which the services had before Fastify (whose own is 1 MiB). */
const BODY_LIMIT_BYTES = 100 * 1024;
const REQUEST_TIMEOUT_MS = 300_000;

export interface ServiceDescription {
  title: string;
  description: string;
}

export interface HttpOptions {
  /**
   * The proxies (addresses or CIDRs) whose X-Forwarded-For is believed, so `request.ip` is the
   * client behind a load balancer; with none, the header is ignored and a client cannot choose its
   * address.
   */
  trustedProxies?: string[];
}

/**
 * A service's OpenAPI document, from its controllers' decorators and DTOs, and what the platform
 * answers on their behalf (a database time limit's 503, `Idempotent-Replayed`): what it serves at
 * `/docs-json` and what `npm run contract` commits under docs/openapi/, so both are one document.
 */
export function openApiDocument(app: INestApplication, description: ServiceDescription): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(description.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  declareDatabaseTimeouts(document);
  declareIdempotentReplays(document);
  return document;
}

/**
 * A service's OpenAPI document without its database or Kafka: Nest's preview mode resolves the
 * modules and reads the controllers' metadata but instantiates no provider, so nothing connects.
 * For tools (`npm run contract`): it silences Nest's logger for the whole process.
 */
export async function openApiDocumentOffline(
  rootModule: Type | DynamicModule,
  description: ServiceDescription,
): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  try {
    return openApiDocument(app, description);
  } finally {
    await app.close();
  }
}

/**
 * Applies what an app needs beyond its modules: the structured logger, each request logged,
 * traced and measured, and the API docs.
 */
export function configureServiceApp(app: NestFastifyApplication, description: ServiceDescription): void {
  const logger = app.get(ServiceLogger);
  app.useLogger(logger);
  const http = app.getHttpAdapter().getInstance();
  observeHttp(http, app.get(ServiceMetrics));
  logRequests(http, logger.logger);
  SwaggerModule.setup('docs', app, openApiDocument(app, description), { jsonDocumentUrl: 'docs-json' });
}

/**
 * Creates a service's app, configured and consuming events, not yet listening. HTTP is served by
 * Fastify: Express and its router cost a read about a third more CPU (bench/README, reads).
 */
export async function createServiceApp(
  rootModule: Type | DynamicModule,
  description: ServiceDescription,
  databaseUrl: string,
  http: HttpOptions = {},
): Promise<NestFastifyApplication> {
  await ensureDatabase(databaseUrl);
  const trustedProxies = http.trustedProxies ?? [];
  const app = await NestFactory.create<NestFastifyApplication>(
    rootModule,
    new FastifyAdapter({
      trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
      // The id the request's log line names: the caller's `x-request-id`, or a new one.
      genReqId: requestId,
      // Bodies are a few fields and a recommendation's text: refuse anything larger with a 413.
      bodyLimit: BODY_LIMIT_BYTES,
      // Node's default, which Fastify turns off: a client gets 5 min to send a whole request.
      requestTimeout: REQUEST_TIMEOUT_MS,
      // What Fastify and Node refuse before Nest sees the request is problem details too.
      frameworkErrors: frameworkErrorAsProblem,
      clientErrorHandler: clientErrorAsProblem,
    }),
    { bufferLogs: true },
  );
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
  http?: HttpOptions;
}): Promise<void> {
  try {
    const app = await createServiceApp(
      options.rootModule,
      options.description,
      options.databaseUrl,
      options.http,
    );
    const logger = new NestLogger(options.name);
    stopOnSignals(app, logger);
    // Every interface, as Express did: Fastify would listen on localhost only, unreachable in a container.
    await app.listen(options.port, '0.0.0.0');
    logger.log(`${options.name} listening on :${options.port}`);
  } catch (error) {
    process.stderr.write(
      `${options.name} could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

/**
 * On SIGTERM (an orchestrator) or SIGINT (Ctrl-C): stops taking requests and messages, finishes what
 * is in flight (the modules' shutdown hooks) and exits 0. It exits rather than waiting for the event
 * loop to empty: as PID 1 of a container, the signal Nest's own hooks re-raised is ignored, so any
 * handle left open (a socket, a timer) kept a cleanly stopped process up until the deadline, to exit 1.
 * A stop that fails, or hangs past the deadline (a broker that does not answer), exits 1 and logs what
 * was still open.
 */
function stopOnSignals(app: INestApplication, logger: NestLogger): void {
  const stop = (signal: NodeJS.Signals): void => {
    const started = Date.now();
    logger.log(`${signal}: stopping`);
    setTimeout(() => {
      logger.error(
        `still stopping ${SHUTDOWN_DEADLINE_MS} ms after ${signal}, exiting; open: ${process.getActiveResourcesInfo().join(', ')}`,
      );
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    app.close().then(
      () => {
        logger.log(`stopped in ${Date.now() - started} ms`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
