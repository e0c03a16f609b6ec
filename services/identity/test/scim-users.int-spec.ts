import { Topics } from '@vouch/contracts';
import { IdentityApp, newEmail } from './identity-app';
import { ENTERPRISE_USER, newScimToken, ScimProvider } from './scim-provider';

const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('SCIM 2.0 Users at /scim/v2', () => {
  let identity: IdentityApp;
  let provider: ScimProvider;
  const token = newScimToken();

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_scim', { SCIM_TOKEN: token });
    provider = new ScimProvider(identity, token);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  describe('authentication', () => {
    it('refuses a request without the SCIM token, or with an employee access token, in SCIM error form', async () => {
      const employee = await identity.register();
      for (const answer of [
        await provider.call('GET', '/Users', undefined, { token: '' }),
        await provider.call('GET', '/Users', undefined, { token: `${token}x` }),
        await provider.call('GET', '/Users', undefined, { token: employee.token }),
      ]) {
        expect(answer.status).toBe(401);
        expect(answer.headers.get('content-type')).toContain('application/scim+json');
        expect(answer.body).toMatchObject({ schemas: [SCIM_ERROR], status: '401' });
      }
    });

    it('does not let the SCIM token into the employee API', async () => {
      const answer = await identity.call('GET', '/v1/employees/me', { token });
      expect(answer.status).toBe(401);
    });
  });

  describe('discovery', () => {
    it('announces patch and filter with maxResults, and no bulk, etag, sort or password change', async () => {
      const answer = await provider.call('GET', '/ServiceProviderConfig');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('application/scim+json');
      expect(answer.body).toMatchObject({
        patch: { supported: true },
        filter: { supported: true, maxResults: 100 },
        bulk: { supported: false },
        etag: { supported: false },
        sort: { supported: false },
        changePassword: { supported: false },
      });
    });

    it('describes the User resource type with the enterprise extension, Group, and their schemas', async () => {
      const types = await provider.call<{ Resources: unknown[] }>('GET', '/ResourceTypes');
      expect(types.body.Resources).toEqual([
        expect.objectContaining({
          id: 'User',
          endpoint: '/Users',
          schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }],
        }),
        expect.objectContaining({ id: 'Group', endpoint: '/Groups' }),
      ]);
      expect((await provider.call('GET', '/ResourceTypes/User')).body).toMatchObject({ id: 'User' });
      expect((await provider.call('GET', '/ResourceTypes/Bulk')).status).toBe(404);
      const schemas = await provider.call<{ Resources: Array<{ id: string }> }>('GET', '/Schemas');
      expect(schemas.body.Resources.map((schema) => schema.id)).toEqual([
        'urn:ietf:params:scim:schemas:core:2.0:User',
        ENTERPRISE_USER,
        'urn:ietf:params:scim:schemas:core:2.0:Group',
      ]);
    });
  });

  describe('creating, reading and listing users', () => {
    it('creates an employee and answers 201 with the resource and its Location', async () => {
      const userName = newEmail();
      const answer = await provider.call<Record<string, unknown> & { id: string }>('POST', '/Users', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_USER],
        userName: userName.toUpperCase(),
        externalId: `ext-${userName}`,
        name: { givenName: 'Ana', familyName: 'Lima' },
        title: 'Engineer',
        timezone: 'Europe/Lisbon',
        locale: 'pt-PT',
        preferredLanguage: 'pt',
        password: 'never stored',
        roles: [{ value: 'admin' }],
        [ENTERPRISE_USER]: { employeeNumber: '701984', department: 'Payments' },
      });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('location')).toMatch(new RegExp(`/scim/v2/Users/${answer.body.id}$`));
      expect(answer.body).toMatchObject({
        userName,
        externalId: `ext-${userName}`,
        displayName: 'Ana Lima',
        name: { givenName: 'Ana', familyName: 'Lima' },
        title: 'Engineer',
        timezone: 'Europe/Lisbon',
        locale: 'pt-PT',
        preferredLanguage: 'pt',
        emails: [{ value: userName, type: 'work', primary: true }],
        active: true,
        [ENTERPRISE_USER]: { employeeNumber: '701984', department: 'Payments' },
        meta: { resourceType: 'User', location: answer.headers.get('location') },
      });
      expect(answer.body).not.toHaveProperty('password');

      const read = await provider.call('GET', `/Users/${answer.body.id}`);
      expect(read.body).toEqual(answer.body);
      const employee = await identity.call('GET', `/v1/employees/${answer.body.id}`, {
        token: (await identity.register()).token,
      });
      expect(employee.body).toMatchObject({ email: userName, name: 'Ana Lima', title: 'Engineer' });
    });

    it('publishes the registration like a sign-up does, with the time zone', async () => {
      const created = await provider.create({
        userName: newEmail(),
        displayName: 'Rui Costa',
        timezone: 'Europe/Berlin',
      });
      const [registered] = await identity.eventsAbout(Topics.employees, created.id, 1);
      expect(registered).toMatchObject({
        type: 'EmployeeRegistered',
        data: { employeeId: created.id, name: 'Rui Costa', timeZone: 'Europe/Berlin' },
      });
      const [record] = await identity.eventsAbout(Topics.employeeRecords, created.id, 1);
      expect(record).toMatchObject({ data: { employeeId: created.id, active: true } });
    });

    it('lets nobody sign in with a password to an employee created over SCIM', async () => {
      const userName = newEmail();
      await provider.create({ userName, displayName: 'No Password' });
      for (const password of ['decoy password for unknown emails', 'never stored']) {
        expect((await identity.login(userName, password)).status).toBe(401);
      }
    });

    it('finds a user by userName in any case, or by externalId, and pages through the list', async () => {
      const userName = newEmail();
      const created = await provider.create({ userName, externalId: `ext-${userName}`, displayName: 'Eva' });
      const byName = await provider.call(
        'GET',
        `/Users?filter=${encodeURIComponent(`userName eq "${userName.toUpperCase()}"`)}`,
      );
      expect(byName.body).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: 1,
        itemsPerPage: 1,
        startIndex: 1,
        Resources: [expect.objectContaining({ id: created.id })],
      });
      const byExternalId = await provider.call(
        'GET',
        `/Users?filter=${encodeURIComponent(`externalId eq "ext-${userName}"`)}`,
      );
      expect(byExternalId.body).toMatchObject({ totalResults: 1, Resources: [{ id: created.id }] });
      const none = await provider.call(
        'GET',
        `/Users?filter=${encodeURIComponent(`userName eq "${newEmail()}"`)}`,
      );
      expect(none.body).toMatchObject({ totalResults: 0, itemsPerPage: 0, Resources: [] });

      await provider.create({ userName: newEmail(), displayName: 'Another' });
      const page = await provider.call<{ totalResults: number; itemsPerPage: number; startIndex: number }>(
        'GET',
        '/Users?startIndex=2&count=1',
      );
      expect(page.body.totalResults).toBeGreaterThanOrEqual(2);
      expect(page.body).toMatchObject({ itemsPerPage: 1, startIndex: 2 });
    });

    it('refuses a filter it does not support as invalidFilter', async () => {
      const answer = await provider.call(
        'GET',
        `/Users?filter=${encodeURIComponent('displayName co "Ana"')}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ schemas: [SCIM_ERROR], status: '400', scimType: 'invalidFilter' });
    });

    it('answers 404 for a user it does not know, whatever the id looks like', async () => {
      for (const id of ['3d8f0c64-52a5-4f3e-9f8e-1f1b2b9d5e55', 'not-a-uuid']) {
        const answer = await provider.call('GET', `/Users/${id}`);
        expect(answer.status).toBe(404);
        expect(answer.body).toMatchObject({ schemas: [SCIM_ERROR], status: '404' });
      }
    });
  });

  describe('uniqueness and adoption', () => {
    it('adopts an employee who signed up before SCIM instead of refusing them', async () => {
      const employee = await identity.register({ name: 'Self Registered' });
      const answer = await provider.call<{ id: string }>('POST', '/Users', {
        userName: employee.email,
        externalId: `ext-${employee.email}`,
        displayName: 'Self Registered',
        [ENTERPRISE_USER]: { department: 'Sales' },
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ id: employee.id, externalId: `ext-${employee.email}` });
      // Their own password still works: adoption takes nothing away.
      expect((await identity.login(employee.email, employee.password)).status).toBe(200);
    });

    it('leaves an employee unadopted when the request names an unknown manager', async () => {
      const employee = await identity.register();
      const body = {
        userName: employee.email,
        [ENTERPRISE_USER]: { manager: { value: '3d8f0c64-52a5-4f3e-9f8e-1f1b2b9d5e55' } },
      };
      expect((await provider.call('POST', '/Users', body)).status).toBe(400);
      expect((await provider.call('POST', '/Users', { userName: employee.email })).status).toBe(201);
    });

    it('leaves an employee unadopted, and as they were, when their new manager would make a cycle', async () => {
      const boss = await identity.register({ name: 'Boss' });
      const report = await provider.create({
        userName: newEmail(),
        displayName: 'Report',
        [ENTERPRISE_USER]: { manager: { value: boss.id } },
      });
      const cycle = await provider.call('POST', '/Users', {
        userName: boss.email,
        displayName: 'Boss Renamed',
        [ENTERPRISE_USER]: { manager: { value: report.id } },
      });
      expect(cycle.status).toBe(400);
      expect(cycle.body).toMatchObject({ scimType: 'invalidValue' });
      expect((await provider.call('GET', `/Users/${boss.id}`)).status).toBe(404);
      const { body } = await identity.call('GET', `/v1/employees/${boss.id}`, { token: boss.token });
      expect(body).toMatchObject({ name: 'Boss', managerId: null });
      expect((await provider.call('POST', '/Users', { userName: boss.email })).status).toBe(201);
    });

    it('refuses a second user with the same userName or externalId as uniqueness', async () => {
      const userName = newEmail();
      await provider.create({ userName, externalId: `ext-${userName}` });
      const sameUserName = await provider.call('POST', '/Users', { userName: userName.toUpperCase() });
      expect(sameUserName.status).toBe(409);
      expect(sameUserName.body).toMatchObject({
        schemas: [SCIM_ERROR],
        status: '409',
        scimType: 'uniqueness',
      });
      const sameExternalId = await provider.call('POST', '/Users', {
        userName: newEmail(),
        externalId: `ext-${userName}`,
      });
      expect(sameExternalId.status).toBe(409);
      expect(sameExternalId.body).toMatchObject({ scimType: 'uniqueness' });
    });
  });

  describe('changing users', () => {
    it('replaces a user with PUT and sets the manager through the org chart', async () => {
      const boss = await provider.create({ userName: newEmail(), displayName: 'Boss' });
      const userName = newEmail();
      const created = await provider.create({
        userName,
        displayName: 'Ana',
        title: 'Engineer',
        externalId: 'x1',
      });
      const answer = await provider.call('PUT', `/Users/${created.id}`, {
        userName,
        displayName: 'Ana Lima',
        title: 'Staff Engineer',
        active: true,
        [ENTERPRISE_USER]: { manager: { value: boss.id } },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        displayName: 'Ana Lima',
        title: 'Staff Engineer',
        [ENTERPRISE_USER]: { manager: { value: boss.id } },
      });
      expect(answer.body).not.toHaveProperty('externalId');
      const events = await identity.eventsAbout(Topics.employees, created.id, 4);
      expect(events.map((event) => `${event.type}.v${event.schemaversion}`)).toEqual([
        'EmployeeRegistered.v1',
        'EmployeeManagerChanged.v1',
        'EmployeeManagerChanged.v2',
        'EmployeeProfileUpdated.v1',
      ]);
      expect(events[2]).toMatchObject({
        id: events[1]?.id,
        data: { managerId: boss.id, managerSource: 'scim' },
      });
      const employee = await identity.call('GET', `/v1/employees/${created.id}`, {
        token: (await identity.register()).token,
      });
      expect(employee.body).toMatchObject({ managerId: boss.id, managerSource: 'scim' });
    });

    it('keeps what HR says of the user: department, employee number and language, from the locale', async () => {
      const created = await provider.create({
        userName: newEmail(),
        displayName: 'Ana',
        locale: 'pt_BR',
        [ENTERPRISE_USER]: { department: 'Payments', employeeNumber: 'E-7' },
      });
      const { body } = await identity.call('GET', `/v1/employees/${created.id}`, {
        token: (await identity.register()).token,
      });
      expect(body).toMatchObject({ language: 'pt-BR' });
      const [registered] = await identity.eventsAbout(Topics.employees, created.id, 1);
      expect(registered?.data).toMatchObject({ language: 'pt-BR', managerSource: null });
      const audit = await identity.call<{ items: Array<{ action: string; after: object }> }>(
        'GET',
        `/v1/admin/audit-log?employeeId=${created.id}`,
        { token: (await identity.admin()).token },
      );
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'employee.created',
          after: expect.objectContaining({
            department: 'Payments',
            employeeNumber: 'E-7',
            language: 'pt-BR',
          }),
        }),
      ]);
    });

    it('refuses an unknown manager or a cycle as invalidValue and changes nothing', async () => {
      const boss = await provider.create({ userName: newEmail(), displayName: 'Boss' });
      const report = await provider.create({
        userName: newEmail(),
        displayName: 'Report',
        [ENTERPRISE_USER]: { manager: { value: boss.id } },
      });
      const unknown = await provider.call('POST', '/Users', {
        userName: newEmail(),
        [ENTERPRISE_USER]: { manager: { value: '3d8f0c64-52a5-4f3e-9f8e-1f1b2b9d5e55' } },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ scimType: 'invalidValue' });
      const cycle = await provider.call('PATCH', `/Users/${boss.id}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: `${ENTERPRISE_USER}:manager`, value: { value: report.id } }],
      });
      expect(cycle.status).toBe(400);
      expect(cycle.body).toMatchObject({ scimType: 'invalidValue' });
      expect((await provider.call('GET', `/Users/${boss.id}`)).body).not.toHaveProperty(ENTERPRISE_USER);
    });

    it('answers bad input with a 400 in SCIM error form, never a 500', async () => {
      const created = await provider.create({ userName: newEmail() });
      const answers = [
        await provider.call('POST', '/Users', { displayName: 'No userName' }),
        await provider.call('POST', '/Users', ['not', 'an', 'object']),
        await provider.call('POST', '/Users', { userName: newEmail(), title: { nested: true } }),
        await provider.call('POST', '/Users', { userName: newEmail(), displayName: 'Nul\u0000' }),
        await provider.call('PATCH', `/Users/${created.id}`, { Operations: [{ op: 'explode' }] }),
        await provider.call('PATCH', `/Users/${created.id}`, {
          Operations: [{ op: 'replace', path: 'a..b', value: 1 }],
        }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ schemas: [SCIM_ERROR], status: '400' });
      }
    });
    // Fastify parses the body before any SCIM code runs: the platform's problem+json answers it.
    it('answers a body that is no JSON with a 400', async () => {
      const answer = await fetch(`${identity.baseUrl}/scim/v2/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: '{"userName": ',
      });
      expect(answer.status).toBe(400);
    });
  });

  describe('deleting users', () => {
    it('deactivates the employee, and the user is gone for SCIM', async () => {
      const userName = newEmail();
      const created = await provider.create({ userName, displayName: 'Leaver' });
      const answer = await provider.call('DELETE', `/Users/${created.id}`);
      expect(answer.status).toBe(204);
      expect((await provider.call('GET', `/Users/${created.id}`)).status).toBe(404);
      expect((await provider.call('DELETE', `/Users/${created.id}`)).status).toBe(404);
      const listed = await provider.call(
        'GET',
        `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`,
      );
      expect(listed.body).toMatchObject({ totalResults: 0 });
      const events = await identity.eventsAbout(Topics.employees, created.id, 2);
      expect(events.map((event) => event.type)).toEqual(['EmployeeRegistered', 'EmployeeDeactivated']);
    });

    it('takes the same person back, reactivated, when the provider creates them again', async () => {
      const userName = newEmail();
      const created = await provider.create({
        userName,
        displayName: 'Boomerang',
        externalId: `ext-${userName}`,
      });
      await provider.call('DELETE', `/Users/${created.id}`);
      const again = await provider.call<{ id: string }>('POST', '/Users', {
        userName,
        displayName: 'Boomerang',
        externalId: `ext-${userName}`,
      });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ id: created.id, active: true });
      const events = await identity.eventsAbout(Topics.employees, created.id, 3);
      expect(events.map((event) => event.type)).toEqual([
        'EmployeeRegistered',
        'EmployeeDeactivated',
        'EmployeeReactivated',
      ]);
    });
  });
});

describe('SCIM without SCIM_TOKEN', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_scim_off');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('does not exist', async () => {
    const answer = await identity.call('GET', '/scim/v2/ServiceProviderConfig', { token: 'x'.repeat(40) });
    expect(answer.status).toBe(404);
  });
});
