import {
  EmployeeDeactivatedV1,
  EmployeeEmailChangedV1,
  EmployeeManagerChangedV1,
  EmployeeManagerChangedV2,
  EmployeeProfileUpdatedV1,
  EmployeeReactivatedV1,
  EmployeeRecordV1,
  EmployeeRegisteredV1,
} from '@vouch/contracts';
import { Employee } from './employee';

const ANA = 'a1a1a1a1-1111-4111-8111-111111111111';
const BEN = 'b2b2b2b2-2222-4222-8222-222222222222';
const EVE = 'e5e5e5e5-5555-4555-8555-555555555555';
const t0 = new Date('2026-11-25T10:00:00Z');
const t1 = new Date('2026-11-26T10:00:00Z');

const registered = () =>
  Employee.register({
    id: ANA,
    email: 'ana@acme.com',
    name: ' Ana Lima ',
    title: 'Engineer',
    timeZone: 'Europe/Lisbon',
    language: 'pt-br',
    department: 'Payments',
    employeeNumber: 'E-1',
    manager: { id: BEN, source: 'scim' },
    at: t0,
  });

/** An employee as loaded from the database: their registration was recorded long ago. */
const saved = () => {
  const employee = registered();
  employee.pullEvents();
  return employee;
};

/** The record the compacted topic carries of Ana, with what differs from her registration. */
const recordOf = (changes: Partial<Record<string, unknown>> = {}) => ({
  definition: EmployeeRecordV1,
  subject: ANA,
  data: {
    employeeId: ANA,
    email: 'ana@acme.com',
    name: 'Ana Lima',
    title: 'Engineer',
    headline: null,
    location: null,
    timeZone: 'Europe/Lisbon',
    language: 'pt-BR',
    managerId: BEN,
    managerSource: 'scim',
    active: true,
    completeness: registered().completeness.score,
    registeredAt: t0.toISOString(),
    deactivatedAt: null,
    updatedAt: t0.toISOString(),
    ...changes,
  },
});

