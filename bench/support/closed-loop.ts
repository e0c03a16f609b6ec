import { performance } from 'node:perf_hooks';
import { JsonHttpClient } from './http-client';
import { perSecond, summarizeLatencies, type LatencySummary } from './stats';

export interface ClosedLoopResult {
  connections: number;
  seconds: number;
  /** Answered with the expected status. */
  requests: number;
  /** Anything else, by status (`error`: no answer). */
  failed: Record<string, number>;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
}

/** One request of a closed loop: a GET answered 200 unless it says otherwise. */
export interface ClosedLoopRequest {
  url: string;
  token: string;
  method?: 'GET' | 'POST';
  /** JSON sent with it. */
  body?: unknown;
  /** The status of an answer that counts as served. */
  expectedStatus?: number;
}

/**
 * `connections` keep-alive connections, each sending its next request as soon as the previous one is
 * answered, for `seconds` after a warm-up not counted (connections opened, code warmed up): at
 * least `warmup.seconds`, and at least `warmup.requests` requests (say, one per reader, so that
 * the server has met each reader's token once, as a server running for a while has):
 * the server's throughput at that concurrency, and the latency it costs. `target(n)` says what the
 * n-th request asks for, or nothing once there is nothing left to ask (writes that each need data
 * of their own): the loop then ends early. `measured` is called as the counted window starts, and
 * what it returns as the window ends (to take the CPU's figures over exactly that window).
 */
export async function runClosedLoop(
  connections: number,
  seconds: number,
  warmup: { seconds: number; requests?: number },
  target: (index: number) => ClosedLoopRequest | undefined,
  measured: () => () => void = () => () => undefined,
): Promise<ClosedLoopResult> {
  const http = new JsonHttpClient(connections);
  const latenciesMs: number[] = [];
  const failed: Record<string, number> = {};
  let sent = 0;
  const loop = async (until: number, record: boolean, atLeast = 0) => {
    while (performance.now() < until || sent < atLeast) {
      const request = target(sent);
      if (!request) return;
      const { url, token, method = 'GET', body, expectedStatus = 200 } = request;
      sent += 1;
      const began = performance.now();
      const status = await http.call(method, url, { token, body }).then(
        (answer) => String(answer.status),
        () => 'error',
      );
      if (!record) continue;
      if (status === String(expectedStatus)) latenciesMs.push(performance.now() - began);
      else failed[status] = (failed[status] ?? 0) + 1;
    }
  };
  try {
    const workers = (until: number, record: boolean, atLeast?: number) =>
      Promise.all(Array.from({ length: connections }, () => loop(until, record, atLeast)));
    await workers(performance.now() + warmup.seconds * 1000, false, warmup.requests);
    const ended = measured();
    const startedAt = performance.now();
    await workers(startedAt + seconds * 1000, true);
    const elapsedMs = performance.now() - startedAt;
    ended();
    return {
      connections,
      seconds,
      requests: latenciesMs.length,
      failed,
      requestsPerSecond: perSecond(latenciesMs.length, elapsedMs),
      latencyMs: summarizeLatencies(latenciesMs),
    };
  } finally {
    http.close();
  }
}
