import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, QueryFailedError } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { ambientTransaction } from '@vouch/persistence';
import { ScimUniquenessError } from '../domain/scim.errors';
import type { UserFilter } from '../domain/scim-query';
import type { ScimLink, ScimOnlyAttributes } from '../domain/scim-user';
import { ScimUserEntity } from './scim-user.entity';

const UNIQUE_VIOLATION = '23505';

// The one unique index is on external_id.
function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}

/**
 * SCIM users (what SCIM alone keeps of an employee) in the unit of work's transaction. The reads that
 * also serve requests outside any change (find, list) use the transaction in progress if there is
 * one, else the pool.
 */
@Injectable()
export class ScimUserRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** The SCIM user an employee is, deleted or not. */
  async find(employeeId: string): Promise<ScimLink | undefined> {
    const row = await (ambientTransaction() ?? this.dataSource.manager).findOneBy(ScimUserEntity, {
      employeeId,
    });
    return row ? { ...row } : undefined;
  }

  async save(link: ScimLink): Promise<void> {
    try {
      await this.unitOfWork
        .transaction()
        .upsert(ScimUserEntity, Object.assign(new ScimUserEntity(), link), ['employeeId']);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ScimUniquenessError(`another user has the externalId ${link.externalId ?? ''}`);
      throw error;
    }
  }

  /** Stores what SCIM alone keeps of a user, unless the user was deleted meanwhile. */
  async updateAttributes(employeeId: string, attributes: ScimOnlyAttributes, at: Date): Promise<void> {
    try {
      await this.unitOfWork
        .transaction()
        .update(ScimUserEntity, { employeeId, deletedAt: IsNull() }, { ...attributes, updatedAt: at });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ScimUniquenessError(`another user has the externalId ${attributes.externalId ?? ''}`);
      throw error;
    }
  }

  /** Whether a SCIM user other than `employeeId` has this externalId. */
  async externalIdTaken(externalId: string, employeeId: string): Promise<boolean> {
    return this.unitOfWork
      .transaction()
      .createQueryBuilder(ScimUserEntity, 's')
      .where('s.external_id = :externalId AND s.deleted_at IS NULL AND s.employee_id <> :employeeId', {
        externalId,
        employeeId,
      })
      .getExists();
  }

  /** The SCIM users not deleted that match, in the order they were provisioned. */
  async list(
    filter: UserFilter | undefined,
    offset: number,
    limit: number,
  ): Promise<{ total: number; links: ScimLink[] }> {
    const query = this.dataSource.manager
      .createQueryBuilder(ScimUserEntity, 's')
      .innerJoin('employee', 'e', 'e.id = s.employee_id')
      .where('s.deleted_at IS NULL')
      .orderBy('s.provisioned_at', 'ASC')
      .addOrderBy('s.employee_id', 'ASC');
    // Emails are stored lower-cased, so userName matches in any case as RFC 7643 says it should.
    if (filter?.attribute === 'userName')
      query.andWhere('e.email = :email', { email: filter.value.trim().toLowerCase() });
    if (filter?.attribute === 'externalId')
      query.andWhere('s.external_id = :externalId', { externalId: filter.value });
    const total = await query.getCount();
    const rows = limit === 0 ? [] : await query.offset(offset).limit(limit).getMany();
    return { total, links: rows.map((row) => ({ ...row })) };
  }
}
