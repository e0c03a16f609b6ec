import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PendingRegistrationEntity } from './pending-registration.entity';

export type PendingRegistration = PendingRegistrationEntity;

/** Sign-ups waiting for their address to be confirmed. */
@Injectable()
export class PendingRegistrationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest sign-up of an address, confirmed or not yet: what login and a resend look at. */
  async latestFor(email: string, manager?: EntityManager): Promise<PendingRegistration | undefined> {
    const row = await (manager ?? this.dataSource.manager).findOne(PendingRegistrationEntity, {
      where: { email },
      order: { createdAt: 'DESC' },
    });
    return row ?? undefined;
  }

  /** For update: the sign-up whose confirmation link has this token hash. */
  async lockByTokenHash(manager: EntityManager, tokenHash: string): Promise<PendingRegistration | undefined> {
    const row = await manager.findOne(PendingRegistrationEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async insert(manager: EntityManager, registration: PendingRegistration): Promise<void> {
    await manager.insert(PendingRegistrationEntity, registration);
  }

  /** A new link for a sign-up: the one its last email held stops working. */
  async replaceLink(manager: EntityManager, id: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.update(PendingRegistrationEntity, { id }, { tokenHash, expiresAt });
  }

  /** Once the address is confirmed (or already belongs to someone), its other sign-ups are moot. */
  async deleteAllFor(manager: EntityManager, email: string): Promise<void> {
    await manager.delete(PendingRegistrationEntity, { email });
  }
}
