import type { FastifyInstance, FastifyRequest } from 'fastify';
import { contextFrom, markFailed, SpanKind, startSpan, withActiveSpan, type Span } from '@vouch/telemetry';
import type { ServiceMetrics } from '../metrics/metrics';

const observation = Symbol('httpObservation');

interface RequestObservation {
  span: Span;
  stopTimer: (labels: { method: string; route: string }) => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    [observation]: RequestObservation | null;
  }
}

/** The route a request matched, as declared (`/v1/employees/:id`): never the raw path, whose ids vary. */
export function routeTemplate(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/**
 * Traces and measures every request: one server span continuing the caller's trace
 * (`traceparent`), and the request counted and timed by method, route template and status.
 *
 * The span is made active only from the handler on: Fastify reads a body outside the request's
 * async context, so a span entered on arrival would be lost by then. Active there, it reaches
 * what the handler does, and the events it writes to the outbox carry it on to Kafka.
 */
export function observeHttp(instance: FastifyInstance, metrics: ServiceMetrics): void {
  instance.decorateRequest(observation, null);
  instance.addHook('onRequest', (request, _reply, done) => {
    request[observation] = {
      span: startSpan(request.method, {
        kind: SpanKind.SERVER,
        parent: contextFrom(request.headers),
        attributes: { 'http.request.method': request.method, 'url.path': pathOf(request.url) },
      }),
      stopTimer: metrics.httpDuration.startTimer(),
    };
    done();
  });
  instance.addHook('preHandler', (request, _reply, done) => {
    const observed = request[observation];
    if (observed) withActiveSpan(observed.span, done);
    else done();
  });
  instance.addHook('onResponse', (request, reply, done) => {
    const observed = request[observation];
    if (observed) {
      const route = routeTemplate(request);
      const labels = { method: request.method, route };
      observed.stopTimer(labels);
      metrics.httpRequests.inc({ ...labels, status: String(reply.statusCode) });
      observed.span.updateName(`${request.method} ${route}`);
      observed.span.setAttributes({ 'http.route': route, 'http.response.status_code': reply.statusCode });
      if (reply.statusCode >= 500) markFailed(observed.span);
      observed.span.end();
    }
    done();
  });
}
