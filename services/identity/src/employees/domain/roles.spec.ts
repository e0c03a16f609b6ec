import { rolesOf } from './roles';

describe('roles', () => {
  it('makes an employee named in the admin list an admin once their address is proven', () => {
    expect(
      rolesOf({
        email: 'boss@acme.com',
        adminEmails: ['boss@acme.com'],
        emailProven: true,
        inAdminGroup: false,
      }),
    ).toEqual(['employee', 'admin']);
  });

  it('never makes an admin of whoever merely claims an address in the admin list', () => {
    expect(
      rolesOf({
        email: 'boss@acme.com',
        adminEmails: ['boss@acme.com'],
        emailProven: false,
        inAdminGroup: false,
      }),
    ).toEqual(['employee']);
  });

  it("makes a member of the company's admin group an admin", () => {
    expect(
      rolesOf({ email: 'ana@acme.com', adminEmails: [], emailProven: false, inAdminGroup: true }),
    ).toEqual(['employee', 'admin']);
  });

  it('makes everyone else an employee only', () => {
    expect(
      rolesOf({
        email: 'ana@acme.com',
        adminEmails: ['boss@acme.com'],
        emailProven: true,
        inAdminGroup: false,
      }),
    ).toEqual(['employee']);
    expect(
      rolesOf({ email: 'ana@acme.com', adminEmails: [], emailProven: true, inAdminGroup: false }),
    ).toEqual(['employee']);
  });
});
