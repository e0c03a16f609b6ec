import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import { actorFromRow, actorIdOf } from '../../audit/domain/audit-entry';
import { Invitation } from '../domain/invitation';
import { InvitationEntity } from './invitation.entity';

function toDomain(row: InvitationEntity): Invitation {
  const { invitedByType: _type, invitedById: _id, ...state } = row;
  return Invitation.restore({
    ...state,
    invitedBy: actorFromRow(row.invitedByType, row.invitedById, `invitation ${row.id}`),
  });
}

function toRow(invitation: Invitation): InvitationEntity {
  const { invitedBy, ...state } = invitation.snapshot();
  return Object.assign(new InvitationEntity(), {
    ...state,
    invitedByType: invitedBy.type,
    invitedById: actorIdOf(invitedBy),
  });
}

/** Rows per INSERT: well within PostgreSQL's 65,535 parameters of a statement. */
const INSERT_BATCH = 1_000;

/** Invitations in the unit of work's transaction, saved with the events they recorded. */
@Injectable()
export class InvitationRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** For update: the row stays locked until the transaction ends. */
  async lockById(id: string): Promise<Invitation | undefined> {
    const row = await this.unitOfWork.transaction().findOne(InvitationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row ? toDomain(row) : undefined;
  }

  /** Replaces the open invitations of these employees (at most one each): their links stop working. */
  async supersedeOpen(employeeIds: readonly string[], at: Date): Promise<void> {
    if (employeeIds.length === 0) return;
    await this.unitOfWork.transaction().query(
      `UPDATE invitation SET superseded_at = $2
        WHERE employee_id = ANY($1) AND accepted_at IS NULL AND superseded_at IS NULL`,
      [[...employeeIds], at],
    );
  }

  /** Saves new invitations, a batch of rows a statement, then the events they recorded, in order. */
  async add(invitations: readonly Invitation[]): Promise<void> {
    const all = { pullEvents: () => invitations.flatMap((invitation) => invitation.pullEvents()) };
    await this.unitOfWork.save(all, async (manager) => {
      for (let start = 0; start < invitations.length; start += INSERT_BATCH)
        await manager.insert(InvitationEntity, invitations.slice(start, start + INSERT_BATCH).map(toRow));
    });
  }

  /** Writes what can change of an invitation: its acceptance or its replacement. */
  async save(invitation: Invitation): Promise<void> {
    const { id, acceptedAt, supersededAt } = invitation.snapshot();
    await this.unitOfWork.save(invitation, (manager) =>
      manager.update(InvitationEntity, { id }, { acceptedAt, supersededAt }),
    );
  }
}
