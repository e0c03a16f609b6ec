import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectionRequestNotFoundError } from '../domain/connection.errors';
import { ConnectionRepository } from '../infrastructure/connection.repository';

export interface WithdrawConnectionRequestCommand {
  requestId: string;
  /** Who withdraws: only the requester may. */
  employeeId: string;
}

/** The requester takes back a pending request. The contract has no event for it: none is published. */
@Injectable()
export class WithdrawConnectionRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connections: ConnectionRepository,
  ) {}

  execute(command: WithdrawConnectionRequestCommand): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const connection = await this.connections.findForChange(manager, command.requestId);
      if (!connection) throw new ConnectionRequestNotFoundError(command.requestId);
      connection.withdraw(command.employeeId, new Date());
      await this.connections.save(manager, connection);
    });
  }
}
