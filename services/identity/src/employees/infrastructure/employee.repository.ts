import { Injectable } from '@nestjs/common';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { Topics } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { ambientTransaction } from '@vouch/persistence';
import { Employee, type EmployeeState } from '../domain/employee';
import { EmailTakenError } from '../domain/employee.errors';
import type { EmployeeStatus } from '../domain/employee-status';
import { EmployeeEntity } from './employee.entity';

const UNIQUE_VIOLATION = '23505';

/** The lock every change to the org chart takes (`lockOrgChart`); the CSV import takes it too. */
const ORG_CHART_LOCK = 'identity.org_chart';

function toDomain(row: EmployeeEntity): Employee {
  const { passwordHash: _passwordHash, ...state } = row;
  return Employee.restore(state);
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}

function toRow(state: Readonly<EmployeeState>, passwordHash: string | null): EmployeeEntity {
  return Object.assign(new EmployeeEntity(), { ...state, passwordHash });
}

/**
 * Employees in the unit of work's transaction, saved with the events they recorded. The lookups that
 * also serve reads outside any change (findById, findByEmail) use the transaction in progress if
 * there is one, else the pool.
 */
@Injectable()
export class EmployeeRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  private manager(): EntityManager {
    return ambientTransaction() ?? this.dataSource.manager;
  }

  async findById(id: string): Promise<Employee | undefined> {
    const row = await this.manager().findOneBy(EmployeeEntity, { id });
    return row ? toDomain(row) : undefined;
  }

  /** The employees with these ids, in the order of the ids; unknown ones are left out. */
  async findByIds(ids: readonly string[]): Promise<Employee[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.manager.findBy(EmployeeEntity, { id: In([...ids]) });
    const byId = new Map(rows.map((row) => [row.id, toDomain(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** For update: the row stays locked until the transaction ends. */
  async lockById(id: string): Promise<Employee | undefined> {
    const row = await this.unitOfWork
      .transaction()
      .findOne(EmployeeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? toDomain(row) : undefined;
  }

  async findByEmail(email: string): Promise<Employee | undefined> {
    const row = await this.manager().findOneBy(EmployeeEntity, { email });
    return row ? toDomain(row) : undefined;
  }

  async credentialsOf(
    email: string,
  ): Promise<{ employee: Employee; passwordHash: string | null } | undefined> {
    const row = await this.dataSource.manager.findOneBy(EmployeeEntity, { email });
    return row ? { employee: toDomain(row), passwordHash: row.passwordHash } : undefined;
  }

  /**
   * For update, in the order of their ids (so two transactions locking some of the same employees
   * never wait for each other in a cycle): the employees with these ids and whether each has a
   * password. Unknown ids are left out.
   */
  async lockWithPasswordState(
    ids: readonly string[],
  ): Promise<Array<{ employee: Employee; hasPassword: boolean }>> {
    if (ids.length === 0) return [];
    const rows = await this.unitOfWork.transaction().find(EmployeeEntity, {
      where: { id: In([...new Set(ids)]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return rows.map((row) => ({ employee: toDomain(row), hasPassword: row.passwordHash !== null }));
  }

  /** Gives an employee their password (its hash): the one credential outside the employee's state. */
  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.unitOfWork.transaction().update(EmployeeEntity, { id }, { passwordHash });
  }

  /**
   * Saves a new employee (with their password's hash, if they chose one at sign-up) and the events
   * they recorded. An email another employee has fails with EmailTakenError.
   */
  async add(employee: Employee, passwordHash: string | null = null): Promise<void> {
    await this.unitOfWork.save(employee, async (manager) => {
      try {
        await manager.insert(EmployeeEntity, toRow(employee.snapshot(), passwordHash));
      } catch (error) {
        throw isUniqueViolation(error) ? new EmailTakenError(employee.snapshot().email) : error;
      }
    });
  }

  /** Saves an employee's changes and the events they recorded; a taken email fails with EmailTakenError. */
  async save(employee: Employee): Promise<void> {
    const { id, registeredAt: _registeredAt, ...changes } = employee.snapshot();
    await this.unitOfWork.save(employee, async (manager) => {
      try {
        await manager.update(EmployeeEntity, { id }, changes);
      } catch (error) {
        // Email is the only unique column an update can collide on.
        throw isUniqueViolation(error) ? new EmailTakenError(employee.snapshot().email) : error;
      }
    });
  }

  /**
   * Saves an erased employee: their anonymised row, without a password, the events they recorded,
   * and a tombstone in place of their record on the compacted topic, so that it forgets them.
   */
  async saveErased(employee: Employee): Promise<void> {
    const { id, registeredAt: _registeredAt, ...changes } = employee.snapshot();
    await this.unitOfWork.save(employee, (manager) =>
      manager.update(EmployeeEntity, { id }, { ...changes, passwordHash: null }),
    );
    await this.unitOfWork.tombstone(Topics.employeeRecords, id);
  }

  /**
   * Serialises changes to the org chart until the transaction ends: two concurrent changes could
   * each pass the cycle check alone and make a cycle together.
   */
  async lockOrgChart(): Promise<void> {
    await this.unitOfWork.transaction().query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ORG_CHART_LOCK]);
  }

  /** The managers above an employee, nearest first. */
  async managersAbove(employeeId: string): Promise<string[]> {
    // UNION (not UNION ALL) ends the walk even if a cycle slipped in.
    const rows: Array<{ id: string }> = await this.unitOfWork.transaction().query(
      `WITH RECURSIVE chain(id, depth) AS (
         SELECT manager_id, 1 FROM employee WHERE id = $1 AND manager_id IS NOT NULL
         UNION
         SELECT e.manager_id, c.depth + 1 FROM employee e JOIN chain c ON e.id = c.id
         WHERE e.manager_id IS NOT NULL AND c.depth < 10000
       )
       SELECT id FROM chain ORDER BY depth`,
      [employeeId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Employees of `status` whose name, email or title contains `q` (reporting to `managerId`), by
   * name, after the cursor. Never the erased: they are deactivated, but nobody is to find them.
   */
  async search(
    { q, managerId, status }: { q?: string; managerId?: string; status: EmployeeStatus },
    limit: number,
    after: { key: string; id: string } | undefined,
  ): Promise<Employee[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(EmployeeEntity, 'e')
      .where('e.erased_at IS NULL')
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(limit);
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(e.name ILIKE :pattern OR e.email ILIKE :pattern OR e.title ILIKE :pattern)', {
        pattern,
      });
    }
    if (status === 'active') query.andWhere('e.deactivated_at IS NULL');
    if (status === 'deactivated') query.andWhere('e.deactivated_at IS NOT NULL');
    if (managerId) query.andWhere('e.manager_id = :managerId', { managerId });
    if (after) query.andWhere('(e.name, e.id) > (:key, :id)', { key: after.key, id: after.id });
    return (await query.getMany()).map(toDomain);
  }
}
