import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { NotConnectedError } from '../domain/connection.errors';
import { ConnectionRepository } from '../infrastructure/connection.repository';

export interface RemoveConnectionCommand {
  /** Either side of the connection. */
  employeeId: string;
  otherEmployeeId: string;
}

@Injectable()
export class RemoveConnection {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly connections: ConnectionRepository,
  ) {}

  execute(command: RemoveConnectionCommand): Promise<void> {
    const { employeeId, otherEmployeeId } = command;
    return this.unitOfWork.run(async () => {
      if (employeeId === otherEmployeeId) throw new NotConnectedError(otherEmployeeId);
      await this.connections.lockPair(employeeId, otherEmployeeId);
      const connection = await this.connections.findOpenBetween(employeeId, otherEmployeeId);
      if (!connection) throw new NotConnectedError(otherEmployeeId);
      connection.remove(employeeId, new Date());
      await this.connections.save(connection);
    });
  }
}
