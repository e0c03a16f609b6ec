import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Problem details as text, for the answers Fastify and Node give before Nest sees the request. */
function problemOf(status: number, detail: string): string {
  return JSON.stringify({
    type: `https://httpstatuses.io/${status}`,
    title: STATUS_CODES[status] ?? 'Bad request',
    status,
    detail,
  });
}

/**
 * Fastify's router answers a URL it cannot decode (400) or a path parameter over its length limit
 * (414) itself, before any Nest filter: as problem details too, like every other error.
 */
export function frameworkErrorAsProblem(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const detail = status === 414 ? 'a path parameter is too long' : 'the request target is not a valid URL';
  void reply.code(status).type('application/problem+json').send(problemOf(status, detail));
}

/**
 * Node's HTTP parser refuses a request before Fastify has one (headers over 16 KiB: 431; a
 * malformed request: 400; too slow: 408). Answered as problem details, then the connection closes,
 * as Fastify's default handler does.
 */
export function clientErrorAsProblem(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'the request did not arrive in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'the request line and headers are too large']
        : [400, 'the request is not valid HTTP'];
  const body = problemOf(status, detail);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
