import { randomUUID } from 'node:crypto';
import type { Actor } from '../../audit/domain/audit-entry';
import { AdminOnlyForAdminsError, ManagerSetByHrDataError } from './employee.errors';
import { assertMayChangeActivation, assertMayChangeManagerLink } from './hr-limits';

const hr: Actor = { type: 'hr', id: randomUUID() };
const admin: Actor = { type: 'admin', id: randomUUID() };

describe("HR's limits", () => {
  it('refuses HR a manager link that SCIM or the people import set, naming where to change it', () => {
    expect(() => assertMayChangeManagerLink(hr, 'scim')).toThrow(new ManagerSetByHrDataError('scim').message);
    expect(() => assertMayChangeManagerLink(hr, 'scim')).toThrow(/HR system/);
    expect(() => assertMayChangeManagerLink(hr, 'csv')).toThrow(/people file/);
  });

  it('lets HR set a link set by hand in Vouch, self-declared, or missing', () => {
    expect(() => assertMayChangeManagerLink(hr, 'admin')).not.toThrow();
    expect(() => assertMayChangeManagerLink(hr, null)).not.toThrow();
  });

  it("keeps an admin's override of HR data's link, and lets SCIM and the import replace each other's", () => {
    expect(() => assertMayChangeManagerLink(admin, 'scim')).not.toThrow();
    expect(() => assertMayChangeManagerLink(admin, 'csv')).not.toThrow();
    expect(() => assertMayChangeManagerLink({ type: 'csv' }, 'scim')).not.toThrow();
    expect(() => assertMayChangeManagerLink({ type: 'scim' }, 'csv')).not.toThrow();
  });

  it('refuses HR deactivating or reactivating an admin', () => {
    expect(() => assertMayChangeActivation(hr, { isAdmin: true }, 'deactivate')).toThrow(
      new AdminOnlyForAdminsError('deactivate'),
    );
    expect(() => assertMayChangeActivation(hr, { isAdmin: true }, 'reactivate')).toThrow(
      'only an admin may reactivate an admin',
    );
  });

  it('lets HR deactivate anyone else, and an admin, SCIM or the import deactivate an admin', () => {
    expect(() => assertMayChangeActivation(hr, { isAdmin: false }, 'deactivate')).not.toThrow();
    expect(() => assertMayChangeActivation(admin, { isAdmin: true }, 'deactivate')).not.toThrow();
    expect(() => assertMayChangeActivation({ type: 'scim' }, { isAdmin: true }, 'deactivate')).not.toThrow();
    expect(() => assertMayChangeActivation({ type: 'csv' }, { isAdmin: true }, 'reactivate')).not.toThrow();
  });
});
