import { stat } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import fastifyHelmet from '@fastify/helmet';
import fastifyReplyFrom from '@fastify/reply-from';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { EmailLanguage } from '@vouch/platform/languages';
import { isApiPath, PORTAL_SETTINGS_PATH, serviceFor, serviceTarget, type ServiceName } from './routes';

export interface GatewayOptions {
  /** Base URL of each service, e.g. http://127.0.0.1:3001. */
  upstreams: Record<ServiceName, URL>;
  /** The built app (vite build's output): index.html and assets/. */
  appDirectory: string;
  /**
   * The proxies (addresses, CIDRs, `loopback`, `uniquelocal`…) in front of the gateway whose
   * X-Forwarded-For and X-Forwarded-Proto are believed; anyone else's are replaced.
   */
  trustedProxies?: string[];
  /** Where people reach the portal: over https, its pages also carry Strict-Transport-Security. */
  publicUrl?: URL;
  /** The company's language, for readers whose own the portal does not know (`DEFAULT_LANGUAGE`). */
  defaultLanguage?: EmailLanguage;
  /** Limits, for tests; the defaults are {@link GATEWAY_LIMITS}. */
  limits?: Partial<GatewayLimits>;
  /** Its log lines (JSON on stdout): failures, and services that do not answer. */
  logLevel?: 'warn' | 'error' | 'silent';
}

export interface GatewayLimits {
  /** The largest request body forwarded: the people import's 10 MiB CSV file, and some margin. */
  bodyBytes: number;
  /** How long a client may take to send a whole request (headers and body): slow senders are cut. */
  requestMs: number;
  /** How long a client may take to send its headers. */
  headersMs: number;
  /** An idle connection is closed after this long. */
  connectionIdleMs: number;
  /** How long a service may take to start answering, and then between two chunks of its answer. */
  upstreamMs: number;
}

export const GATEWAY_LIMITS: GatewayLimits = {
  bodyBytes: 11 * 1024 * 1024,
  requestMs: 60_000,
  headersMs: 10_000,
  connectionIdleMs: 75_000,
  upstreamMs: 30_000,
};

/** Headers that describe one hop, not the message: never forwarded either way (RFC 9110, 7.6.1). */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/**
 * The portal's own pages may load only what the portal serves (the built index.html loads one
 * script and one stylesheet from /assets), be framed by no one, and never hand a token-bearing URL
 * (an unsubscribe or invitation link) to another site in a Referer.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** The request target in origin form (`/path?query`), the only one the gateway forwards. */
export function isOriginForm(target: string | undefined): target is string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return false;
  try {
    return new URL(target, 'http://gateway.invalid').host === 'gateway.invalid';
  } catch {
    return false;
  }
}

function sendProblem(reply: FastifyReply, status: number, title: string, detail: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/problem+json')
    .header('cache-control', 'no-store')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

class BodyTooLargeError extends Error {
  readonly statusCode = 413;
}

/** Passes a request body through, failing it once it grows past `limit` bytes (chunked bodies). */
function limitedBody(body: Readable, limit: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) callback(new BodyTooLargeError(`request body over ${limit} bytes`));
      else callback(null, chunk);
    },
  });
  body.on('error', (error) => counter.destroy(error));
  return body.pipe(counter);
}

/** The request's headers for the service: no hop-by-hop ones, and forwarding headers of our own. */
/** What the forwarding headers are made of (reply-from's view of a request is wider than ours). */
interface ForwardedRequest {
  ips?: string[];
  socket: { remoteAddress?: string };
  protocol: string;
  host: string;
}

function upstreamHeaders(request: ForwardedRequest, headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const forwarded: IncomingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete forwarded[name];
  // request.ips runs from the peer back through the proxies we trust to the first address we do not:
  // the client. What a client says about addresses beyond that is its own claim, and dropped.
  const chain = request.ips ?? [request.socket.remoteAddress ?? ''];
  forwarded['x-forwarded-for'] = [...chain].reverse().join(', ');
  forwarded['x-forwarded-proto'] = request.protocol;
  forwarded['x-forwarded-host'] = request.host;
  delete forwarded['forwarded'];
  return forwarded;
}

