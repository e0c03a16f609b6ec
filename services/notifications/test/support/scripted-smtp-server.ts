import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One message the test's SMTP server accepted. */
export interface AcceptedMessage {
  to: string;
  raw: string;
}

/**
 * An SMTP server of the test's own that answers each recipient as scripted: `[421, 421]` refuses the
 * first two attempts temporarily, then accepts; `[550]` refuses for good. Unscripted recipients are
 * accepted. `hang` recipients never get an answer to their message, like a server stuck mid-send.
 */
export class ScriptedSmtpServer {
  readonly accepted: AcceptedMessage[] = [];
  /** Every RCPT TO per address, accepted or not. */
  readonly attempts = new Map<string, number>();
  /** Messages received for `hang` recipients and never answered. */
  readonly hungMessages: string[] = [];
  private readonly script = new Map<string, number[]>();
  private readonly hanging = new Set<string>();

  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => callback(this.answer(address.address)),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo[0]?.address ?? '';
          const raw = Buffer.concat(chunks).toString('utf8');
          if (this.hanging.has(to)) {
            this.hungMessages.push(raw);
            return;
          }
          this.accepted.push({ to, raw });
          callback();
        });
      },
    });
  }

  static async start(): Promise<ScriptedSmtpServer> {
    const instance = new ScriptedSmtpServer();
    // A sender killed mid-message resets its connection: smtp-server reports it as an 'error', which
    // unheard would end the test run. For a test that kills senders, that is the expected outcome.
    instance.server.on('error', () => undefined);
    await new Promise<void>((resolve) => instance.server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  refuse(address: string, codes: number[]): void {
    this.script.set(address, [...codes]);
  }

  hang(address: string): void {
    this.hanging.add(address);
  }

  release(address: string): void {
    this.hanging.delete(address);
  }

  acceptedFor(address: string): AcceptedMessage[] {
    return this.accepted.filter((message) => message.to === address);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(address: string): Error | undefined {
    this.attempts.set(address, (this.attempts.get(address) ?? 0) + 1);
    const code = this.script.get(address)?.shift();
    if (code === undefined) return undefined;
    return Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
      responseCode: code,
    });
  }
}
