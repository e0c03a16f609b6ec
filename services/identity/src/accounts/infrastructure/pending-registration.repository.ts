import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { ambientTransaction } from '@vouch/persistence';
import { PendingRegistrationEntity } from './pending-registration.entity';

export type PendingRegistration = PendingRegistrationEntity;

/**
 * Sign-ups waiting for their address to be confirmed, in the unit of work's transaction. What also
 * runs outside any change (latestFor, and a sign-up's one-statement insert or new link) uses the
 * transaction in progress if there is one, else the pool.
 */
@Injectable()
export class PendingRegistrationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  private manager(): EntityManager {
    return ambientTransaction() ?? this.dataSource.manager;
  }

  /** The latest sign-up of an address, confirmed or not yet: what login and a resend look at. */
  async latestFor(email: string): Promise<PendingRegistration | undefined> {
    const row = await this.manager().findOne(PendingRegistrationEntity, {
      where: { email },
      order: { createdAt: 'DESC' },
    });
    return row ?? undefined;
  }

  /** For update: the sign-up whose confirmation link has this token hash. */
  async lockByTokenHash(tokenHash: string): Promise<PendingRegistration | undefined> {
    const row = await this.unitOfWork.transaction().findOne(PendingRegistrationEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async insert(registration: PendingRegistration): Promise<void> {
    await this.manager().insert(PendingRegistrationEntity, registration);
  }

  /** A new link for a sign-up: the one its last email held stops working. */
  async replaceLink(id: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.manager().update(PendingRegistrationEntity, { id }, { tokenHash, expiresAt });
  }

  /** Once the address is confirmed (or already belongs to someone), its other sign-ups are moot. */
  async deleteAllFor(email: string): Promise<void> {
    await this.unitOfWork.transaction().delete(PendingRegistrationEntity, { email });
  }
}
