import { randomBytes } from 'node:crypto';
import { OtlpCollector, waitFor, type CollectedSpan, waitForEmail } from '@vouch/testing';
import { Platform } from '@vouch/testing';

/** OTLP span kinds. */
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * One trace from an HTTP request to the SMTP send it causes, across services: the request's span,
 * the outbox's hop to Kafka, the consumer that plans the email, the sender that sends it.
 */
describe('tracing across the platform', () => {
  let collector: OtlpCollector;
  let platform: Platform;

  beforeAll(async () => {
    collector = await OtlpCollector.start();
    const exporting = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint };
    platform = await Platform.start('tracing', ['identity', 'connections', 'notifications'], {
      identity: exporting,
      connections: { ...exporting, LOG_LEVEL: 'info' },
      notifications: { ...exporting, LOG_LEVEL: 'debug' },
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await collector?.close();
  });

  it('follows a connection request from the HTTP call through Kafka to the email it sends', async () => {
    const [ana, ben] = [await platform.register('Ana Lima'), await platform.register('Ben Okafor')];
    // The caller's own trace, as a gateway or a browser would start it.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const requested = await waitFor(
      'connections to know both employees',
      () =>
        fetch(`${platform.service('connections').baseUrl}/v1/connection-requests`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ana.token}`,
            'content-type': 'application/json',
            traceparent: `00-${traceId}-${callerSpanId}-01`,
            'x-request-id': `tracing-${traceId}`,
          },
          body: JSON.stringify({ toEmployeeId: ben.id }),
        }),
      (response) => response.status === 201,
    );
    expect(requested.status).toBe(201);
    await waitForEmail(ben.email, 'Ana Lima wants to connect');

    // Each service exports its spans on its own schedule: wait for the span of every hop, by name
    // (notifications' own publish of EmailSent is a producer span too, and may come first).
    const hops: Array<[kind: number, name: string]> = [
      [SERVER, 'POST /v1/connection-requests'],
      [PRODUCER, 'publish ConnectionRequested'],
      [CONSUMER, 'process ConnectionRequested'],
      [CLIENT, 'send email connection-requested'],
    ];
    const spans = await waitFor(
      'the spans of the trace, from every hop',
      async () => collector.trace(traceId),
      (found) => hops.every(([kind, name]) => found.some((span) => span.kind === kind && span.name === name)),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const one = (predicate: (span: CollectedSpan) => boolean, what: string) => {
      const span = spans.find(predicate);
      if (!span) throw new Error(`no ${what} span in ${JSON.stringify(spans, null, 2)}`);
      return span;
    };
    const publish = one(
      (span) => span.kind === PRODUCER && span.name === 'publish ConnectionRequested',
      'publish',
    );
    // The request is retried until connections knows both employees: the one that published counts.
    const request = one(
      (span) => span.spanId === publish.parentSpanId,
      'HTTP server (the publish span’s parent)',
    );
    const processing = one(
      (span) =>
        span.kind === CONSUMER &&
        span.name === 'process ConnectionRequested' &&
        span.service === 'notifications',
      'consumer',
    );
    const send = one(
      (span) => span.kind === CLIENT && span.name === 'send email connection-requested',
      'SMTP send',
    );

    expect(request).toMatchObject({
      service: 'connections',
      kind: SERVER,
      name: 'POST /v1/connection-requests',
      parentSpanId: callerSpanId,
    });
    expect(publish.service).toBe('connections');
    expect(processing.parentSpanId).toBe(request.spanId);
    expect(send).toMatchObject({ service: 'notifications', parentSpanId: processing.spanId });

    // The log lines of that work name the trace, and the event being handled.
    const logLines = (name: 'connections' | 'notifications') =>
      platform
        .service(name)
        .log()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logLines('connections')).toContainEqual(
      expect.objectContaining({
        traceId,
        msg: 'request completed',
        req: { id: `tracing-${traceId}`, method: 'POST', url: '/v1/connection-requests' },
      }),
    );
    // The readiness checks the platform waited on are not logged.
    const answered = logLines('connections').filter((line) => line['msg'] === 'request completed');
    expect(answered.map((line) => (line['req'] as { url: string }).url)).not.toContain('/health/ready');
    expect(logLines('notifications')).toContainEqual(
      expect.objectContaining({ traceId, eventType: 'ConnectionRequested', eventId: expect.any(String) }),
    );
  });
});
