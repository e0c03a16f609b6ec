import { randomUUID } from 'node:crypto';
import { Employee } from '../../employees/domain/employee';
import { changeOf } from './audit-entry';

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
