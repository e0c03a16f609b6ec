import { randomUUID } from 'node:crypto';
import { readPeopleFile } from './people-file';
import { planImport, type ExistingEmployee, type PlanOptions } from './people-import-plan';

const noFlags: PlanOptions = { deactivateMissing: false, keep: new Set() };

function employee(email: string, fields: Partial<ExistingEmployee> = {}): ExistingEmployee {
  return {
    id: randomUUID(),
    email,
    name: email.split('@')[0] ?? email,
    title: null,
    timeZone: null,
    language: null,
    department: null,
    employeeNumber: null,
    managerId: null,
    managerSource: null,
    active: true,
    ...fields,
  };
}

function file(...lines: string[]) {
  return readPeopleFile(lines.join('\n'), { allowedEmailDomains: [] });
}

describe('planning an import of people', () => {
  it('creates the new, updates only what differs, and leaves the rest unchanged', () => {
    const ana = employee('ana@acme.com', { name: 'Ana', title: 'Engineer' });
    const ben = employee('ben@acme.com', { name: 'Ben', title: 'Designer', department: 'Design' });
    const plan = planImport(
      file(
        'email,name,title,department',
        'ana@acme.com,Ana,Engineer,',
        'BEN@acme.com,Ben Okafor,Designer,Design',
        'cy@acme.com,Cy,,Sales',
      ),
      [ana, ben],
      noFlags,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.people).toEqual([
      expect.objectContaining({ outcome: 'unchanged', employeeId: ana.id, changedFields: [] }),
      expect.objectContaining({
        outcome: 'updated',
        employeeId: ben.id,
        profile: { name: 'Ben Okafor' },
        details: {},
        changedFields: ['name'],
      }),
      expect.objectContaining({
        outcome: 'created',
        email: 'cy@acme.com',
        name: 'Cy',
        details: { department: 'Sales' },
      }),
    ]);
  });

  it('reports the active employees the file does not list, and deactivates them only when asked, never those kept', () => {
    const ana = employee('ana@acme.com');
    const admin = employee('admin@acme.com');
    const gone = employee('gone@acme.com', { active: false });
    const people = file('email,name', 'ben@acme.com,Ben');
    expect(planImport(people, [ana, admin, gone], noFlags).missing).toEqual([
      { employeeId: ana.id, email: ana.email, name: 'ana', deactivate: false },
      { employeeId: admin.id, email: admin.email, name: 'admin', deactivate: false },
    ]);
    expect(
      planImport(people, [ana, admin, gone], { deactivateMissing: true, keep: new Set([admin.id]) }).missing,
    ).toEqual([
      { employeeId: ana.id, email: ana.email, name: 'ana', deactivate: true },
      { employeeId: admin.id, email: admin.email, name: 'admin', deactivate: false },
    ]);
  });

  it('refuses to deactivate everyone for a file that lists nobody', () => {
    const plan = planImport(file('email,name'), [employee('ana@acme.com')], {
      deactivateMissing: true,
      keep: new Set(),
    });
    expect(plan.errors).toEqual([
      {
        line: 1,
        field: null,
        message: 'the file lists nobody: deactivating whoever it does not list would deactivate everyone',
      },
    ]);
  });

  it('reactivates a deactivated employee the file lists', () => {
    const gone = employee('gone@acme.com', { name: 'Gone', active: false });
    const [change] = planImport(file('email,name', 'gone@acme.com,Gone'), [gone], noFlags).people;
    expect(change).toMatchObject({ outcome: 'updated', reactivate: true, changedFields: ['active'] });
  });

  it('takes a manager from later in the file or from the active employees, and refuses any other', () => {
    const boss = employee('boss@acme.com');
    const former = employee('former@acme.com', { active: false });
    const plan = planImport(
      file(
        'email,name,manager email',
        'ana@acme.com,Ana,ben@acme.com',
        'ben@acme.com,Ben,boss@acme.com',
        'cy@acme.com,Cy,nobody@acme.com',
        'dee@acme.com,Dee,former@acme.com',
      ),
      [boss, former],
      noFlags,
    );
    expect(plan.errors).toEqual([
      {
        line: 4,
        field: 'manager email',
        message: 'the manager nobody@acme.com is neither in the file nor an employee',
      },
      {
        line: 5,
        field: 'manager email',
        message: 'the manager former@acme.com is deactivated and not in the file',
      },
    ]);
    expect(plan.people.slice(0, 2).map((person) => person.manager)).toEqual([
      { email: 'ben@acme.com' },
      { email: 'boss@acme.com' },
    ]);
  });

  it('refuses a manager the import would deactivate as missing', () => {
    const boss = employee('boss@acme.com');
    const plan = planImport(file('email,name,manager email', 'ana@acme.com,Ana,boss@acme.com'), [boss], {
      deactivateMissing: true,
      keep: new Set(),
    });
    expect(plan.errors).toEqual([
      {
        line: 2,
        field: 'manager email',
        message: 'the manager boss@acme.com is not in the file, so the import would deactivate them',
      },
    ]);
  });

  it('refuses every line of a circle of managers, also one closed by an employee the file leaves out', () => {
    const ana = employee('ana@acme.com');
    const eve = employee('eve@acme.com', { managerId: ana.id, managerSource: 'admin' });
    const plan = planImport(
      file(
        'email,name,manager email',
        'ana@acme.com,Ana,ben@acme.com',
        'ben@acme.com,Ben,cy@acme.com',
        'cy@acme.com,Cy,ana@acme.com',
        'dee@acme.com,Dee,ana@acme.com',
        'fay@acme.com,Fay,eve@acme.com',
      ),
      [ana, eve],
      noFlags,
    );
    const circle =
      'the managers would go round in a circle: ana@acme.com → ben@acme.com → cy@acme.com → ana@acme.com';
    expect(plan.errors).toEqual([
      { line: 2, field: 'manager email', message: circle },
      { line: 3, field: 'manager email', message: circle },
      { line: 4, field: 'manager email', message: circle },
    ]);

    const [anaLine] = planImport(
      file('email,name,manager email', 'ana@acme.com,Ana,eve@acme.com'),
      [ana, eve],
      noFlags,
    ).errors;
    expect(anaLine).toEqual({
      line: 2,
      field: 'manager email',
      message: 'the managers would go round in a circle: ana@acme.com → eve@acme.com → ana@acme.com',
    });
  });

  it('refuses a person listed twice, naming the line of the first', () => {
    const plan = planImport(
      file('email,name', 'ana@acme.com,Ana', 'ben@acme.com,Ben', 'ANA@acme.com,Ana L'),
      [],
      noFlags,
    );
    expect(plan.errors).toEqual([
      { line: 4, field: 'email', message: 'ana@acme.com is listed already, on line 2' },
    ]);
  });

  it('makes a manager link the file confirms its own, and leaves one it already set unchanged', () => {
    const boss = employee('boss@acme.com');
    const declared = employee('ana@acme.com', { name: 'Ana', managerId: boss.id, managerSource: null });
    const imported = employee('ben@acme.com', { name: 'Ben', managerId: boss.id, managerSource: 'csv' });
    const plan = planImport(
      file(
        'email,name,manager email',
        'boss@acme.com,boss,',
        'ana@acme.com,Ana,boss@acme.com',
        'ben@acme.com,Ben,boss@acme.com',
      ),
      [boss, declared, imported],
      noFlags,
    );
    expect(plan.people.map((person) => [person.outcome, person.manager])).toEqual([
      ['unchanged', undefined],
      ['updated', { email: 'boss@acme.com' }],
      ['unchanged', undefined],
    ]);
  });

  it('removes a manager for an empty cell, and keeps every manager when the file has no such column', () => {
    const boss = employee('boss@acme.com');
    const ana = employee('ana@acme.com', { name: 'Ana', managerId: boss.id, managerSource: 'csv' });
    const [, removed] = planImport(
      file('email,name,manager email', 'boss@acme.com,boss,', 'ana@acme.com,Ana,'),
      [boss, ana],
      noFlags,
    ).people;
    expect(removed).toMatchObject({
      outcome: 'updated',
      manager: { email: null },
      changedFields: ['managerId'],
    });
    const [kept] = planImport(file('email,name', 'ana@acme.com,Ana'), [boss, ana], noFlags).people;
    expect(kept).toMatchObject({ outcome: 'unchanged', manager: undefined });
  });

  it('orders the manager changes so that none closes a circle on the way: removals, then top down', () => {
    const ana = employee('ana@acme.com', { name: 'Ana' });
    const ben = employee('ben@acme.com', { name: 'Ben', managerId: ana.id, managerSource: 'csv' });
    const cy = employee('cy@acme.com', { name: 'Cy', managerId: ben.id, managerSource: 'csv' });
    // Turned upside down: cy at the top, then ben, then ana.
    const plan = planImport(
      file(
        'email,name,manager email',
        'ana@acme.com,Ana,ben@acme.com',
        'ben@acme.com,Ben,cy@acme.com',
        'cy@acme.com,Cy,',
      ),
      [ana, ben, cy],
      noFlags,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.managerChanges).toEqual([
      { line: 4, email: 'cy@acme.com', managerEmail: null },
      { line: 3, email: 'ben@acme.com', managerEmail: 'cy@acme.com' },
      { line: 2, email: 'ana@acme.com', managerEmail: 'ben@acme.com' },
    ]);
  });
});
