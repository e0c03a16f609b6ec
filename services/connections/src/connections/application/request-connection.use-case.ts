import { Injectable } from '@nestjs/common';
import { ReplicatedEmployeeRepository } from '@vouch/employee-replica';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@vouch/messaging';
import type { ConnectionRequestView } from '@vouch/contracts';
import { Connection } from '../domain/connection';
import { decideConnectionRequest } from '../domain/connection-request-policy';
import { EmployeeNotFoundError } from '../domain/connection.errors';
import { ConnectionRepository } from '../infrastructure/connection.repository';
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
    private readonly unitOfWork: UnitOfWork,
    private readonly connections: ConnectionRepository,
    private readonly employees: ReplicatedEmployeeRepository,
  ) {}

  /** In the request's transaction when it has one (it keeps its Idempotency-Key), else in its own. */
  execute(command: RequestConnectionCommand): Promise<RequestConnectionResult> {
    const { requesterId, addresseeId } = command;
    return this.unitOfWork.run(async () => {
      if (requesterId !== addresseeId) await this.connections.lockPair(requesterId, addresseeId);
      const requester = await this.employees.findShared(requesterId);
      const addressee = await this.employees.findShared(addresseeId);
      const open = await this.connections.findOpenBetween(requesterId, addresseeId);
      const decision = decideConnectionRequest({ requesterId, addresseeId, requester, addressee, open });
      // Already refused by the decision; says so to the compiler.
      if (!addressee) throw new EmployeeNotFoundError(addresseeId);
      const now = new Date();

      if (decision.kind === 'accept-theirs') {
        const { connection } = decision;
        connection.accept(requesterId, now);
        await this.connections.save(connection);
        return { outcome: 'accepted', request: toRequestView({ connection, counterpart: addressee }) };
      }

      const connection = Connection.request({
        id: randomUUID(),
        requesterId,
        addresseeId,
        message: command.message,
        at: now,
      });
      await this.connections.save(connection);
      return { outcome: 'requested', request: toRequestView({ connection, counterpart: addressee }) };
    });
  }
}
