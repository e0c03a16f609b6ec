import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { withLogFields } from '@vouch/telemetry';

const QUIET_PATHS = /^\/(health|metrics)/;

/** The request id a caller may pass on (`x-request-id`), or a new one. */
export function requestId(request: { headers: IncomingHttpHeaders }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && given.length <= 100 ? given : randomUUID();
}

/** Query parameters that carry a credential: an unsubscribe or invitation token, an OAuth code or state. */
const SECRET_QUERY_PARAMETERS = /([?&](?:[\w.-]*token|code|state|password|secret|key)=)[^&#]*/gi;

/** The URL as logged: the value of every credential-bearing query parameter is `[redacted]`. */
export function redactedUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAMETERS, '$1[redacted]');
}

function described(request: FastifyRequest): Record<string, string> {
  return { id: String(request.id), method: request.method, url: redactedUrl(request.url) };
}

/**
 * One line per request answered (health checks and metrics scrapes aside) naming its id, method,
 * URL (its tokens redacted), status and time, never its headers: no token or cookie can reach the logs. Whatever the
 * request logs on its way names it the same (`req`). Fastify hooks rather than pino-http as a Nest
 * middleware: that middleware, the engine Nest runs middleware with on Fastify and the child logger
 * made for every request at any level cost a tenth of a profile read's CPU (bench/README, reads).
 */
export function logRequests(instance: FastifyInstance, logger: Logger): void {
  instance.addHook('onRequest', (request, _reply, done) => {
    withLogFields({ req: described(request) }, done);
  });
  instance.addHook('onResponse', (request, reply, done) => {
    if (logger.isLevelEnabled('info') && !QUIET_PATHS.test(request.url)) {
      logger.info(
        {
          req: described(request),
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
