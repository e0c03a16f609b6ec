import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ConnectionAcceptedV1, ConnectionRequestedV1 } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import { inTransaction } from '@vouch/persistence';
import type { ConnectionRequestView } from '@vouch/contracts';
import { Connection } from '../domain/connection';
import { decideConnectionRequest } from '../domain/connection-request-policy';
import { EmployeeNotFoundError } from '../domain/connection.errors';
import { ConnectionRepository } from '../infrastructure/connection.repository';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { toRequestView } from './connection.views';

export interface RequestConnectionCommand {
  requesterId: string;
  addresseeId: string;
  message: string | null;
}

export interface RequestConnectionResult {
  /** `requested`: a new pending request; `accepted`: the other side had asked first, now connected. */
  outcome: 'requested' | 'accepted';
  request: ConnectionRequestView;
}

@Injectable()
export class RequestConnection {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly connections: ConnectionRepository,
    private readonly employees: EmployeeRepository,
  ) {}

  /** In `within` when given (the request's transaction, which keeps its Idempotency-Key), else in its own. */
  execute(command: RequestConnectionCommand, within?: EntityManager): Promise<RequestConnectionResult> {
    const { requesterId, addresseeId } = command;
    return inTransaction(this.dataSource, within, async (manager) => {
      if (requesterId !== addresseeId) await this.connections.lockPair(manager, requesterId, addresseeId);
      const requester = await this.employees.findShared(manager, requesterId);
      const addressee = await this.employees.findShared(manager, addresseeId);
      const open = await this.connections.findOpenBetween(manager, requesterId, addresseeId);
      const decision = decideConnectionRequest({ requesterId, addresseeId, requester, addressee, open });
      // Already refused by the decision; says so to the compiler.
      if (!addressee) throw new EmployeeNotFoundError(addresseeId);
      const now = new Date();

      if (decision.kind === 'accept-theirs') {
        const { connection } = decision;
        connection.accept(requesterId, now);
        await this.connections.save(manager, connection);
        await this.outbox.add(manager, ConnectionAcceptedV1, {
          subject: connection.id,
          data: {
            connectionId: connection.id,
            requesterId: connection.snapshot().requesterId,
            addresseeId: connection.snapshot().addresseeId,
            status: 'accepted',
            acceptedAt: now.toISOString(),
          },
        });
        return { outcome: 'accepted', request: toRequestView({ connection, counterpart: addressee }) };
      }

      const connection = Connection.request({
        id: randomUUID(),
        requesterId,
        addresseeId,
        message: command.message,
        at: now,
      });
      await this.connections.save(manager, connection);
      await this.outbox.add(manager, ConnectionRequestedV1, {
        subject: connection.id,
        data: {
          connectionId: connection.id,
          requesterId,
          addresseeId,
          status: 'pending',
          message: command.message,
          requestedAt: now.toISOString(),
        },
      });
      return { outcome: 'requested', request: toRequestView({ connection, counterpart: addressee }) };
    });
  }
}
