import { Injectable } from '@nestjs/common';
import { ReplicatedEmployeeRepository } from '@vouch/employee-replica';
import { UnitOfWork } from '@vouch/messaging';
import type { ConnectionRequestView } from '@vouch/contracts';
import { ConnectionRequestNotFoundError } from '../domain/connection.errors';
import { ConnectionRepository } from '../infrastructure/connection.repository';
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
    private readonly unitOfWork: UnitOfWork,
    private readonly connections: ConnectionRepository,
    private readonly employees: ReplicatedEmployeeRepository,
  ) {}

  execute(command: AnswerConnectionRequestCommand): Promise<ConnectionRequestView> {
    const { requestId, employeeId } = command;
    return this.unitOfWork.run(async () => {
      const connection = await this.connections.findForChange(requestId);
      if (!connection) throw new ConnectionRequestNotFoundError(requestId);
      const now = new Date();
      if (command.answer === 'accept') connection.accept(employeeId, now);
      else connection.decline(employeeId, now);
      await this.connections.save(connection);
      const counterpart = await this.employees.find(connection.snapshot().requesterId);
      if (!counterpart) throw new ConnectionRequestNotFoundError(requestId);
      return toRequestView({ connection, counterpart });
    });
  }
}
