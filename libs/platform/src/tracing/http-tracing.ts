import { Injectable, type NestMiddleware, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { contextFrom, markFailed, SpanKind, startActiveSpan, stopTracing } from '@vouch/telemetry';
import { routeTemplate } from '../http/route-template';

/**
 * One server span per request, continuing the caller's trace (`traceparent`), active for
 * everything the request does: the events it writes to the outbox carry it on to Kafka.
 */
@Injectable()
export class HttpTracingMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const span = startActiveSpan(
      request.method,
      {
        kind: SpanKind.SERVER,
        parent: contextFrom(request.headers),
        attributes: { 'http.request.method': request.method, 'url.path': request.path },
      },
      next,
    );
    response.on('finish', () => {
      const route = routeTemplate(request);
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': response.statusCode });
      if (response.statusCode >= 500) markFailed(span);
      span.end();
    });
  }
}

/** Sends the spans still buffered before the process exits. */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}
