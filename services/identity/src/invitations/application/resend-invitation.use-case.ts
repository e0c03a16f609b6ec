import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { Actor } from '../../audit/domain/audit-entry';
import type { Invitation } from '../domain/invitation';
import { InviteEmployees } from './invite-employees.use-case';

export interface ResendInvitationCommand {
  employeeId: string;
  actor: Actor;
}

/** An admin (re)sends one employee their invitation: a new one, whose link replaces the earlier one's. */
@Injectable()
export class ResendInvitation {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly inviteEmployees: InviteEmployees,
  ) {}

  execute(command: ResendInvitationCommand): Promise<Invitation> {
    return this.unitOfWork.run(() =>
      this.inviteEmployees.inviteOne(command.employeeId, command.actor, new Date()),
    );
  }
}
