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
function routeTemplate(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

/**
 * Traces and measures every request: one server span continuing the caller's trace
 * (`traceparent`), active for everything the request does (the events it writes to the outbox
 * carry it on to Kafka), and the request counted and timed by method, route template and status.
 */
export function observeHttp(instance: FastifyInstance, metrics: ServiceMetrics): void {
  instance.decorateRequest(observation, null);
  instance.addHook('onRequest', (request, _reply, done) => {
    const span = startSpan(request.method, {
      kind: SpanKind.SERVER,
      parent: contextFrom(request.headers),
      attributes: { 'http.request.method': request.method, 'url.path': pathOf(request.url) },
    });
    request[observation] = { span, stopTimer: metrics.httpDuration.startTimer() };
    withActiveSpan(span, done);
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
