import { rolesOf, type RoleFacts } from './roles';

/** An employee of no group, not in the admin list, with a proven address; `facts` say otherwise. */
const rolesWith = (facts: Partial<RoleFacts>) =>
  rolesOf({
    email: 'ana@acme.com',
    adminEmails: [],
    emailProven: true,
    inAdminGroup: false,
    inHrGroup: false,
    ...facts,
  });

describe('roles', () => {
  it('makes an employee named in the admin list an admin once their address is proven', () => {
    expect(rolesWith({ email: 'boss@acme.com', adminEmails: ['boss@acme.com'] })).toEqual([
      'employee',
      'admin',
    ]);
  });

  it('never makes an admin of whoever merely claims an address in the admin list', () => {
    expect(rolesWith({ email: 'boss@acme.com', adminEmails: ['boss@acme.com'], emailProven: false })).toEqual(
      ['employee'],
    );
  });

  it("makes a member of the company's admin group an admin", () => {
    expect(rolesWith({ emailProven: false, inAdminGroup: true })).toEqual(['employee', 'admin']);
  });

  it("makes a member of the company's HR group HR, whether or not their address is proven", () => {
    expect(rolesWith({ inHrGroup: true })).toEqual(['employee', 'hr']);
    expect(rolesWith({ emailProven: false, inHrGroup: true })).toEqual(['employee', 'hr']);
  });

  it('names both roles of an admin who is also in the HR group', () => {
    expect(rolesWith({ inAdminGroup: true, inHrGroup: true })).toEqual(['employee', 'admin', 'hr']);
  });

  it('never makes HR of someone named in the admin list: the list names admins only', () => {
    expect(rolesWith({ email: 'boss@acme.com', adminEmails: ['boss@acme.com'] })).not.toContain('hr');
  });

  it('makes everyone else an employee only', () => {
    expect(rolesWith({ adminEmails: ['boss@acme.com'] })).toEqual(['employee']);
    expect(rolesWith({})).toEqual(['employee']);
  });
});
