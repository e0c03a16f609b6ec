import { Topics } from '@vouch/contracts';
import { IdentityApp, newEmail } from './identity-app';
import { newScimToken, PATCH_OP, ScimProvider } from './scim-provider';

/** Requests as Okta sends them, after the bodies in Okta's SCIM 2.0 provisioning guide. */
describe('provisioning from Okta', () => {
  let identity: IdentityApp;
  let okta: ScimProvider;

  beforeAll(async () => {
    const token = newScimToken();
    identity = await IdentityApp.start('identity_scim_okta', { SCIM_TOKEN: token });
    okta = new ScimProvider(identity, token);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const oktaUser = (userName: string, externalId: string) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId,
    groups: [],
    password: '1mz050nq',
    active: true,
  });

  it('answers its connection test: the first page of two users', async () => {
    const answer = await okta.call('GET', '/Users?startIndex=1&count=2');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ startIndex: 1, totalResults: expect.any(Number) });
  });

  it('creates a user, then deactivates and reactivates them with a PUT of the whole resource', async () => {
    const userName = newEmail('okta.local');
    const created = await okta.create(oktaUser(userName, `00u${Date.now()}`));
    expect(created).toMatchObject({ userName, displayName: 'Test User', locale: 'en-US', active: true });

    const { meta: _meta, ...resource } = created;
    const deactivated = await okta.call('PUT', `/Users/${created.id}`, { ...resource, active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false, displayName: 'Test User' });
    expect((await identity.login(userName, '1mz050nq')).status).toBe(401);

    const reactivated = await okta.call('PUT', `/Users/${created.id}`, {
      ...resource,
      active: true,
      title: 'Tester',
    });
    expect(reactivated.body).toMatchObject({ active: true, title: 'Tester' });
    const events = await identity.eventsAbout(Topics.employees, created.id, 4);
    expect(events.map((event) => event.type)).toEqual([
      'EmployeeRegistered',
      'EmployeeDeactivated',
      'EmployeeReactivated',
      'EmployeeProfileUpdated',
    ]);
  });

  it('deactivates with a PATCH replacing active without a path', async () => {
    const created = await okta.create(oktaUser(newEmail('okta.local'), `00u${Date.now()}x`));
    const answer = await okta.call('PATCH', `/Users/${created.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: created.id, active: false });
    const [, deactivated] = await identity.eventsAbout(Topics.employees, created.id, 2);
    expect(deactivated).toMatchObject({ type: 'EmployeeDeactivated', data: { employeeId: created.id } });
  });

  it('accepts plain application/json as well', async () => {
    const userName = newEmail('okta.local');
    const answer = await identity.call('POST', '/scim/v2/Users', {
      token: undefined,
      body: oktaUser(userName, `00u${Date.now()}j`),
      headers: { authorization: `Bearer ${okta.token}` },
    });
    expect(answer.status).toBe(201);
  });
});
