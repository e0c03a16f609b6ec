import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, QueryFailedError, type EntityManager } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { ambientTransaction } from '@vouch/persistence';
import { InvalidScimRequestError, ScimUniquenessError } from '../domain/scim.errors';
import type { ScimGroupMember, ScimGroupRecord } from '../domain/scim-group';
import type { GroupFilter } from '../domain/scim-query';
import { ScimGroupEntity, ScimGroupMemberEntity } from './scim-group.entity';

const UNIQUE_VIOLATION = '23505';

// The one unique index is on the live groups' display names.
function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}

const recordOf = ({
  id,
  displayName,
  externalId,
  createdAt,
  updatedAt,
}: ScimGroupEntity): ScimGroupRecord => ({
  id,
  displayName,
  externalId,
  createdAt,
  updatedAt,
});

/**
 * SCIM groups and their members in the unit of work's transaction. The reads that also serve
 * requests outside any change (find, membersOf, list) use the pool; memberIdsOf uses the transaction
 * in progress if there is one, else the pool.
 */
@Injectable()
export class ScimGroupRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  private manager(): EntityManager {
    return ambientTransaction() ?? this.dataSource.manager;
  }

  /** A group not deleted. */
  async find(id: string): Promise<ScimGroupRecord | undefined> {
    const row = await this.dataSource.manager
      .createQueryBuilder(ScimGroupEntity, 'g')
      .where('g.id = :id AND g.deleted_at IS NULL', { id })
      .getOne();
    return row ? recordOf(row) : undefined;
  }

  /** A group not deleted, locked until the transaction ends so changes to it queue up. */
  async lockById(id: string): Promise<ScimGroupRecord | undefined> {
    const row = await this.unitOfWork
      .transaction()
      .createQueryBuilder(ScimGroupEntity, 'g')
      .where('g.id = :id AND g.deleted_at IS NULL', { id })
      .setLock('pessimistic_write')
      .getOne();
    return row ? recordOf(row) : undefined;
  }

  /** Whether a group other than `exceptId` is named `displayName`, in any case. */
  async displayNameTaken(displayName: string, exceptId: string): Promise<boolean> {
    return this.unitOfWork
      .transaction()
      .createQueryBuilder(ScimGroupEntity, 'g')
      .where('lower(g.display_name) = lower(:displayName) AND g.deleted_at IS NULL AND g.id <> :exceptId', {
        displayName,
        exceptId,
      })
      .getExists();
  }

  async save(group: ScimGroupRecord): Promise<void> {
    try {
      await this.unitOfWork
        .transaction()
        .upsert(ScimGroupEntity, Object.assign(new ScimGroupEntity(), group, { deletedAt: null }), ['id']);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ScimUniquenessError(`another group is named ${group.displayName}`);
      throw error;
    }
  }

  /** Deleted for SCIM; its members lose what it gave them. */
  async delete(id: string, at: Date): Promise<void> {
    const manager = this.unitOfWork.transaction();
    await manager.delete(ScimGroupMemberEntity, { groupId: id });
    await manager.update(ScimGroupEntity, { id, deletedAt: IsNull() }, { deletedAt: at, updatedAt: at });
  }

  async memberIdsOf(groupId: string): Promise<string[]> {
    const rows = await this.manager().findBy(ScimGroupMemberEntity, { groupId });
    return rows.map((row) => row.employeeId);
  }

  /** Members joining; an id that is no employee's refuses the request. */
  async addMembers(groupId: string, employeeIds: string[]): Promise<void> {
    if (employeeIds.length === 0) return;
    const manager = this.unitOfWork.transaction();
    const known = await manager
      .createQueryBuilder()
      .select('e.id', 'id')
      .from('employee', 'e')
      .where('e.id IN (:...employeeIds)', { employeeIds })
      .getRawMany<{ id: string }>();
    const unknown = employeeIds.filter((id) => !known.some((row) => row.id === id));
    if (unknown.length > 0)
      throw new InvalidScimRequestError(
        'invalidValue',
        `no SCIM user ${unknown.join(', ')} to make a member`,
      );
    await manager
      .createQueryBuilder()
      .insert()
      .into(ScimGroupMemberEntity)
      .values(employeeIds.map((employeeId) => ({ groupId, employeeId })))
      .orIgnore()
      .execute();
  }

  async removeMembers(groupId: string, employeeIds: string[]): Promise<void> {
    if (employeeIds.length > 0)
      await this.unitOfWork
        .transaction()
        .delete(ScimGroupMemberEntity, { groupId, employeeId: In(employeeIds) });
  }

  /** Takes an employee out of every group, as when the provider deletes the user. */
  async removeFromAllGroups(employeeId: string): Promise<void> {
    await this.unitOfWork.transaction().delete(ScimGroupMemberEntity, { employeeId });
  }

  /** The members of each group, with the name Vouch knows them by, in the order of their names. */
  async membersOf(groupIds: string[]): Promise<Map<string, ScimGroupMember[]>> {
    const members = new Map<string, ScimGroupMember[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return members;
    const rows = await this.dataSource.manager
      .createQueryBuilder(ScimGroupMemberEntity, 'm')
      .innerJoin('employee', 'e', 'e.id = m.employee_id')
      .select(['m.group_id AS "groupId"', 'm.employee_id AS "employeeId"', 'e.name AS "name"'])
      .where('m.group_id IN (:...groupIds)', { groupIds })
      .orderBy('e.name', 'ASC')
      .addOrderBy('m.employee_id', 'ASC')
      .getRawMany<{ groupId: string; employeeId: string; name: string }>();
    for (const { groupId, employeeId, name } of rows) members.get(groupId)?.push({ employeeId, name });
    return members;
  }

  /** The groups not deleted that match, in the order they were created. */
  async list(
    filter: GroupFilter | undefined,
    offset: number,
    limit: number,
  ): Promise<{ total: number; groups: ScimGroupRecord[] }> {
    const query = this.dataSource.manager
      .createQueryBuilder(ScimGroupEntity, 'g')
      .where('g.deleted_at IS NULL')
      .orderBy('g.created_at', 'ASC')
      .addOrderBy('g.id', 'ASC');
    // displayName is not case-exact (RFC 7643 §4.2), externalId is.
    if (filter?.attribute === 'displayName')
      query.andWhere('lower(g.display_name) = lower(:displayName)', { displayName: filter.value.trim() });
    if (filter?.attribute === 'externalId')
      query.andWhere('g.external_id = :externalId', { externalId: filter.value });
    const total = await query.getCount();
    const rows = limit === 0 ? [] : await query.offset(offset).limit(limit).getMany();
    return { total, groups: rows.map(recordOf) };
  }
}
