import { randomUUID } from 'node:crypto';
import { EmployeeDeactivatedV1, EmployeeRecordV1 } from '@vouch/contracts';
import { ERASED_NAME, Employee, erasedEmailOf } from './employee';
import {
  EmployeeAlreadyErasedError,
  EmployeeDeactivatedError,
  InvalidProfileError,
  OrgChartCycleError,
} from './employee.errors';

const at = new Date('2026-01-05T09:00:00Z');
const later = new Date('2026-01-06T09:00:00Z');

function ana(managerId: string | null = null): Employee {
  return Employee.register({
    id: randomUUID(),
    email: 'ana@acme.com',
    name: ' Ana Lima ',
    title: 'Engineer',
    manager: managerId === null ? null : { id: managerId, source: 'scim' },
    at,
  });
}

describe('an employee', () => {
  it('registers active, with a trimmed name and an otherwise empty profile', () => {
    const employee = ana();
    expect(employee.isActive).toBe(true);
    expect(employee.snapshot()).toMatchObject({
      name: 'Ana Lima',
      title: 'Engineer',
      skills: [],
      positions: [],
    });
    expect(employee.completeness.score).toBe(15);
  });

  it('reports only the profile fields whose value changed', () => {
    const employee = ana();
    const changed = employee.updateProfile(
      { title: 'Engineer', headline: 'Makes payments boring', skills: ['Go', 'go', 'SQL'] },
      later,
    );
    expect(changed).toEqual(['headline', 'skills']);
    expect(employee.snapshot().skills).toEqual(['Go', 'SQL']);
    expect(employee.snapshot().updatedAt).toEqual(later);
  });

  it('clears an optional field given null', () => {
    const employee = ana();
    expect(employee.updateProfile({ title: null }, later)).toEqual(['title']);
    expect(employee.snapshot().title).toBeNull();
  });

  it('changes nothing and reports nothing for an empty change', () => {
    const employee = ana();
    expect(employee.updateProfile({}, later)).toEqual([]);
    expect(employee.snapshot().updatedAt).toEqual(at);
  });

  it('gets a new manager and says who the previous one was', () => {
    const first = randomUUID();
    const second = randomUUID();
    const employee = ana(first);
    expect(employee.changeManager(second, 'csv', [], later)).toEqual({ previousManagerId: first });
    expect(employee.snapshot()).toMatchObject({ managerId: second, managerSource: 'csv' });
  });

  it('reports no change when the manager and the source stay the same', () => {
    const manager = randomUUID();
    expect(ana(manager).changeManager(manager, 'scim', [], later)).toBeUndefined();
  });

  it('takes the new source of the same link, a confirmation by another source', () => {
    const manager = randomUUID();
    const employee = ana(manager);
    expect(employee.changeManager(manager, 'admin', [], later)).toEqual({ previousManagerId: manager });
    expect(employee.snapshot().managerSource).toBe('admin');
  });

  it('keeps no source once the link is removed', () => {
    const employee = ana(randomUUID());
    employee.changeManager(null, 'csv', [], later);
    expect(employee.snapshot()).toMatchObject({ managerId: null, managerSource: null });
  });

  it('keeps a language tag in its canonical form and refuses what is none', () => {
    const employee = ana();
    expect(employee.updateProfile({ language: ' PT-br ' }, later)).toEqual(['language']);
    expect(employee.snapshot().language).toBe('pt-BR');
    expect(() => employee.updateProfile({ language: 'not a language' }, later)).toThrow(InvalidProfileError);
  });

  it('changes HR details, blank meaning none, and reports whether anything changed', () => {
    const employee = ana();
    expect(employee.changeEmploymentDetails({ department: ' Payments ', employeeNumber: 'E-1' }, later)).toBe(
      true,
    );
    expect(employee.snapshot()).toMatchObject({ department: 'Payments', employeeNumber: 'E-1' });
    expect(employee.changeEmploymentDetails({ department: 'Payments' }, later)).toBe(false);
    expect(employee.changeEmploymentDetails({ employeeNumber: '  ' }, later)).toBe(true);
    expect(employee.snapshot().employeeNumber).toBeNull();
  });

  it('refuses to manage themselves', () => {
    const employee = ana();
    expect(() => employee.changeManager(employee.id, 'admin', [], later)).toThrow(OrgChartCycleError);
  });

  it('refuses a manager who reports to them, directly or not', () => {
    const employee = ana();
    const report = randomUUID();
    expect(() => employee.changeManager(report, 'admin', [randomUUID(), employee.id], later)).toThrow(
      OrgChartCycleError,
    );
  });

  it('is deactivated once, and then can no longer change their profile', () => {
    const employee = ana();
    expect(employee.deactivate(later)).toBe(true);
    expect(employee.deactivate(later)).toBe(false);
    expect(employee.isActive).toBe(false);
    expect(() => employee.updateProfile({ headline: 'Still here' }, later)).toThrow(EmployeeDeactivatedError);
  });

  it('is reactivated once after a deactivation, and may then change their profile again', () => {
    const employee = ana();
    expect(employee.reactivate(later)).toBe(false);
    employee.deactivate(later);
    const evenLater = new Date('2026-01-07T09:00:00Z');
    expect(employee.reactivate(evenLater)).toBe(true);
    expect(employee.reactivate(evenLater)).toBe(false);
    expect(employee.isActive).toBe(true);
    expect(employee.snapshot()).toMatchObject({ deactivatedAt: null, updatedAt: evenLater });
    expect(employee.updateProfile({ headline: 'Back again' }, evenLater)).toEqual(['headline']);
  });

  it('changes their email to the new one, trimmed and lower-cased, and says what it was', () => {
    const employee = ana();
    expect(employee.changeEmail('  Ana.Lima@ACME.com ', later)).toBe('ana@acme.com');
    expect(employee.snapshot()).toMatchObject({ email: 'ana.lima@acme.com', updatedAt: later });
  });

  it('reports no email change for the same email spelled differently', () => {
    const employee = ana();
    expect(employee.changeEmail(' ANA@acme.com', later)).toBeUndefined();
    expect(employee.snapshot()).toMatchObject({ email: 'ana@acme.com', updatedAt: at });
  });

  it('refuses a new email that is not an address, keeping the old one', () => {
    const employee = ana();
    expect(() => employee.changeEmail('ana@', later)).toThrow(InvalidProfileError);
    expect(employee.snapshot()).toMatchObject({ email: 'ana@acme.com', updatedAt: at });
  });
});

