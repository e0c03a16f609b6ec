import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConnectionAcceptedV1, ConnectionDeclinedV1 } from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import type { ConnectionRequestView } from '@vouch/contracts';
import { ConnectionRequestNotFoundError } from '../domain/connection.errors';
import { ConnectionRepository } from '../infrastructure/connection.repository';
import { EmployeeRepository } from '../infrastructure/employee.repository';
import { toRequestView } from './connection.views';

export interface AnswerConnectionRequestCommand {
  requestId: string;
  /** Who answers: only the addressee may. */
  employeeId: string;
  answer: 'accept' | 'decline';
}

/** The addressee accepts or declines a pending request. */
@Injectable()
export class AnswerConnectionRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly connections: ConnectionRepository,
    private readonly employees: EmployeeRepository,
  ) {}

  execute(command: AnswerConnectionRequestCommand): Promise<ConnectionRequestView> {
    const { requestId, employeeId } = command;
    return this.dataSource.transaction(async (manager) => {
      const connection = await this.connections.findForChange(manager, requestId);
      if (!connection) throw new ConnectionRequestNotFoundError(requestId);
      const now = new Date();
      const { requesterId, addresseeId } = connection.snapshot();
      if (command.answer === 'accept') {
        connection.accept(employeeId, now);
        await this.outbox.add(manager, ConnectionAcceptedV1, {
          subject: connection.id,
          data: {
            connectionId: connection.id,
            requesterId,
            addresseeId,
            status: 'accepted',
            acceptedAt: now.toISOString(),
          },
        });
      } else {
        connection.decline(employeeId, now);
        await this.outbox.add(manager, ConnectionDeclinedV1, {
          subject: connection.id,
          data: {
            connectionId: connection.id,
            requesterId,
            addresseeId,
            status: 'declined',
            declinedAt: now.toISOString(),
          },
        });
      }
      await this.connections.save(manager, connection);
      const counterpart = await this.employees.find(manager, requesterId);
      if (!counterpart) throw new ConnectionRequestNotFoundError(requestId);
      return toRequestView({ connection, counterpart });
    });
  }
}
