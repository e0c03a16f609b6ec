import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
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
    private readonly unitOfWork: UnitOfWork,
    private readonly connections: ConnectionRepository,
  ) {}

  execute(command: WithdrawConnectionRequestCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const connection = await this.connections.findForChange(command.requestId);
      if (!connection) throw new ConnectionRequestNotFoundError(command.requestId);
      connection.withdraw(command.employeeId, new Date());
      await this.connections.save(connection);
    });
  }
}
