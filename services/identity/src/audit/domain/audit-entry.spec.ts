import { randomUUID } from 'node:crypto';
import { Employee } from '../../employees/domain/employee';
import {
  REDACTED,
  actorFromRow,
  actorIdOf,
  actorOf,
  changeOf,
  managerSourceOf,
  redactedFields,
  roleChangeAction,
} from './audit-entry';

const at = new Date('2026-01-05T09:00:00Z');
const later = new Date('2026-01-06T09:00:00Z');

function ana(): Employee {
  return Employee.register({
    id: randomUUID(),
    email: 'ana@acme.com',
    name: 'Ana Lima',
    title: null,
    manager: null,
    at,
  });
}

describe('the change an audit entry records', () => {
  it('holds only the fields that changed, before and after', () => {
    const employee = ana();
    const before = employee.snapshot();
    employee.updateProfile({ title: 'Engineer', skills: ['Go'], name: 'Ana Lima' }, later);
    expect(changeOf(before, employee.snapshot())).toEqual({
      before: { title: null, skills: [] },
      after: { title: 'Engineer', skills: ['Go'] },
    });
  });

  it('shows a deactivation as no longer active, not as timestamps', () => {
    const employee = ana();
    const before = employee.snapshot();
    employee.deactivate(later);
    expect(changeOf(before, employee.snapshot())).toEqual({
      before: { active: true },
      after: { active: false },
    });
  });

  it('treats lists of objects with keys in another order as unchanged', () => {
    const employee = ana();
    employee.updateProfile(
      { positions: [{ title: 'Engineer', team: null, start: '2021-03', end: null }] },
      at,
    );
    const reordered = Employee.restore({
      ...employee.snapshot(),
      positions: [{ end: null, start: '2021-03', team: null, title: 'Engineer' }],
    });
    expect(changeOf(employee.snapshot(), reordered.snapshot())).toEqual({ before: {}, after: {} });
  });

  it('records every field of an employee created, and nothing before', () => {
    const employee = ana();
    const change = changeOf(undefined, employee.snapshot());
    expect(change.before).toEqual({});
    expect(change.after).toMatchObject({
      email: 'ana@acme.com',
      name: 'Ana Lima',
      managerId: null,
      active: true,
    });
    expect(change.after).not.toHaveProperty('id');
  });
});

describe('who an audit entry says acted', () => {
  const id = randomUUID();

  it('names an admin as an admin, whatever other roles they hold', () => {
    expect(actorOf({ id, roles: ['employee', 'admin'] })).toEqual({ type: 'admin', id });
    expect(actorOf({ id, roles: ['employee', 'admin', 'hr'] })).toEqual({ type: 'admin', id });
  });

  it('names a member of HR who is not an admin as HR', () => {
    expect(actorOf({ id, roles: ['employee', 'hr'] })).toEqual({ type: 'hr', id });
  });

  it('refuses to name an employee who is neither: no such caller gets past the guards', () => {
    expect(() => actorOf({ id, roles: ['employee'] })).toThrow(/neither an admin nor HR/);
  });

  it("stores the employee id of an admin or HR, and reads it back; the channels' actors have none", () => {
    expect(actorIdOf({ type: 'hr', id })).toBe(id);
    expect(actorIdOf({ type: 'scim' })).toBeNull();
    expect(actorFromRow('hr', id, 'audit entry 1')).toEqual({ type: 'hr', id });
    expect(actorFromRow('csv', null, 'audit entry 1')).toEqual({ type: 'csv' });
    expect(() => actorFromRow('hr', null, 'audit entry 1')).toThrow('audit entry 1 names no hr');
  });

  it("gives a manager link HR sets the source of an admin's: set by hand in Vouch", () => {
    expect(managerSourceOf({ type: 'hr', id })).toBe('admin');
    expect(managerSourceOf({ type: 'admin', id })).toBe('admin');
    expect(managerSourceOf({ type: 'scim' })).toBe('scim');
  });

  it('names the action of each role given or taken back', () => {
    expect(roleChangeAction('admin', true)).toBe('employee.admin_role_granted');
    expect(roleChangeAction('hr', true)).toBe('employee.hr_role_granted');
    expect(roleChangeAction('hr', false)).toBe('employee.hr_role_revoked');
  });

  it('redacts the personal values an entry holds, keeping which fields changed and the links by id', () => {
    const managerId = randomUUID();
    expect(
      redactedFields({
        name: 'Ana Lima',
        email: 'ana@acme.com',
        title: null,
        skills: ['Go'],
        department: 'Payments',
        managerId,
        managerSource: 'scim',
        active: false,
        adminGrant: true,
      }),
    ).toEqual({
      name: REDACTED,
      email: REDACTED,
      title: null,
      skills: REDACTED,
      department: REDACTED,
      managerId,
      managerSource: 'scim',
      active: false,
      adminGrant: true,
    });
  });

  it("redacts a takedown's reason, free text that may name people, and keeps the ids", () => {
    const recommendationId = randomUUID();
    const authorId = randomUUID();
    expect(redactedFields({ recommendationId, authorId, reason: 'Ana named Bruno Reis' })).toEqual({
      recommendationId,
      authorId,
      reason: REDACTED,
    });
  });
});
