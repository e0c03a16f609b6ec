import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectionRemovedV1 } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
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
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly connections: ConnectionRepository,
  ) {}

  execute(command: RemoveConnectionCommand): Promise<void> {
    const { employeeId, otherEmployeeId } = command;
    return this.dataSource.transaction(async (manager) => {
      if (employeeId === otherEmployeeId) throw new NotConnectedError(otherEmployeeId);
      await this.connections.lockPair(manager, employeeId, otherEmployeeId);
      const connection = await this.connections.findOpenBetween(manager, employeeId, otherEmployeeId);
      if (!connection) throw new NotConnectedError(otherEmployeeId);
      const now = new Date();
      connection.remove(employeeId, now);
      await this.connections.save(manager, connection);
      const { requesterId, addresseeId } = connection.snapshot();
      await this.outbox.add(manager, ConnectionRemovedV1, {
        subject: connection.id,
        data: {
          connectionId: connection.id,
          requesterId,
          addresseeId,
          status: 'removed',
          removedBy: employeeId,
          removedAt: now.toISOString(),
        },
      });
    });
  }
}
