import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** The line that ends a message's data in SMTP (RFC 5321 §4.1.1.4). */
const END_OF_DATA = '\r\n.\r\n';

/**
 * A TCP proxy in front of an SMTP server that, while armed, holds back the server's reply to the
 * end of a message's data (its "250 accepted") for `holdMs`: the message is then accepted by the
 * server but the sender does not know it yet, the window in which a sender killed loses the fact
 * that it sent. Every other byte passes at once, so only the moment of acceptance is stretched.
 */
export class AcceptanceDelay {
  private armed = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly holdMs: number,
  ) {}

  static async start(upstreamUrl: string, holdMs: number): Promise<AcceptanceDelay> {
    const upstream = new URL(upstreamUrl);
    const server = createServer();
    const proxy = new AcceptanceDelay(server, holdMs);
    server.on('connection', (client) => proxy.relay(client, upstream.hostname, Number(upstream.port)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  arm(): void {
    this.armed = true;
  }

  disarm(): void {
    this.armed = false;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
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
      if (isAcceptance && this.armed) setTimeout(() => client.destroyed || client.write(chunk), this.holdMs);
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