function answerHeaders<Headers extends IncomingHttpHeaders>(headers: Headers): Headers {
  const named = String(headers['connection'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const kept = { ...headers };
  for (const name of [...HOP_BY_HOP, ...named]) delete kept[name];
  return kept;
}

/** The file under the app directory a path names, or undefined when it names none (or escapes it). */
async function appFile(appDirectory: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const candidate = path.resolve(appDirectory, `.${decoded}`);
  if (!candidate.startsWith(appDirectory + path.sep)) return undefined;
  const found = await stat(candidate).catch(() => undefined);
  return found?.isFile() ? path.relative(appDirectory, candidate) : undefined;
}

/**
 * The portal's one origin: the app's files, and the APIs of the four services behind it, so the
 * browser needs no cross-origin setup and every email link (PUBLIC_URL) opens here. It forwards
 * only origin-form targets, each to the fixed service its path belongs to: never to a host the
 * request names.
 */
export async function createGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const root = path.resolve(options.appDirectory);
  const limits = { ...GATEWAY_LIMITS, ...options.limits };
  const trustedProxies = options.trustedProxies ?? [];
  const app = Fastify({
    // No line per request (a URL may carry a token): only failures.
    logger: { level: options.logLevel ?? 'warn' },
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
    bodyLimit: limits.bodyBytes,
    requestTimeout: limits.requestMs,
    connectionTimeout: limits.connectionIdleMs,
    keepAliveTimeout: 72_000,
    maxRequestsPerSocket: 1_000,
    return503OnClosing: true,
    http: {
      headersTimeout: limits.headersMs,
      maxHeaderSize: 16 * 1024,
      // How often Node looks for requests over their time (30 s by default: too coarse for these).
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(limits.headersMs / 2)),
    },
  });

  await app.register(fastifyHelmet, {
    // Only the portal's own answers: a service's answer passes as the service wrote it.
    global: false,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity:
      options.publicUrl?.protocol === 'https:' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
  await app.register(fastifyReplyFrom, {
    disableRequestLogging: true,
    undici: { headersTimeout: limits.upstreamMs, bodyTimeout: limits.upstreamMs, connections: 128 },
    // A request that reached a service is never sent twice.
    retryMethods: [],
  });

  // Bodies are streamed to the service untouched; the service reads and validates them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (request, payload, done) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limits.bodyBytes) {
      done(new BodyTooLargeError(`request body over ${limits.bodyBytes} bytes`), undefined);
      return;
    }
    done(null, limitedBody(payload, limits.bodyBytes));
  });

  // The first thing any request meets: a target in any other form never reaches routing.
  app.addHook('onRequest', async (request, reply) => {
    if (!isOriginForm(request.raw.url)) {
      return sendProblem(reply, 400, 'Bad Request', 'the request target must be a path (origin form)');
    }
    return undefined;
  });

  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error, 'the gateway failed a request');
    return sendProblem(
      reply,
      status,
      status === 413 ? 'Payload Too Large' : status === 500 ? 'Internal Server Error' : 'Bad Request',
      status === 500 ? 'something went wrong on our side' : (error.message ?? 'bad request'),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'Not Found', `no route for ${request.method}`),
  );

  app.get('/health/live', async () => ({ status: 'ok' }));
  // What the app needs to know about the company before anyone signs in.
  app.get(PORTAL_SETTINGS_PATH, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').send({ defaultLanguage: options.defaultLanguage ?? 'en' }),
  );
  app.get('/health/ready', async (_request, reply) => {
    // Ready once there is an app to serve; the services report their own readiness.
    const built = await stat(path.join(root, 'index.html')).catch(() => undefined);
    return built
      ? { status: 'ok' }
      : reply.code(503).send({ status: 'error', detail: `no built app in ${root}` });
  });

  app.all('/*', async (request, reply) => {
    const target = request.raw.url ?? '/';
    const pathname = new URL(target, 'http://gateway.invalid').pathname;
    const service = serviceFor(pathname);
    if (service)
      return forward(request, reply, options.upstreams[service], service, serviceTarget(target, pathname));
    if (isApiPath(pathname)) return sendProblem(reply, 404, 'Not Found', `no API at ${pathname}`);
    return serveApp(request, reply, root, pathname);
  });

  return app;
}

function forward(
  request: FastifyRequest,
  reply: FastifyReply,
  upstream: URL,
  service: ServiceName,
  target: string,
): FastifyReply {
  // The target is a path (origin form, checked on arrival): it cannot name another host.
  const source = new URL(target, upstream).toString();
  return reply.from(source, {
    rewriteRequestHeaders: (original, headers) => upstreamHeaders(original, headers),
    rewriteHeaders: (headers) => answerHeaders(headers),
    // The reply it fails is `reply` itself.
    onError: (_reply, { error }) => {
      if (request.body instanceof Transform && request.body.errored instanceof BodyTooLargeError) {
        sendProblem(reply, 413, 'Payload Too Large', request.body.errored.message);
        return;
      }
      const timedOut = 'statusCode' in error && error.statusCode === 504;
      sendProblem(
        reply,
        timedOut ? 504 : 502,
        timedOut ? 'Gateway Timeout' : 'Bad Gateway',
        timedOut
          ? `${service} did not answer in time; try again in a moment`
          : `${service} is not answering; try again in a moment`,
      );
    },
  });
}

async function serveApp(
  request: FastifyRequest,
  reply: FastifyReply,
  root: string,
  pathname: string,
): Promise<FastifyReply> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendProblem(reply.header('allow', 'GET, HEAD'), 405, 'Method Not Allowed', 'the app is read only');
  }
  await reply.helmet();
  // Any other path is one of the app's pages (a link from an email): the app routes it itself.
  const file = (await appFile(root, pathname)) ?? 'index.html';
  // Vite names assets by content hash, so they never change; index.html must always be fresh.
  reply.header(
    'cache-control',
    file.startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
  return reply.sendFile(file);
}
