import { scimResourceOf, scimUserFrom, type ScimLink } from './scim-user';
import { ScimSchemas } from './scim-schemas';

describe('reading a SCIM User', () => {
  it('takes the work email from userName, normalised, and the name from displayName first', () => {
    const user = scimUserFrom({
      userName: ' Ana.Lima@Acme.com ',
      name: { givenName: 'Ana', familyName: 'Lima', formatted: 'Ana M. Lima' },
      displayName: 'Ana',
      password: 'ignored',
      roles: [{ value: 'admin' }],
    });
    expect(user).toMatchObject({
      userName: 'ana.lima@acme.com',
      name: 'Ana',
      active: true,
      formattedName: 'Ana M. Lima',
    });
  });

  it('refuses a userName that is not an email address (invalidValue)', () => {
    for (const userName of ['ana', 'ana@', '@acme.com', 'ana lima@acme.com']) {
      expect(() => scimUserFrom({ userName })).toThrow(/userName is required and must be the work email/);
    }
  });

  it('falls back to the formatted name, then given and family name', () => {
    expect(scimUserFrom({ userName: 'a@acme.com', name: { formatted: 'Ana M. Lima' } }).name).toBe(
      'Ana M. Lima',
    );
    expect(
      scimUserFrom({ userName: 'a@acme.com', name: { givenName: 'Ana', familyName: 'Lima' } }).name,
    ).toBe('Ana Lima');
  });

  it('reads the enterprise extension, a manager given as an object or a plain id', () => {
    const user = scimUserFrom({
      userName: 'a@acme.com',
      [ScimSchemas.enterpriseUser]: {
        employeeNumber: '701984',
        department: 'Payments',
        manager: { value: '6f1c2a4e-0b7d-4c1e-9a55-2f3b8d9e1a01' },
      },
    });
    expect(user).toMatchObject({
      employeeNumber: '701984',
      department: 'Payments',
      managerId: '6f1c2a4e-0b7d-4c1e-9a55-2f3b8d9e1a01',
    });
    expect(
      scimUserFrom({
        userName: 'a@acme.com',
        [ScimSchemas.enterpriseUser]: { manager: '0c9e7d35-5a3f-4f58-bb6e-8e2f4a7c9d12' },
      }).managerId,
    ).toBe('0c9e7d35-5a3f-4f58-bb6e-8e2f4a7c9d12');
  });

  it('leaves title, time zone and manager unchanged when absent and clears them when null', () => {
    expect(scimUserFrom({ userName: 'a@acme.com' })).toMatchObject({ title: undefined, timeZone: undefined });
    expect(scimUserFrom({ userName: 'a@acme.com', title: null, timezone: null })).toMatchObject({
      title: null,
      timeZone: null,
    });
  });

  it('accepts "False" for active, as Entra ID sends it', () => {
    expect(scimUserFrom({ userName: 'a@acme.com', active: 'False' }).active).toBe(false);
  });

  it.each([
    [{ displayName: 'No user name' }],
    [{ userName: 'not-an-email' }],
    [{ userName: 'a@acme.com', active: 'maybe' }],
    [{ userName: 'a@acme.com', title: 42 }],
    [{ userName: 'a@acme.com', displayName: 'Ana\r\nBcc: everyone@acme.com' }],
    [{ userName: 'a@acme.com', title: 'Engineer\u0007' }],
    [{ userName: 'a@acme.com', timezone: 'Mars/Olympus' }],
    [{ userName: 'a@acme.com', [ScimSchemas.enterpriseUser]: { manager: 'boss' } }],
  ])('refuses %j as invalidValue', (resource) => {
    expect(() => scimUserFrom(resource)).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});

describe('showing a SCIM User', () => {
  it('leaves unassigned attributes out and points meta.location at the resource', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const link: ScimLink = {
      employeeId: 'a1',
      externalId: 'ext-1',
      givenName: null,
      familyName: null,
      formattedName: null,
      employeeNumber: null,
      department: null,
      preferredLanguage: null,
      locale: null,
      provisionedAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    const resource = scimResourceOf(
      {
        id: 'a1',
        email: 'ana@acme.com',
        name: 'Ana Lima',
        title: null,
        timeZone: null,
        managerId: null,
        active: true,
        registeredAt: at,
        updatedAt: at,
      },
      link,
      'https://vouch.acme.com/scim/v2/Users/a1',
    );
    expect(resource).toEqual({
      schemas: [ScimSchemas.user, ScimSchemas.enterpriseUser],
      id: 'a1',
      externalId: 'ext-1',
      userName: 'ana@acme.com',
      displayName: 'Ana Lima',
      emails: [{ value: 'ana@acme.com', type: 'work', primary: true }],
      active: true,
      meta: {
        resourceType: 'User',
        created: at.toISOString(),
        lastModified: at.toISOString(),
        location: 'https://vouch.acme.com/scim/v2/Users/a1',
      },
    });
  });
});
