import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ConnectionRequestedV1, EmployeeRegisteredV1, type CloudEvent } from '@vouch/contracts';
import { publishEvents } from './kafka-test-kit';
import { uniqueName } from './test-infrastructure';
import { waitFor } from './wait-for';

/** Where the load goes: the service's brokers and topic prefix, and its database to see it arrive. */
export interface LoadTarget {
  kafkaBrokers: string[];
  topicPrefix: string;
  database: Client;
}

/**
 * One requester and `count` addressees, each of whom gets exactly one email ("… wants to connect")
 * per connection request: a load of emails to distinct recipients, so no daily cap or digest is
 * involved.
 */
export class ConnectionRequestLoad {
  private constructor(
    private readonly target: LoadTarget,
    readonly requesterId: string,
    readonly addresseeIds: string[],
  ) {}

  /** Registers the employees through identity's event and waits until the service knows them all. */
  static async register(target: LoadTarget, count: number): Promise<ConnectionRequestLoad> {
    const requesterId = randomUUID();
    const addresseeIds = Array.from({ length: count }, () => randomUUID());
    await publishEvents(
      target.kafkaBrokers,
      target.topicPrefix,
      EmployeeRegisteredV1,
      [requesterId, ...addresseeIds].map((employeeId) => ({
        subject: employeeId,
        data: {
          employeeId,
          email: `${uniqueName('employee')}@example.com`,
          name: 'Load Test',
          title: null,
          managerId: null,
          timeZone: null,
          registeredAt: new Date().toISOString(),
        },
      })),
    );
    await waitFor(
      `${count + 1} employees in the replica`,
      async () => Number((await target.database.query(`SELECT count(*)::int AS n FROM employee`)).rows[0].n),
      (known) => known === count + 1,
      { timeoutMs: 120_000, intervalMs: 250 },
    );
    return new ConnectionRequestLoad(target, requesterId, addresseeIds);
  }

  /** Publishes one connection request to each addressee from `from` to `to` (exclusive), in one batch. */
  publish(from = 0, to = this.addresseeIds.length): Promise<CloudEvent[]> {
    return publishEvents(
      this.target.kafkaBrokers,
      this.target.topicPrefix,
      ConnectionRequestedV1,
      this.addresseeIds.slice(from, to).map((addresseeId) => {
        const connectionId = randomUUID();
        return {
          subject: connectionId,
          data: {
            connectionId,
            requesterId: this.requesterId,
            addresseeId,
            message: null,
            requestedAt: new Date().toISOString(),
          },
        };
      }),
    );
  }

  /** Seconds from the first delivery planned (an event handled) to the last, as the database records them. */
  async planningSeconds(): Promise<number> {
    const { rows } = await this.target.database.query<{ seconds: number }>(
      `SELECT extract(epoch FROM max(created_at) - min(created_at))::float AS seconds FROM delivery`,
    );
    return rows[0]?.seconds ?? Number.NaN;
  }

  /** Deliveries by status, as the service's database holds them. */
  async deliveryStatuses(): Promise<Record<string, number>> {
    const { rows } = await this.target.database.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM delivery GROUP BY status ORDER BY status`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }
}
