import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/**
 * JSON over HTTP/1.1 keep-alive with a bounded number of sockets per service: under overload the
 * requests queue here, in sight of the latency measured from their schedule, instead of opening
 * connections without end. Lighter than fetch, so the client is less of what a benchmark measures.
 */
export class JsonHttpClient {
  private readonly agent: Agent;

  constructor(maxSockets: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  call(
    method: string,
    url: string,
    { token, body, timeoutMs = 60_000 }: { token?: string; body?: unknown; timeoutMs?: number } = {},
  ): Promise<HttpAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
            } catch {
              resolve({ status: response.statusCode ?? 0, body: text });
            }
          });
        },
      );
      outgoing.on('timeout', () =>
        outgoing.destroy(new Error(`${method} ${url}: no answer in ${timeoutMs} ms`)),
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }

  /** A call that must answer `status`; the error says what it answered instead. */
  async expect(
    status: number,
    method: string,
    url: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<unknown> {
    const answer = await this.call(method, url, options);
    if (answer.status !== status)
      throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  close(): void {
    this.agent.destroy();
  }
}
