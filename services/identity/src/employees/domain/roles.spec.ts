import { rolesOf } from './roles';

describe('roles', () => {
  it('makes an employee named in the admin list an admin', () => {
    expect(rolesOf({ email: 'boss@acme.com', adminEmails: ['boss@acme.com'], inAdminGroup: false })).toEqual([
      'employee',
      'admin',
    ]);
  });

  it("makes a member of the identity provider's admin group an admin", () => {
    expect(rolesOf({ email: 'ana@acme.com', adminEmails: [], inAdminGroup: true })).toEqual([
      'employee',
      'admin',
    ]);
  });

  it('makes everyone else an employee only', () => {
    expect(rolesOf({ email: 'ana@acme.com', adminEmails: ['boss@acme.com'], inAdminGroup: false })).toEqual([
      'employee',
    ]);
    expect(rolesOf({ email: 'ana@acme.com', adminEmails: [], inAdminGroup: false })).toEqual(['employee']);
  });
});
