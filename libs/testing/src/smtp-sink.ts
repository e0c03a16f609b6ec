import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { startDiscardSmtpServer, type SmtpRefusalReply } from './discard-smtp-server';

/** What a benchmark needs of one message: who it was for, which it was, and when it arrived. */
export interface ReceivedMessage {
  to: string;
  messageId: string | undefined;
  /** The event that caused it (notifications' `X-Vouch-Event-Id`). */
  eventId: string | undefined;
  /** `Date.now()` when the server accepted it. */
  receivedAt: number;
}

/** A local SMTP server of a test's or a benchmark's own. */
export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on a free local port, without TLS or authentication. `onRcptTo` may refuse
 * a recipient (an Error with a `responseCode`); `onMessage` gets each message's first recipient and
 * raw text and the session (one per connection) it came over, and answers it by calling `accept` —
 * or never, like a server stuck mid-send. A client killed mid-message resets its connection:
 * smtp-server reports that as an 'error', which unheard would end the run, and killing clients is
 * what these servers are for.
 */
export async function startTestSmtpServer(handlers: {
  onRcptTo?: (address: string) => Error | undefined;
  onMessage: (message: { to: string; raw: string; connection: string }, accept: () => void) => void;
}): Promise<TestSmtpServer> {
  const { onRcptTo, onMessage } = handlers;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo: (address, _session, callback) => callback(onRcptTo?.(address.address)),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0]?.address ?? '';
        onMessage({ to, raw: Buffer.concat(chunks).toString('utf8'), connection: session.id }, () =>
          callback(),
        );
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Refusals (answered at RCPT TO) and slowness a test can switch on while the sink runs. */
export interface SmtpSinkFaults {
  /** Answered 550 (mailbox unavailable): refused for good. */
  refusedRecipients: Set<string>;
  /** Every nth recipient is answered 421 (try again later); 0: none. */
  temporaryRefusalEvery: number;
  /**
   * At most this many messages accepted per second, over every connection: a message waits for its
   * turn before its 250, as at a server that keeps up with only so much. 0: each accepted at once.
   */
  acceptancesPerSecond: number;
}

/** A refusal the sink answered. */
export interface SmtpRefusal {
  to: string;
  code: 421 | 550;
  at: number;
}

/**
 * An SMTP server that accepts every message at once and keeps only its headers' identity and the
 * time it was accepted, spending as little of the machine as SMTP allows (`startDiscardSmtpServer`),
 * so the server is never what a benchmark measures. Refusals and a slower pace can be switched on
 * (`faults`); a refused message is not received.
 */
export class SmtpSink {
  readonly faults: SmtpSinkFaults = {
    refusedRecipients: new Set(),
    temporaryRefusalEvery: 0,
    acceptancesPerSecond: 0,
  };
  readonly refusals: SmtpRefusal[] = [];
  private recipients = 0;
  /** When the next message may be accepted, while `acceptancesPerSecond` is set. */
  private nextAcceptanceAt = 0;
  private server?: TestSmtpServer;

  private constructor(readonly received: ReceivedMessage[]) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink([]);
    sink.server = await startDiscardSmtpServer({
      onRcptTo: (address) => sink.refusal(address),
      acceptanceTurn: () => sink.acceptanceTurn(),
      onMessage: ({ to, headers }) =>
        sink.received.push({
          to,
          messageId: headerValue(headers, 'Message-ID'),
          eventId: headerValue(headers, 'X-Vouch-Event-Id'),
          receivedAt: Date.now(),
        }),
    });
    return sink;
  }

  get url(): string {
    if (!this.server) throw new Error('the SMTP sink has not started');
    return this.server.url;
  }

  /** Forgets what was received, between two runs. */
  clear(): void {
    this.received.length = 0;
  }

  async close(): Promise<void> {
    await this.server?.close();
  }

  /** The moment a message is accepted at the set rate: each takes the next free slot. */
  private acceptanceTurn(): Promise<void> | undefined {
    const { acceptancesPerSecond } = this.faults;
    if (acceptancesPerSecond <= 0) return undefined;
    const now = Date.now();
    const at = Math.max(now, this.nextAcceptanceAt);
    this.nextAcceptanceAt = at + 1000 / acceptancesPerSecond;
    return sleep(at - now);
  }

  private refusal(to: string): SmtpRefusalReply | undefined {
    this.recipients += 1;
    const { refusedRecipients, temporaryRefusalEvery } = this.faults;
    const code = refusedRecipients.has(to)
      ? 550
      : temporaryRefusalEvery > 0 && this.recipients % temporaryRefusalEvery === 0
        ? 421
        : undefined;
    if (code === undefined) return undefined;
    this.refusals.push({ to, code, at: Date.now() });
    return { code, message: code === 550 ? 'Mailbox unavailable' : 'Try again later' };
  }
}

function headerValue(headers: string, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(\\S+)`, 'im').exec(headers)?.[1];
}
