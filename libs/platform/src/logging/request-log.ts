import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import { logContext } from '@vouch/telemetry';

const QUIET_PATHS = /^\/(health|metrics)/;

/** The request id a caller may pass on (`x-request-id`), or a new one. */
export function requestId(request: { headers: IncomingHttpHeaders }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && given.length <= 100 ? given : randomUUID();
}

/** The URL as requested: the middleware engine strips the prefix it matched from `url`. */
function fullUrl(request: IncomingMessage & { originalUrl?: string }): string {
  return request.originalUrl ?? request.url ?? '';
}

/**
 * How a service logs: structured lines naming the service, one per request answered (health and
 * metrics scrapes aside), and within a request or an event, its trace and event.
 *
 * A request's lines carry its id, method, URL and status, never its headers: no token or cookie
 * can reach the logs, and nothing is copied per request. pino-http binds the request to a child
 * logger as it arrives, whether or not a line is then written at the configured level, and copying
 * and redacting every header there (pino-http's default) was a measurable share of a read's CPU.
 */
export function requestLoggingOptions(service: string, level: string): Options {
  return {
    level,
    base: { service },
    mixin: logContext,
    genReqId: requestId,
    // The serializers get the raw request and response: pino-http's wrapping would copy them first.
    wrapSerializers: false,
    serializers: {
      req: (request: IncomingMessage & { id?: unknown; originalUrl?: string }) => ({
        id: request.id,
        method: request.method,
        url: fullUrl(request),
      }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
    autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.test(fullUrl(request)) },
  };
}
