import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { ambientTransaction } from '@vouch/persistence';
import { PasswordResetEntity } from './password-reset.entity';

export type PasswordReset = PasswordResetEntity;

/**
 * "Forgot password" links, in the unit of work's transaction; the lookup that also serves a check
 * outside any change (findByTokenHash) uses the transaction in progress if there is one, else the pool.
 */
@Injectable()
export class PasswordResetRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  private manager(): EntityManager {
    return ambientTransaction() ?? this.dataSource.manager;
  }

  async findByTokenHash(tokenHash: string): Promise<PasswordReset | undefined> {
    return (await this.manager().findOneBy(PasswordResetEntity, { tokenHash })) ?? undefined;
  }

  /** For update: the reset whose link has this token hash. */
  async lockByTokenHash(tokenHash: string): Promise<PasswordReset | undefined> {
    const row = await this.unitOfWork.transaction().findOne(PasswordResetEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  /** A new link for an employee: their earlier unused ones stop working. */
  async replaceOpen(reset: PasswordReset): Promise<void> {
    const manager = this.unitOfWork.transaction();
    await manager.delete(PasswordResetEntity, { employeeId: reset.employeeId, usedAt: IsNull() });
    await manager.insert(PasswordResetEntity, reset);
  }

  /** Uses a link; every other unused link of the employee stops working with it. */
  async markUsed(reset: PasswordReset, at: Date): Promise<void> {
    const manager = this.unitOfWork.transaction();
    await manager.update(PasswordResetEntity, { id: reset.id }, { usedAt: at });
    await manager.delete(PasswordResetEntity, { employeeId: reset.employeeId, usedAt: IsNull() });
  }
}
