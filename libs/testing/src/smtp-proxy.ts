import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { END_OF_DATA } from './discard-smtp-server';

/**
 * A TCP proxy in front of an SMTP server, for the faults that happen between a sender and it:
 * - `holdAcceptances()`: holds back the server's reply to the end of a message's data (its "250
 *   accepted") for `holdMs`: the message is then accepted by the server but the sender does not
 *   know it yet, the window in which a sender killed loses the fact that it sent. Every other byte
 *   passes at once, so only the moment of acceptance is stretched.
 * - `goDown()`: the server is gone: open connections are cut and new ones refused, until `comeUp()`.
 *   With `{ counting: true }` the port still accepts, as a load balancer in front of a dead server
 *   does, and cuts each connection at once, before any greeting: `attemptsWhileDown` counts them.
 */
export class SmtpProxy {
  private holding = false;
  private cutting = false;
  /** Connections the sender opened while down with `counting`: its attempts to reach the server. */
  attemptsWhileDown = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly port: number,
    private readonly holdMs: number,
  ) {}

  static async start(upstreamUrl: string, { holdMs = 2_000 } = {}): Promise<SmtpProxy> {
    const upstream = new URL(upstreamUrl);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new SmtpProxy(server, (server.address() as AddressInfo).port, holdMs);
    server.on('connection', (client) => {
      if (proxy.cutting) {
        proxy.attemptsWhileDown += 1;
        client.destroy();
      } else proxy.relay(client, upstream.hostname, Number(upstream.port));
    });
    return proxy;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  holdAcceptances(): void {
    this.holding = true;
  }

  releaseAcceptances(): void {
    this.holding = false;
  }

  /** Cuts every connection and stops listening: the sender's connections are refused (or counted and cut). */
  async goDown({ counting = false } = {}): Promise<void> {
    if (counting) {
      this.cutting = true;
      for (const socket of this.sockets) socket.destroy();
      return;
    }
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Listens again on the same port. */
  async comeUp(): Promise<void> {
    if (this.cutting) {
      this.cutting = false;
      return;
    }
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    if (this.server.listening) await this.goDown();
  }

  private relay(client: Socket, host: string, port: number): void {
    const server = connect(port, host);
    this.track(client);
    this.track(server);
    // The last bytes the client sent, to see the end of data even when it spans two chunks.
    let clientTail = '';
    let dataEnded = false;
    client.on('data', (chunk: Buffer) => {
      clientTail = (clientTail + chunk.toString('latin1')).slice(-END_OF_DATA.length);
      if (clientTail === END_OF_DATA) dataEnded = true;
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      const isAcceptance = dataEnded;
      dataEnded = false;
      if (isAcceptance && this.holding)
        setTimeout(() => client.destroyed || client.write(chunk), this.holdMs);
      else client.write(chunk);
    });
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
    // A peer that vanishes (the sender killed) closes both sides; nothing to report.
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
