import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EmployeeRecordV1,
  type EmployeeRegisteredV1,
  type EventData,
  type EventDefinition,
} from '@vouch/contracts';
import { Outbox } from '@vouch/messaging';
import type { Employee } from '../domain/employee';

/** A new employee's registration, however they came: signed up or provisioned. */
export function employeeRegisteredOf(employee: Employee): EventData<typeof EmployeeRegisteredV1> {
  const state = employee.snapshot();
  return {
    employeeId: state.id,
    email: state.email,
    name: state.name,
    title: state.title,
    managerId: state.managerId,
    managerSource: state.managerSource,
    timeZone: state.timeZone,
    language: state.language,
    registeredAt: state.registeredAt.toISOString(),
  };
}

/** The employee as the compacted record topic carries them. */
export function employeeRecordOf(employee: Employee): EventData<typeof EmployeeRecordV1> {
  const state = employee.snapshot();
  return {
    employeeId: state.id,
    email: state.email,
    name: state.name,
    title: state.title,
    headline: state.headline,
    location: state.location,
    timeZone: state.timeZone,
    language: state.language,
    managerId: state.managerId,
    managerSource: state.managerSource,
    active: employee.isActive,
    completeness: employee.completeness.score,
    registeredAt: state.registeredAt.toISOString(),
    deactivatedAt: state.deactivatedAt?.toISOString() ?? null,
    updatedAt: state.updatedAt.toISOString(),
  };
}

/**
 * How identity publishes what happened to an employee: the event, and the employee's whole record
 * after it on the compacted topic, in the same transaction as the change. Every change of an
 * employee goes through here, so the record topic never misses one.
 */
@Injectable()
export class EmployeeOutbox {
  constructor(private readonly outbox: Outbox) {}

  async add<TDefinition extends EventDefinition>(
    manager: EntityManager,
    employee: Employee,
    definition: TDefinition,
    data: EventData<TDefinition>,
  ): Promise<void> {
    await this.outbox.add(manager, definition, { subject: employee.id, data });
    await this.addRecord(manager, employee);
  }

  /** The same, for one event in several versions of its type (docs/schema-evolution.md). */
  async addInVersions(
    manager: EntityManager,
    employee: Employee,
    versions: ReadonlyArray<readonly [EventDefinition, EventData<EventDefinition>]>,
  ): Promise<void> {
    await this.outbox.addInVersions(manager, versions, { subject: employee.id });
    await this.addRecord(manager, employee);
  }

  private async addRecord(manager: EntityManager, employee: Employee): Promise<void> {
    await this.outbox.add(manager, EmployeeRecordV1, {
      subject: employee.id,
      data: employeeRecordOf(employee),
    });
  }
}