describe('the events an employee records', () => {
  it('records EmployeeRegistered when registered, with what HR said of them, then their record', () => {
    expect(registered().pullEvents()).toEqual([
      {
        definition: EmployeeRegisteredV1,
        subject: ANA,
        data: {
          employeeId: ANA,
          email: 'ana@acme.com',
          name: 'Ana Lima',
          title: 'Engineer',
          managerId: BEN,
          managerSource: 'scim',
          timeZone: 'Europe/Lisbon',
          language: 'pt-BR',
          registeredAt: t0.toISOString(),
        },
      },
      recordOf(),
    ]);
  });

  it('hands each event over once', () => {
    const employee = registered();
    expect(employee.pullEvents()).toHaveLength(2);
    expect(employee.pullEvents()).toEqual([]);
  });

  it('records nothing when restored', () => {
    expect(Employee.restore(registered().snapshot()).pullEvents()).toEqual([]);
  });

  it('records EmployeeProfileUpdated with the fields that changed', () => {
    const employee = saved();
    employee.updateProfile({ headline: 'Makes payments boring', title: 'Engineer' }, t1);
    const completeness = employee.completeness.score;
    expect(employee.pullEvents()).toEqual([
      {
        definition: EmployeeProfileUpdatedV1,
        subject: ANA,
        data: {
          employeeId: ANA,
          name: 'Ana Lima',
          title: 'Engineer',
          headline: 'Makes payments boring',
          timeZone: 'Europe/Lisbon',
          language: 'pt-BR',
          completeness,
          changedFields: ['headline'],
          updatedAt: t1.toISOString(),
        },
      },
      recordOf({ headline: 'Makes payments boring', completeness, updatedAt: t1.toISOString() }),
    ]);
  });

  it('records EmployeeManagerChanged in both versions, with one id, then the record', () => {
    const employee = saved();
    employee.changeManager(EVE, 'admin', [], t1);
    const events = employee.pullEvents();
    const v1 = { employeeId: ANA, managerId: EVE, previousManagerId: BEN, changedAt: t1.toISOString() };
    expect(events).toEqual([
      { definition: EmployeeManagerChangedV1, subject: ANA, data: v1, id: expect.any(String) },
      {
        definition: EmployeeManagerChangedV2,
        subject: ANA,
        data: { ...v1, managerSource: 'admin' },
        id: events[0]?.id,
      },
      recordOf({ managerId: EVE, managerSource: 'admin', updatedAt: t1.toISOString() }),
    ]);
  });

  it('records EmployeeManagerChanged when the same link gets another source', () => {
    const employee = saved();
    employee.changeManager(BEN, 'csv', [], t1);
    expect(employee.pullEvents().map((event) => event.data)).toContainEqual({
      employeeId: ANA,
      managerId: BEN,
      previousManagerId: BEN,
      changedAt: t1.toISOString(),
      managerSource: 'csv',
    });
  });

  it('records EmployeeDeactivated, then the inactive record', () => {
    const employee = saved();
    employee.deactivate(t1);
    expect(employee.pullEvents()).toEqual([
      {
        definition: EmployeeDeactivatedV1,
        subject: ANA,
        data: { employeeId: ANA, deactivatedAt: t1.toISOString() },
      },
      recordOf({ active: false, deactivatedAt: t1.toISOString(), updatedAt: t1.toISOString() }),
    ]);
  });

  it('records EmployeeReactivated, then the active record', () => {
    const employee = saved();
    employee.deactivate(t0);
    employee.pullEvents();
    employee.reactivate(t1);
    expect(employee.pullEvents()).toEqual([
      {
        definition: EmployeeReactivatedV1,
        subject: ANA,
        data: { employeeId: ANA, reactivatedAt: t1.toISOString() },
      },
      recordOf({ updatedAt: t1.toISOString() }),
    ]);
  });

  it('records EmployeeEmailChanged with the normalised email and the previous one', () => {
    const employee = saved();
    employee.changeEmail(' Ana.Lima@ACME.com ', t1);
    expect(employee.pullEvents()).toEqual([
      {
        definition: EmployeeEmailChangedV1,
        subject: ANA,
        data: {
          employeeId: ANA,
          email: 'ana.lima@acme.com',
          previousEmail: 'ana@acme.com',
          changedAt: t1.toISOString(),
        },
      },
      recordOf({ email: 'ana.lima@acme.com', updatedAt: t1.toISOString() }),
    ]);
  });

  it('records nothing for a change that changes nothing, nor for HR details no event carries', () => {
    const employee = saved();
    employee.updateProfile({ title: 'Engineer' }, t1);
    employee.changeManager(BEN, 'scim', [], t1);
    employee.changeEmail('ANA@acme.com', t1);
    employee.reactivate(t1);
    employee.changeEmploymentDetails({ department: 'Risk', employeeNumber: 'E-2' }, t1);
    employee.deactivate(t1);
    employee.pullEvents();
    employee.deactivate(t1);
    expect(() => employee.updateProfile({ headline: 'Gone' }, t1)).toThrow();
    expect(() => employee.changeManager(ANA, 'admin', [], t1)).toThrow();
    expect(employee.pullEvents()).toEqual([]);
  });

  it('records events whose data their contracts accept', () => {
    const employee = Employee.register({
      id: ANA,
      email: 'ana@acme.com',
      name: 'Ana Lima',
      title: null,
      manager: null,
      at: t0,
    });
    employee.updateProfile({ skills: ['Go'], language: 'en' }, t1);
    employee.changeManager(BEN, 'csv', [], t1);
    employee.changeManager(null, 'csv', [], t1);
    employee.changeEmail('ana.lima@acme.com', t1);
    employee.deactivate(t1);
    employee.reactivate(t1);
    const events = employee.pullEvents();
    expect(events.map((event) => event.definition.type)).toEqual([
      'EmployeeRegistered',
      'EmployeeRecord',
      'EmployeeProfileUpdated',
      'EmployeeRecord',
      'EmployeeManagerChanged',
      'EmployeeManagerChanged',
      'EmployeeRecord',
      'EmployeeManagerChanged',
      'EmployeeManagerChanged',
      'EmployeeRecord',
      'EmployeeEmailChanged',
      'EmployeeRecord',
      'EmployeeDeactivated',
      'EmployeeRecord',
      'EmployeeReactivated',
      'EmployeeRecord',
    ]);
    for (const event of events) expect(() => event.definition.schema.parse(event.data)).not.toThrow();
  });
});
