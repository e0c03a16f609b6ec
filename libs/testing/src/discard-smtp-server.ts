import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TestSmtpServer } from './smtp-sink';

/** A refusal of one recipient: 421 (try again later, and the connection is closed) or 5xx. */
export interface SmtpRefusalReply {
  code: number;
  message: string;
}

/** What a discard server asks of its user: whether to refuse a recipient, and each message's headers. */
export interface DiscardSmtpHandlers {
  onRcptTo: (address: string) => SmtpRefusalReply | undefined;
  onMessage: (message: { to: string; headers: string }) => void;
  /**
   * A slow server: a promise of the moment a message whose data ended is accepted (`onMessage`,
   * then its 250), or undefined to accept it at once. A message whose client hung up before its
   * moment came is not received.
   */
  acceptanceTurn?: () => Promise<void> | undefined;
}

/** The line that ends a message's data in SMTP (RFC 5321 §4.1.1.4). */
export const END_OF_DATA = '\r\n.\r\n';

const ACCEPTED = '250 OK: message queued\r\n';

/**
 * SMTP as far as a sink needs it and no further: greets at once, answers EHLO/HELO, MAIL, RCPT,
 * DATA, RSET, NOOP and QUIT in order (pipelined commands included), and hands over each message's
 * header block. No TLS, no authentication, no size or address checks.
 *
 * Why not smtp-server: on a machine that runs the platform and its benchmark together, the sink's
 * CPU is taken from what is measured, and smtp-server, a complete server, spends more per message
 * than this does (bench/README.md); it also waits 100 ms before greeting, which a relay does not.
 */
export async function startDiscardSmtpServer(handlers: DiscardSmtpHandlers): Promise<TestSmtpServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A client killed mid-message resets its connection: killing clients is what sinks are for.
    socket.on('error', () => socket.destroy());
    new DiscardSession(socket, handlers).greet();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        sockets.forEach((socket) => socket.destroy());
      }),
  };
}

/** One connection: commands line by line, then a message's data up to its lone dot. */
class DiscardSession {
  private buffered = '';
  private inData = false;
  /** A message waits for its acceptance turn: nothing more is read or answered until then. */
  private awaitingAcceptance = false;
  private recipient: string | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly handlers: DiscardSmtpHandlers,
  ) {
    // latin1 maps bytes one to one, so a character split across chunks is never garbled; the
    // headers read are ASCII.
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => this.receive(chunk));
  }

  greet(): void {
    this.socket.write('220 sink ESMTP\r\n');
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    if (this.awaitingAcceptance) return;
    // The replies to everything the chunk completed leave in one write.
    let replies = '';
    for (;;) {
      if (this.inData) {
        const end = this.buffered.indexOf(END_OF_DATA);
        if (end < 0) break;
        // The data began with the CRLF that ended DATA (see below), so a message's last line
        // and an empty message end the same way.
        const message = this.buffered.slice(2, end + 2);
        this.buffered = this.buffered.slice(end + END_OF_DATA.length);
        this.inData = false;
        const headersEnd = message.indexOf('\r\n\r\n');
        const received = {
          to: this.recipient ?? '',
          headers: headersEnd < 0 ? message : message.slice(0, headersEnd),
        };
        this.recipient = undefined;
        const turn = this.handlers.acceptanceTurn?.();
        if (turn) {
          this.awaitingAcceptance = true;
          void turn.then(() => this.accept(received));
          break;
        }
        this.handlers.onMessage(received);
        replies += ACCEPTED;
        continue;
      }
      const lineEnd = this.buffered.indexOf('\r\n');
      if (lineEnd < 0) break;
      const line = this.buffered.slice(0, lineEnd);
      this.buffered = this.buffered.slice(lineEnd + 2);
      const reply = this.command(line);
      replies += reply.text;
      if (reply.close) {
        this.socket.end(replies);
        return;
      }
      if (this.inData) this.buffered = `\r\n${this.buffered}`;
    }
    if (replies) this.socket.write(replies);
  }

  /** Accepts a message that waited for its turn, then reads on. */
  private accept(received: { to: string; headers: string }): void {
    this.awaitingAcceptance = false;
    if (this.socket.destroyed) return;
    this.handlers.onMessage(received);
    this.socket.write(ACCEPTED);
    this.receive('');
  }

  private command(line: string): { text: string; close?: boolean } {
    const verb = line.slice(0, 4).toUpperCase();
    switch (verb) {
      case 'EHLO':
        return { text: '250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n' };
      case 'HELO':
        return { text: '250 sink\r\n' };
      case 'MAIL':
      case 'RSET':
        this.recipient = undefined;
        return { text: '250 OK\r\n' };
      case 'RCPT': {
        const address = /<([^>]*)>/.exec(line)?.[1] ?? line.slice(line.indexOf(':') + 1).trim();
        const refusal = this.handlers.onRcptTo(address);
        if (refusal) return { text: `${refusal.code} ${refusal.message}\r\n`, close: refusal.code === 421 };
        this.recipient ??= address;
        return { text: '250 Accepted\r\n' };
      }
      case 'DATA':
        if (this.recipient === undefined) return { text: '503 Error: no valid recipients\r\n' };
        this.inData = true;
        return { text: '354 End data with <CR><LF>.<CR><LF>\r\n' };
      case 'NOOP':
        return { text: '250 OK\r\n' };
      case 'QUIT':
        return { text: '221 Bye\r\n', close: true };
      default:
        return { text: '502 Error: command not implemented\r\n' };
    }
  }
}