describe('an employee profile change', () => {
  it('sees the same positions written with their keys in another order as no change', () => {
    const employee = ana();
    employee.updateProfile(
      { positions: [{ title: 'Engineer', team: 'Core', start: '2020-01', end: null }] },
      at,
    );
    const reordered = [{ end: null, team: 'Core', start: '2020-01', title: 'Engineer' }];
    expect(employee.updateProfile({ positions: reordered }, later)).toEqual([]);
  });

  it('erases their personal data, offboarding them first, and keeps the id and the manager link', () => {
    const managerId = randomUUID();
    const employee = ana(managerId);
    employee.updateProfile({ headline: 'Makes payments boring', skills: ['Go'] }, at);
    employee.changeEmploymentDetails({ department: 'Payments', employeeNumber: 'E-7' }, at);
    employee.pullEvents();

    employee.erase(later);

    expect(employee.isActive).toBe(false);
    expect(employee.isErased).toBe(true);
    expect(employee.snapshot()).toMatchObject({
      email: erasedEmailOf(employee.id),
      name: ERASED_NAME,
      title: null,
      headline: null,
      skills: [],
      department: null,
      employeeNumber: null,
      managerId,
      deactivatedAt: later,
      erasedAt: later,
    });
    // The deactivation as any other tells it, but no record: a tombstone replaces it.
    const events = employee.pullEvents().map((event) => event.definition);
    expect(events).toEqual([EmployeeDeactivatedV1]);
    expect(events).not.toContain(EmployeeRecordV1);
  });

  it('erases a deactivated employee without deactivating them again, and refuses to erase or reactivate them after', () => {
    const employee = ana();
    employee.deactivate(at);
    employee.pullEvents();

    employee.erase(later);

    expect(employee.pullEvents()).toEqual([]);
    expect(employee.snapshot().deactivatedAt).toEqual(at);
    expect(() => employee.erase(later)).toThrow(EmployeeAlreadyErasedError);
    expect(() => employee.reactivate(later)).toThrow(EmployeeAlreadyErasedError);
  });
});
