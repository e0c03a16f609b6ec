import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import path from 'node:path';
import { isApiPath, serviceFor, type ServiceName } from './routes';

export interface GatewayOptions {
  /** Base URL of each service, e.g. http://127.0.0.1:3001. */
  upstreams: Record<ServiceName, URL>;
  /** The built app (vite build's output): index.html and assets/. */
  appDirectory: string;
}

/** Headers that describe one hop, not the message: never forwarded (RFC 9110, section 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The app's own pages may load only what the portal serves, and never hand a token-bearing URL
 * (an unsubscribe link) to another site in a Referer.
 */
const APP_HEADERS: OutgoingHttpHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function sendProblem(response: ServerResponse, status: number, title: string, detail: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

function forwardedHeaders(request: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'host') headers[name] = value;
  }
  const client = request.socket.remoteAddress ?? '';
  const earlier = request.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = earlier ? `${String(earlier)}, ${client}` : client;
  headers['x-forwarded-host'] = request.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

/** Streams the request to the service and its answer back, bodies untouched. */
function proxy(request: IncomingMessage, response: ServerResponse, upstream: URL, service: ServiceName) {
  const target = new URL(request.url ?? '/', upstream);
  const outgoing = http.request(target, { method: request.method, headers: forwardedHeaders(request) });
  outgoing.on('response', (answer) => {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    response.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(response);
  });
  outgoing.on('error', () =>
    sendProblem(response, 502, 'Bad Gateway', `${service} is not answering; try again in a moment`),
  );
  request.pipe(outgoing);
}

/** The file under the app directory a path names, or undefined when it names none (or escapes it). */
async function appFile(appDirectory: string, pathname: string): Promise<string | undefined> {
  const candidate = path.resolve(appDirectory, `.${decodeURIComponent(pathname)}`);
  if (!candidate.startsWith(appDirectory + path.sep)) return undefined;
  const found = await stat(candidate).catch(() => undefined);
  return found?.isFile() ? candidate : undefined;
}

async function serveApp(
  request: IncomingMessage,
  response: ServerResponse,
  appDirectory: string,
  pathname: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' });
    response.end();
    return;
  }
  const file = await appFile(appDirectory, pathname).catch(() => undefined);
  // Any other path is one of the app's pages (a link from an email): the app routes it itself.
  const served = file ?? path.join(appDirectory, 'index.html');
  const extension = path.extname(served);
  response.writeHead(200, {
    ...APP_HEADERS,
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    // Vite names assets by content hash, so they never change; index.html must always be fresh.
    'cache-control': served.includes(`${path.sep}assets${path.sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(served)
    .on('error', () => response.destroy())
    .pipe(response);
}

/**
 * The portal's one origin: the app's files, and the APIs of the four services behind it, so the
 * browser needs no cross-origin setup and every email link (PUBLIC_URL) opens here.
 */
export function createGateway({ upstreams, appDirectory }: GatewayOptions): http.Server {
  const root = path.resolve(appDirectory);
  return http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (pathname === '/health/live') return sendJson(response, 200, { status: 'ok' });
    if (pathname === '/health/ready') {
      // Ready once there is an app to serve; the services report their own readiness.
      void stat(path.join(root, 'index.html')).then(
        () => sendJson(response, 200, { status: 'ok' }),
        () => sendJson(response, 503, { status: 'error', detail: `no built app in ${root}` }),
      );
      return;
    }
    const service = serviceFor(pathname);
    if (service) return proxy(request, response, upstreams[service], service);
    if (isApiPath(pathname)) return sendProblem(response, 404, 'Not Found', `no API at ${pathname}`);
    serveApp(request, response, root, pathname).catch(() =>
      sendProblem(response, 500, 'Internal Server Error', 'the app could not be served'),
    );
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
