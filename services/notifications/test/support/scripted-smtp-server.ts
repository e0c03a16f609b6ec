import { startTestSmtpServer, type TestSmtpServer } from '@vouch/testing';

/** One message the test's SMTP server accepted. */
export interface AcceptedMessage {
  to: string;
  raw: string;
  /** The SMTP session (one per connection) it came over. */
  connection: string;
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
  /** How long each message waits for its acceptance: a slow server. */
  acceptAfterMs = 0;

  private server?: TestSmtpServer;

  static async start(): Promise<ScriptedSmtpServer> {
    const instance = new ScriptedSmtpServer();
    instance.server = await startTestSmtpServer({
      onRcptTo: (address) => instance.answer(address),
      onMessage: ({ to, raw, connection }, accept) => {
        if (instance.hanging.has(to)) {
          instance.hungMessages.push(raw);
          return;
        }
        const acceptNow = () => {
          instance.accepted.push({ to, raw, connection });
          accept();
        };
        if (instance.acceptAfterMs > 0) setTimeout(acceptNow, instance.acceptAfterMs);
        else acceptNow();
      },
    });
    return instance;
  }

  get url(): string {
    if (!this.server) throw new Error('the SMTP server has not started');
    return this.server.url;
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

  async close(): Promise<void> {
    await this.server?.close();
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
