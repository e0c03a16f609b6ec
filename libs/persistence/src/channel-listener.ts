import { Client } from 'pg';

/** How long to wait before reconnecting after the listening connection was lost. */
const RECONNECT_DELAY_MS = 1_000;

/**
 * Calls back on every NOTIFY on one channel, on a connection of its own that it opens again when
 * lost. NOTIFY is best effort (one sent while reconnecting is missed), so a listener is a way to
 * act at once, never the only way: whoever listens also polls, just less often.
 */
export class PostgresChannelListener {
  private client?: Client;
  private running = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly options: {
      databaseUrl: string;
      channel: string;
      applicationName: string;
      onNotify: () => void;
      onError: (error: Error) => void;
    },
  ) {}

  start(): void {
    this.running = true;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: this.options.applicationName,
    });
    this.client = client;
    client.on('notification', () => this.options.onNotify());
    client.on('error', (error) => this.reconnectAfter(client, error));
    try {
      await client.connect();
      // A channel name is an identifier: quoted, so any name is safe.
      await client.query(`LISTEN "${this.options.channel.replace(/"/g, '""')}"`);
      // Whatever was committed while not listening is found by the listener's own poll.
    } catch (error) {
      this.reconnectAfter(client, error as Error);
    }
  }

  private reconnectAfter(client: Client, error: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (!this.running) return;
    this.options.onError(error);
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
  }
}
