import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** One client's connection through the proxy, and the proxy's own to the broker once it forwards. */
interface Link {
  client: Socket;
  broker?: Socket;
}

/**
 * A TCP proxy between Kafka's clients and a broker that advertises the proxy's address, so that
 * every connection a client opens after its first metadata request comes through it too
 * (`DedicatedKafkaBroker`'s `advertisedPort`). It cuts them off as a network partition does:
 * - `partition()`: no byte passes either way any more, and no connection is closed. The proxy
 *   stops reading both sides, so what each side sends waits in the kernel's buffers and TCP's
 *   flow control, as it waits in retransmissions across a real partition. A new connection is
 *   accepted (the proxy's kernel completes the handshake; a silent network would not, so the
 *   client waits for its first request's answer rather than for the connection) and goes no
 *   further.
 * - `heal()`: the held bytes flow on, in order, and the connections opened meanwhile are
 *   connected to the broker; those their client gave up on meanwhile close then.
 * Nothing here is Kafka's: it is whatever TCP the clients speak.
 */
export class KafkaProxy {
  /** When each client connection was accepted, in order: the clients' connection attempts. */
  readonly connectionsAt: number[] = [];
  private partitioned = false;
  private readonly links = new Set<Link>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly brokerPort: number,
  ) {}

  /** Listens on a free port of 127.0.0.1, forwarding to the broker on `brokerPort` there. */
  static async start(brokerPort: number): Promise<KafkaProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new KafkaProxy(server, (server.address() as AddressInfo).port, brokerPort);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  partition(): void {
    this.partitioned = true;
    for (const link of this.links) {
      link.client.pause();
      link.broker?.pause();
    }
  }

  heal(): void {
    this.partitioned = false;
    for (const link of this.links) {
      if (!link.broker) this.forward(link);
      link.broker?.resume();
      link.client.resume();
    }
  }

  /** Connections clients opened from `from` (inclusive) to `to` (exclusive). */
  connectionsBetween(from: number, to: number): number {
    return this.connectionsAt.filter((at) => at >= from && at < to).length;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const link of this.links) link.client.destroy();
    await closed;
  }

  private accept(client: Socket): void {
    this.connectionsAt.push(Date.now());
    const link: Link = { client };
    this.links.add(link);
    client.on('close', () => {
      link.broker?.destroy();
      this.links.delete(link);
    });
    // A client that vanishes closes its link; nothing to report.
    client.on('error', () => client.destroy());
    if (this.partitioned) client.pause();
    else this.forward(link);
  }

  private forward(link: Link): void {
    const broker = connect(this.brokerPort, '127.0.0.1');
    link.broker = broker;
    link.client.on('data', (chunk: Buffer) => broker.write(chunk));
    broker.on('data', (chunk: Buffer) => link.client.write(chunk));
    broker.on('close', () => link.client.destroy());
    broker.on('error', () => broker.destroy());
  }
}
