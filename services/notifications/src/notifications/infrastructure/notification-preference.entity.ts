import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CategorySwitches, DigestMode } from '../domain/email-category';

@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid')
  employeeId!: string;

  @Column('jsonb')
  categories!: CategorySwitches;

  @Column('text')
  digest!: DigestMode;

  @Column('boolean')
  unsubscribedAll!: boolean;

  @Column('timestamptz')
  updatedAt!: Date;
}
