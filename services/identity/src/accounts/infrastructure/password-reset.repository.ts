import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { PasswordResetEntity } from './password-reset.entity';

export type PasswordReset = PasswordResetEntity;

/** "Forgot password" links. */
@Injectable()
export class PasswordResetRepository {
  async findByTokenHash(manager: EntityManager, tokenHash: string): Promise<PasswordReset | undefined> {
    return (await manager.findOneBy(PasswordResetEntity, { tokenHash })) ?? undefined;
  }

  /** For update: the reset whose link has this token hash. */
  async lockByTokenHash(manager: EntityManager, tokenHash: string): Promise<PasswordReset | undefined> {
    const row = await manager.findOne(PasswordResetEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  /** A new link for an employee: their earlier unused ones stop working. */
  async replaceOpen(manager: EntityManager, reset: PasswordReset): Promise<void> {
    await manager.delete(PasswordResetEntity, { employeeId: reset.employeeId, usedAt: IsNull() });
    await manager.insert(PasswordResetEntity, reset);
  }

  /** Uses a link; every other unused link of the employee stops working with it. */
  async markUsed(manager: EntityManager, reset: PasswordReset, at: Date): Promise<void> {
    await manager.update(PasswordResetEntity, { id: reset.id }, { usedAt: at });
    await manager.delete(PasswordResetEntity, { employeeId: reset.employeeId, usedAt: IsNull() });
  }
}
