import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectionRequestWithdrawnV1 } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import { ConnectionRequestNotFoundError } from '../domain/connection.errors';
import { ConnectionRepository } from '../infrastructure/connection.repository';

export interface WithdrawConnectionRequestCommand {
  requestId: string;
  /** Who withdraws: only the requester may. */
  employeeId: string;
}

/** The requester takes back a pending request. */
@Injectable()
export class WithdrawConnectionRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly connections: ConnectionRepository,
  ) {}

  execute(command: WithdrawConnectionRequestCommand): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const connection = await this.connections.findForChange(manager, command.requestId);
      if (!connection) throw new ConnectionRequestNotFoundError(command.requestId);
      const now = new Date();
      connection.withdraw(command.employeeId, now);
      await this.connections.save(manager, connection);
      const { requesterId, addresseeId } = connection.snapshot();
      await this.outbox.add(manager, ConnectionRequestWithdrawnV1, {
        subject: connection.id,
        data: {
          connectionId: connection.id,
          requesterId,
          addresseeId,
          status: 'withdrawn',
          withdrawnAt: now.toISOString(),
        },
      });
    });
  }
}
