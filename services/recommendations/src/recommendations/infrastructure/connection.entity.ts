import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A connection between two employees, from the connections service's events; the pair is unordered. */
@Entity('connection')
export class ConnectionEntity {
  @PrimaryColumn('uuid')
  connectionId!: string;

  /** The smaller of the two employee ids. */
  @Column('uuid')
  firstId!: string;

  /** The larger of the two employee ids. */
  @Column('uuid')
  secondId!: string;

  @Column('timestamptz', { nullable: true })
  since!: Date | null;

  @Column('timestamptz', { nullable: true })
  removedAt!: Date | null;
}

/** How a pair of employees is stored in `connection`: the smaller id first. */
export function connectionPair(a: string, b: string): { firstId: string; secondId: string } {
  return a < b ? { firstId: a, secondId: b } : { firstId: b, secondId: a };
}
