import { randomUUID } from 'node:crypto';
import { ScimGroupRepository } from '../src/provisioning/infrastructure/scim-group.repository';
import { IdentityApp, newEmail, type RegisteredEmployee } from './identity-app';
import { newScimToken, PATCH_OP, ScimProvider } from './scim-provider';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTRA_GROUP = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group';

type ScimGroup = Record<string, unknown> & { id: string; members?: { value: string }[] };

/** The roles in an access token's payload. */
function rolesIn(token: unknown): unknown {
  const [, payload] = String(token).split('.');
  return (JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { roles?: unknown }).roles;
}

/**
 * Groups as Microsoft Entra ID and Okta push them, after the examples in Microsoft's "Develop and
 * plan provisioning for a SCIM endpoint" and Okta's SCIM 2.0 reference; and the admin and HR roles
 * that "Vouch Admins" and "Vouch HR" (SCIM_ADMIN_GROUP's and SCIM_HR_GROUP's defaults) give at the
 * next sign-in. Only one live group may bear each name, so the tests that need one make it and
 * delete it again, one after another.
 */
describe('SCIM Groups', () => {
  let identity: IdentityApp;
  let idp: ScimProvider;
  const adminGroup = 'Vouch Admins';
  const hrGroup = 'Vouch HR';

  beforeAll(async () => {
    const token = newScimToken();
    identity = await IdentityApp.start('identity_scim_groups', { SCIM_TOKEN: token });
    idp = new ScimProvider(identity, token);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const createGroup = async (body: Record<string, unknown>): Promise<ScimGroup> => {
    const answer = await idp.call<ScimGroup>('POST', '/Groups', body);
    if (answer.status !== 201)
      throw new Error(`POST /Groups answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const memberIdsOf = async (groupId: string) =>
    ((await idp.call<ScimGroup>('GET', `/Groups/${groupId}`)).body.members ?? []).map(
      (member) => member.value,
    );
  const patch = (groupId: string, ...Operations: unknown[]) =>
    idp.call<ScimGroup>('PATCH', `/Groups/${groupId}`, { schemas: [PATCH_OP], Operations });
  const rolesAtLogin = async (employee: RegisteredEmployee) => {
    const answer = await identity.login(employee.email, employee.password);
    expect(answer.status).toBe(200);
    return { roles: rolesIn(answer.body['accessToken']), token: String(answer.body['accessToken']) };
  };
  const setManager = (token: string, employeeId: string, managerId: string | null) =>
    identity.call('PUT', `/v1/employees/${employeeId}/manager`, { token, body: { managerId } });

  describe('from Microsoft Entra ID', () => {
    it('creates a group, finds it by displayName without members, adds and removes members', async () => {
      const [ana, bo] = [await identity.register(), await identity.register()];
      const displayName = `Engineering ${randomUUID()}`;
      const query = `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`;
      expect((await idp.call('GET', query)).body).toMatchObject({ totalResults: 0, Resources: [] });
      const externalId = randomUUID();
      const created = await createGroup({
        schemas: [GROUP, ENTRA_GROUP],
        externalId,
        displayName,
        meta: { resourceType: 'Group' },
      });
      expect(created).toMatchObject({ schemas: [GROUP], externalId, displayName, members: [] });
      const found = await idp.call<{ Resources: ScimGroup[] }>('GET', query);
      expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: created.id, displayName }] });
      expect(found.body.Resources[0]).not.toHaveProperty('members');
      const byId = await idp.call('GET', `/Groups/${created.id}?excludedAttributes=members`);
      expect(byId.status).toBe(200);
      expect(byId.body).not.toHaveProperty('members');

      const added = await patch(created.id, {
        op: 'Add',
        path: 'members',
        value: [
          { $ref: null, value: ana.id },
          { $ref: null, value: bo.id },
        ],
      });
      expect(added.status).toBe(200);
      expect(await memberIdsOf(created.id)).toEqual(expect.arrayContaining([ana.id, bo.id]));
      const removed = await patch(created.id, {
        op: 'Remove',
        path: 'members',
        value: [{ $ref: null, value: ana.id }],
      });
      expect(removed.status).toBe(200);
      expect(await memberIdsOf(created.id)).toEqual([bo.id]);
    });

    it('renames a group with a capitalised Replace on displayName', async () => {
      const created = await createGroup({ schemas: [GROUP], displayName: `Sales ${randomUUID()}` });
      const renamed = `${created.id}updatedDisplayName`;
      const answer = await patch(created.id, { op: 'Replace', path: 'displayName', value: renamed });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ id: created.id, displayName: renamed });
    });
  });

  describe('from Okta', () => {
    it('creates a group with no members, renames it with the id, adds and removes a member by filter', async () => {
      const [ana, bo] = [await identity.register(), await identity.register()];
      const created = await createGroup({
        schemas: [GROUP],
        displayName: `Test SCIMv2 ${randomUUID()}`,
        members: [],
      });
      const renamed = `Renamed ${randomUUID()}`;
      const rename = await patch(created.id, {
        op: 'replace',
        value: { id: created.id, displayName: renamed },
      });
      expect(rename.body).toMatchObject({ displayName: renamed });
      await patch(created.id, {
        op: 'add',
        path: 'members',
        value: [
          { value: ana.id, display: ana.email },
          { value: bo.id, display: bo.email },
        ],
      });
      const removed = await patch(created.id, { op: 'remove', path: `members[value eq "${ana.id}"]` });
      expect(removed.status).toBe(200);
      expect(removed.body.members).toEqual([
        expect.objectContaining({
          value: bo.id,
          display: 'Ana Lima',
          $ref: expect.stringMatching(`/scim/v2/Users/${bo.id}$`),
        }),
      ]);
    });

    it('replaces the name and the members with a PUT', async () => {
      const [ana, bo] = [await identity.register(), await identity.register()];
      const created = await createGroup({
        schemas: [GROUP],
        displayName: `Test SCIMv2 ${randomUUID()}`,
        members: [{ value: ana.id, display: ana.email }],
      });
      const displayName = `Test SCIMv2 ${randomUUID()}`;
      const answer = await idp.call<ScimGroup>('PUT', `/Groups/${created.id}`, {
        schemas: [GROUP],
        id: created.id,
        displayName,
        members: [{ value: bo.id, display: bo.email }],
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ id: created.id, displayName });
      expect(await memberIdsOf(created.id)).toEqual([bo.id]);
    });

    it('lists groups a page at a time', async () => {
      await createGroup({ schemas: [GROUP], displayName: `Page ${randomUUID()}` });
      await createGroup({ schemas: [GROUP], displayName: `Page ${randomUUID()}` });
      const answer = await idp.call<{ totalResults: number; Resources: unknown[] }>(
        'GET',
        '/Groups?startIndex=2&count=1',
      );
      expect(answer.body).toMatchObject({ startIndex: 2, itemsPerPage: 1 });
      expect(answer.body.totalResults).toBeGreaterThanOrEqual(2);
      expect(answer.body.Resources).toHaveLength(1);
    });
  });

  it('finds a group by externalId', async () => {
    const externalId = randomUUID();
    const created = await createGroup({ schemas: [GROUP], displayName: `By id ${randomUUID()}`, externalId });
    const answer = await idp.call(
      'GET',
      `/Groups?filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`,
    );
    expect(answer.body).toMatchObject({ totalResults: 1, Resources: [{ id: created.id }] });
  });

  it('answers 409 uniqueness to a second group with the same name in another case', async () => {
    const displayName = `Finance ${randomUUID()}`;
    await createGroup({ schemas: [GROUP], displayName });
    const answer = await idp.call('POST', '/Groups', {
      schemas: [GROUP],
      displayName: displayName.toUpperCase(),
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
    });
  });

  it('answers 400 invalidValue to a member who is no employee, and changes nothing', async () => {
    const ana = await identity.register();
    const created = await createGroup({
      schemas: [GROUP],
      displayName: `Ops ${randomUUID()}`,
      members: [{ value: ana.id }],
    });
    const answer = await patch(created.id, { op: 'Add', path: 'members', value: [{ value: randomUUID() }] });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
    const create = await idp.call('POST', '/Groups', {
      schemas: [GROUP],
      displayName: `Ops ${randomUUID()}`,
      members: [{ value: randomUUID() }],
    });
    expect(create.status).toBe(400);
    expect(await memberIdsOf(created.id)).toEqual([ana.id]);
  });

  it('answers 404 in the SCIM error schema for a group that is not there, or deleted', async () => {
    const created = await createGroup({ schemas: [GROUP], displayName: `Gone ${randomUUID()}` });
    expect((await idp.call('DELETE', `/Groups/${created.id}`)).status).toBe(204);
    for (const id of [created.id, randomUUID(), 'not-an-id']) {
      const answer = await idp.call('GET', `/Groups/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '404',
      });
    }
    expect((await idp.call('DELETE', `/Groups/${created.id}`)).status).toBe(404);
  });

  it('takes a user the provider deletes out of every group', async () => {
    const user = await idp.create({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: newEmail(),
    });
    const created = await createGroup({
      schemas: [GROUP],
      displayName: `Left ${randomUUID()}`,
      members: [{ value: user.id }],
    });
    expect(await memberIdsOf(created.id)).toEqual([user.id]);
    expect((await idp.call('DELETE', `/Users/${user.id}`)).status).toBe(204);
    expect(await memberIdsOf(created.id)).toEqual([]);
  });

  it('announces Group in ResourceTypes and Schemas', async () => {
    expect((await idp.call('GET', '/ResourceTypes/Group')).body).toMatchObject({
      endpoint: '/Groups',
      schema: GROUP,
    });
    expect((await idp.call('GET', `/Schemas/${GROUP}`)).body).toMatchObject({ id: GROUP, name: 'Group' });
  });

  describe.each([
    { role: 'admin', variable: 'SCIM_ADMIN_GROUP', roleGroup: adminGroup },
    { role: 'hr', variable: 'SCIM_HR_GROUP', roleGroup: hrGroup },
  ])(
    'the $role role from the group named by $variable, by default $roleGroup',
    ({ role, variable, roleGroup }) => {
      let group: ScimGroup;

      beforeEach(async () => {
        group = await createGroup({ schemas: [GROUP], displayName: roleGroup.toLowerCase() });
      });

      afterEach(async () => {
        await idp.call('DELETE', `/Groups/${group.id}`);
      });

      /** The audit log's entries of the role's changes of one employee, oldest first. */
      const roleChangesOf = async (employee: { id: string }) => {
        const { body } = await identity.call<{ items: Array<{ action: string; actorType: string }> }>(
          'GET',
          `/v1/admin/audit-log?employeeId=${employee.id}`,
          { token: (await identity.admin()).token },
        );
        return body.items
          .filter((entry) => entry.action.startsWith(`employee.${role}_role_`))
          .reverse()
          .map((entry) => ({ ...entry, id: undefined, occurredAt: undefined }));
      };

      it('gives a member the role at their next sign-in, to place, deactivate and reactivate people and read the audit log as who they are; removal by value list takes it back', async () => {
        const [ana, bo] = [await identity.register(), await identity.register()];
        expect((await rolesAtLogin(ana)).roles).toEqual(['employee']);
        await patch(group.id, { op: 'Add', path: 'members', value: [{ value: ana.id }] });
        const { roles, token } = await rolesAtLogin(ana);
        expect(roles).toEqual(['employee', role]);
        expect((await setManager(token, bo.id, ana.id)).status).toBe(200);
        for (const path of ['deactivate', 'reactivate'])
          expect((await identity.call('POST', `/v1/employees/${bo.id}/${path}`, { token })).status).toBe(200);
        const log = await identity.call<{ items: Array<Record<string, unknown>> }>(
          'GET',
          `/v1/admin/audit-log?employeeId=${bo.id}`,
          { token },
        );
        expect(log.body.items.map(({ action, actorType, actorId }) => [action, actorType, actorId])).toEqual([
          ['employee.reactivated', role, ana.id],
          ['employee.deactivated', role, ana.id],
          ['employee.manager_changed', role, ana.id],
        ]);

        await patch(group.id, { op: 'Remove', path: 'members', value: [{ value: ana.id }] });
        const after = await rolesAtLogin(ana);
        expect(after.roles).toEqual(['employee']);
        expect((await setManager(after.token, bo.id, null)).status).toBe(403);
        const groupKey = `${role}Group`;
        expect(await roleChangesOf(ana)).toEqual([
          expect.objectContaining({
            action: `employee.${role}_role_granted`,
            actorType: 'scim',
            before: { [groupKey]: null },
            after: { [groupKey]: roleGroup },
          }),
          expect.objectContaining({
            action: `employee.${role}_role_revoked`,
            actorType: 'scim',
            before: { [groupKey]: roleGroup },
            after: { [groupKey]: null },
          }),
        ]);
        expect(await roleChangesOf(bo)).toEqual([]);
      });

      it('takes the role back when Okta removes the member by filter path', async () => {
        const ana = await identity.register();
        await patch(group.id, { op: 'add', path: 'members', value: [{ value: ana.id, display: ana.email }] });
        expect((await rolesAtLogin(ana)).roles).toEqual(['employee', role]);
        await patch(group.id, { op: 'remove', path: `members[value eq "${ana.id}"]` });
        expect((await rolesAtLogin(ana)).roles).toEqual(['employee']);
      });

      it(`takes the role back when the group is renamed away from ${variable}`, async () => {
        const ana = await identity.register();
        await patch(group.id, { op: 'Add', path: 'members', value: [{ value: ana.id }] });
        expect((await rolesAtLogin(ana)).roles).toEqual(['employee', role]);
        await patch(group.id, {
          op: 'Replace',
          path: 'displayName',
          value: `Former members ${randomUUID()}`,
        });
        expect((await rolesAtLogin(ana)).roles).toEqual(['employee']);
        expect((await roleChangesOf(ana)).map((entry) => entry.action)).toEqual([
          `employee.${role}_role_granted`,
          `employee.${role}_role_revoked`,
        ]);
      });

      it('takes the role back, and the memberships, when the group is deleted', async () => {
        const ana = await identity.register();
        await patch(group.id, { op: 'Add', path: 'members', value: [{ value: ana.id }] });
        expect((await rolesAtLogin(ana)).roles).toEqual(['employee', role]);
        expect((await idp.call('DELETE', `/Groups/${group.id}`)).status).toBe(204);
        expect((await rolesAtLogin(ana)).roles).toEqual(['employee']);
        const groups = identity.get(ScimGroupRepository);
        expect(await groups.memberIdsOf(group.id)).toEqual([]);
      });
    },
  );

  it('gives both roles to a member of both groups, and the audit log names an admin who is also HR as admin', async () => {
    const admins = await createGroup({ schemas: [GROUP], displayName: adminGroup });
    const hr = await createGroup({ schemas: [GROUP], displayName: hrGroup });
    try {
      const [ana, bo] = [await identity.register(), await identity.register()];
      for (const group of [admins, hr])
        await patch(group.id, { op: 'Add', path: 'members', value: [{ value: ana.id }] });
      const { roles, token } = await rolesAtLogin(ana);
      expect(roles).toEqual(['employee', 'admin', 'hr']);
      expect((await identity.call('POST', `/v1/employees/${bo.id}/deactivate`, { token })).status).toBe(200);
      const log = await identity.call<{ items: Array<Record<string, unknown>> }>(
        'GET',
        `/v1/admin/audit-log?employeeId=${bo.id}`,
        { token },
      );
      expect(log.body.items).toEqual([
        expect.objectContaining({ action: 'employee.deactivated', actorType: 'admin', actorId: ana.id }),
      ]);
    } finally {
      for (const group of [admins, hr]) await idp.call('DELETE', `/Groups/${group.id}`);
    }
  });
});
