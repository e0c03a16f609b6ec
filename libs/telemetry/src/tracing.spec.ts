import { currentTraceparent, inSpan, logContext, SpanKind, startTracing, withLogFields } from './tracing';

describe('trace context and log fields', () => {
  beforeAll(() => startTracing('test', undefined));

  it('adds the fields of the work in progress to log lines, inner ones over outer ones', async () => {
    expect(logContext()).toEqual({});
    await withLogFields({ eventId: 'e-1', eventType: 'ConnectionRequested' }, async () => {
      await withLogFields({ eventId: 'e-2' }, async () => {
        expect(logContext()).toEqual({ eventId: 'e-2', eventType: 'ConnectionRequested' });
      });
      expect(logContext()).toEqual({ eventId: 'e-1', eventType: 'ConnectionRequested' });
    });
    expect(logContext()).toEqual({});
  });

  it('carries an incoming traceparent through work that exports nothing', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const inside = await inSpan('process', { kind: SpanKind.CONSUMER, traceparent }, async () =>
      currentTraceparent(),
    );
    expect(inside).toBe(traceparent);
    expect(currentTraceparent()).toBeUndefined();
  });

  it('names the caller’s trace in log lines of work that exports nothing', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const fields = await inSpan('process', { kind: SpanKind.CONSUMER, traceparent }, async () =>
      logContext(),
    );
    expect(fields).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' });
    expect(logContext()).toEqual({});
  });
});
