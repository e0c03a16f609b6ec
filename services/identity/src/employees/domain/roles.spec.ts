import { rolesOf } from './roles';

describe('roles', () => {
  it('makes an employee named in the admin list an admin', () => {
    expect(rolesOf('boss@acme.com', ['boss@acme.com'])).toEqual(['employee', 'admin']);
  });

  it('makes everyone else an employee only', () => {
    expect(rolesOf('ana@acme.com', ['boss@acme.com'])).toEqual(['employee']);
    expect(rolesOf('ana@acme.com', [])).toEqual(['employee']);
  });
});
