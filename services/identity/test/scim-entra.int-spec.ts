import { randomUUID } from 'node:crypto';
import { Topics } from '@vouch/contracts';
import { IdentityApp, newEmail } from './identity-app';
import { ENTERPRISE_USER, newScimToken, PATCH_OP, ScimProvider } from './scim-provider';

/**
 * Requests as Microsoft Entra ID's provisioning service sends them, after the examples in
 * Microsoft's "Develop and plan provisioning for a SCIM endpoint" and its SCIM compatibility notes:
 * capitalised ops, booleans as strings, the manager as a plain id. Entra's example userNames are no
 * emails; Vouch's are, so the userNames here are.
 */
describe('provisioning from Microsoft Entra ID', () => {
  let identity: IdentityApp;
  let entra: ScimProvider;

  beforeAll(async () => {
    const token = newScimToken();
    identity = await IdentityApp.start('identity_scim_entra', { SCIM_TOKEN: token });
    entra = new ScimProvider(identity, token);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const createUser = (userName: string) =>
    entra.create({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_USER],
      externalId: randomUUID(),
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: userName }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
    });

  it('looks a user up by userName, creates them, and finds them again', async () => {
    const userName = newEmail('testuser.com');
    const query = `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`;
    expect((await entra.call('GET', query)).body).toMatchObject({ totalResults: 0, Resources: [] });
    const created = await createUser(userName);
    expect(created).toMatchObject({
      userName,
      displayName: 'givenName familyName',
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      active: true,
    });
    expect((await entra.call('GET', query)).body).toMatchObject({
      totalResults: 1,
      Resources: [{ id: created.id }],
    });
  });

  it('applies capitalised ops on name, emails and userName, and changes the work email', async () => {
    const created = await createUser(newEmail('testuser.com'));
    const newUserName = newEmail('testuser.com');
    const answer = await entra.call('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: newUserName },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
        { op: 'Replace', path: 'userName', value: newUserName },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      userName: newUserName,
      name: { familyName: 'updatedFamilyName' },
      emails: [{ value: newUserName, type: 'work', primary: true }],
    });
    const events = await identity.eventsAbout(Topics.employees, created.id, 2);
    expect(events[1]).toMatchObject({ type: 'EmployeeEmailChanged', data: { email: newUserName } });
  });

  it("sets the manager from the enterprise extension's path with a plain id", async () => {
    const manager = await createUser(newEmail('testuser.com'));
    const employee = await createUser(newEmail('testuser.com'));
    const answer = await entra.call('PATCH', `/Users/${employee.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Add', path: `${ENTERPRISE_USER}:manager`, value: manager.id }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ [ENTERPRISE_USER]: { manager: { value: manager.id } } });
    const [, changed] = await identity.eventsAbout(Topics.employees, employee.id, 2);
    expect(changed).toMatchObject({ type: 'EmployeeManagerChanged', data: { managerId: manager.id } });
  });

  it('deactivates on "active": "False" and reactivates on "True"', async () => {
    const created = await createUser(newEmail('testuser.com'));
    const disable = await entra.call('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(disable.status).toBe(200);
    expect(disable.body).toMatchObject({ active: false });
    const enable = await entra.call('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', value: { active: 'True', displayName: 'Back Again' } }],
    });
    expect(enable.body).toMatchObject({ active: true, displayName: 'Back Again' });
    const events = await identity.eventsAbout(Topics.employees, created.id, 4);
    expect(events.map((event) => event.type)).toEqual([
      'EmployeeRegistered',
      'EmployeeDeactivated',
      'EmployeeReactivated',
      'EmployeeProfileUpdated',
    ]);
  });

  it('replaces attributes from a value map without a path', async () => {
    const created = await createUser(newEmail('testuser.com'));
    const answer = await entra.call('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        {
          op: 'Add',
          value: { displayName: 'Ellen Reckert', title: 'HR Manager', 'name.givenName': 'Ellen' },
        },
        {
          op: 'Replace',
          value: { [ENTERPRISE_USER]: { department: 'Human Resources US', employeeNumber: '100009' } },
        },
        { op: 'replace', value: { active: false } },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      displayName: 'Ellen Reckert',
      title: 'HR Manager',
      name: { givenName: 'Ellen' },
      active: false,
      [ENTERPRISE_USER]: { department: 'Human Resources US', employeeNumber: '100009' },
    });
  });
});
