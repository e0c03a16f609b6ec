import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export { SpanKind, type Span };

let provider: TracerProvider | undefined;
let contextManagerInstalled = false;

/**
 * Sets tracing up for the process. The W3C trace context always travels (HTTP headers, the
 * `traceparent` of events), so a trace passes through a service even when it exports nothing; spans
 * are recorded and exported over OTLP/HTTP only when an endpoint is given
 * (OTEL_EXPORTER_OTLP_ENDPOINT, e.g. http://otel-collector:4318).
 */
export function startTracing(serviceName: string, otlpEndpoint: string | undefined): void {
  if (!contextManagerInstalled) {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    contextManagerInstalled = true;
  }
  if (!otlpEndpoint || provider) return;
  provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }),
        scheduledDelayMillis: 1_000,
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
}

/** Exports the spans still buffered; on shutdown, so the last requests' spans are not lost. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
}

function tracer() {
  return trace.getTracer('vouch');
}

/** The W3C `traceparent` of the active span, to hand to whatever continues the work elsewhere. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/** Fields of a log line: strings, or objects of them (a request's `req`). */
export type LogFields = Record<string, string | Record<string, string>>;

const logFieldsStore = new AsyncLocalStorage<LogFields>();

/**
 * Runs `work` with fields every line it logs carries (the event being handled, the request being
 * answered), and everything it starts, awaits or calls back.
 */
export function withLogFields<T>(fields: LogFields, work: () => T): T {
  return logFieldsStore.run({ ...logFieldsStore.getStore(), ...fields }, work);
}

/**
 * What a log line adds about the work in progress: the active trace and span, and the fields of
 * `withLogFields` (pino's `mixin`). The span may have ended (a request's line is written once it is
 * answered) or be the caller's, when this service exports no spans: its ids still tie the line to
 * the trace.
 */
export function logContext(): LogFields {
  const fields: LogFields = { ...logFieldsStore.getStore() };
  const span = trace.getActiveSpan();
  if (span && isSpanContextValid(span.spanContext())) {
    const { traceId, spanId } = span.spanContext();
    Object.assign(fields, { traceId, spanId });
  }
  return fields;
}

/** The context of an incoming request or message, from its headers (`traceparent`, `tracestate`). */
export function contextFrom(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** Continue the trace of this `traceparent` (an event's, a delivery's) instead of the active one. */
  traceparent?: string;
  /** Continue this context (an incoming request's, see `contextFrom`) instead of the active one. */
  parent?: Context;
}

function parentOf(options: SpanOptions): Context {
  if (options.traceparent) return contextFrom({ traceparent: options.traceparent });
  return options.parent ?? context.active();
}

/**
 * Runs `work` in a new span, active for everything it awaits, and ends it when the work settles;
 * a thrown error marks the span failed and is rethrown.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = parentOf(options);
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : undefined,
    });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Starts a span that the caller ends, for work that is not one promise (a batch sent at once, an
 * HTTP request answered through hooks).
 */
export function startSpan(name: string, options: SpanOptions): Span {
  return tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parentOf(options));
}

/** Runs `work` with `span` active: what it starts, and everything that follows from it, is its child. */
export function withActiveSpan<T>(span: Span, work: () => T): T {
  return context.with(trace.setSpan(context.active(), span), work);
}

/** Marks a span failed, for outcomes that are not exceptions (an HTTP 5xx). */
export function markFailed(span: Span, message?: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, ...(message ? { message } : {}) });
}
