import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What a benchmark needs of one message: who it was for, which it was, and when it arrived. */
export interface ReceivedMessage {
  to: string;
  messageId: string | undefined;
  /** The event that caused it (notifications' `X-Vouch-Event-Id`). */
  eventId: string | undefined;
  /** `Date.now()` when the server accepted it. */
  receivedAt: number;
}

/**
 * An SMTP server that accepts every message at once and keeps only its headers' identity and the
 * time it arrived, so the server is never what a benchmark measures.
 */
export class SmtpSink {
  readonly received: ReceivedMessage[] = [];
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const receivedAt = Date.now();
          const raw = Buffer.concat(chunks).toString('utf8');
          const headers = raw.slice(0, raw.indexOf('\r\n\r\n'));
          this.received.push({
            to: session.envelope.rcptTo[0]?.address ?? '',
            messageId: headerValue(headers, 'Message-ID'),
            eventId: headerValue(headers, 'X-Vouch-Event-Id'),
            receivedAt,
          });
          callback();
        });
      },
    });
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    // A client that dies mid-message resets its connection; smtp-server reports it as an 'error'
    // event, and an unheard one would end the benchmark.
    sink.server.on('error', () => undefined);
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Forgets what was received, between two runs. */
  clear(): void {
    this.received.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function headerValue(headers: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(\\S+)`, 'im').exec(headers)?.[1];
}
