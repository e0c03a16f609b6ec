import { applyGroupPatch, scimGroupFrom, scimGroupResourceOf, type ScimGroupState } from './scim-group';
import { ScimSchemas } from './scim-schemas';

const patchOp = (...Operations: unknown[]) => ({ schemas: [ScimSchemas.patchOp], Operations });

const ana = '0a6a1c1e-58d4-4c5e-9d55-1b1f1c7d2a01';
const bo = '0a6a1c1e-58d4-4c5e-9d55-1b1f1c7d2a02';
const cy = '0a6a1c1e-58d4-4c5e-9d55-1b1f1c7d2a03';

const admins: ScimGroupState = { displayName: 'Vouch Admins', externalId: 'e-1', memberIds: [ana, bo] };

describe('reading a SCIM Group', () => {
  it("takes Okta's PUT with members, ignoring id and the members' display", () => {
    expect(
      scimGroupFrom({
        schemas: [ScimSchemas.group],
        id: 'g1',
        displayName: ' Test SCIMv2 ',
        members: [
          { value: ana, display: 'ana@acme.com' },
          { value: ana.toUpperCase(), display: 'ana@acme.com' },
        ],
      }),
    ).toEqual({ displayName: 'Test SCIMv2', externalId: null, memberIds: [ana] });
  });

  it('leaves members out when the request does not name them', () => {
    expect(scimGroupFrom({ displayName: 'Ops', externalId: 'x' })).toEqual({
      displayName: 'Ops',
      externalId: 'x',
    });
  });

  it.each([
    [{}],
    [{ displayName: '  ' }],
    [{ displayName: 'Ops', members: [{ value: 'not-an-id' }] }],
    [{ displayName: 'Ops', members: [{ value: ana, type: 'Group' }] }],
    [{ displayName: 'Ops', members: 'ana' }],
  ])('refuses %j as invalidValue', (resource) => {
    expect(() => scimGroupFrom(resource)).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});

describe('applying a PatchOp request to a group', () => {
  it("adds and removes members by value list, with Entra ID's capitalised ops", () => {
    const patched = applyGroupPatch(
      admins,
      patchOp(
        { op: 'Add', path: 'members', value: [{ $ref: null, value: cy }] },
        { op: 'Remove', path: 'members', value: [{ $ref: null, value: ana }] },
      ),
    );
    expect(patched.memberIds).toEqual([bo, cy]);
  });

  it('adds a member already there once', () => {
    expect(
      applyGroupPatch(admins, patchOp({ op: 'add', path: 'members', value: [{ value: ana }] })).memberIds,
    ).toEqual([ana, bo]);
  });

  it("removes a member by Okta's filter path", () => {
    const patched = applyGroupPatch(admins, patchOp({ op: 'remove', path: `members[value eq "${bo}"]` }));
    expect(patched.memberIds).toEqual([ana]);
  });

  it('replaces the members, and removes them all without a value', () => {
    expect(
      applyGroupPatch(admins, patchOp({ op: 'replace', path: 'members', value: [{ value: cy }] })).memberIds,
    ).toEqual([cy]);
    expect(applyGroupPatch(admins, patchOp({ op: 'remove', path: 'members' })).memberIds).toEqual([]);
  });

  it('renames the group with a path and without one, as Okta sends it with the id', () => {
    expect(
      applyGroupPatch(admins, patchOp({ op: 'Replace', path: 'displayName', value: 'Ops' })).displayName,
    ).toBe('Ops');
    expect(
      applyGroupPatch(admins, patchOp({ op: 'replace', value: { id: 'g1', displayName: 'Ops' } })),
    ).toEqual({ ...admins, displayName: 'Ops' });
  });

  it('leaves the group it was given unchanged', () => {
    applyGroupPatch(admins, patchOp({ op: 'remove', path: 'members' }));
    expect(admins.memberIds).toEqual([ana, bo]);
  });

  it.each([
    [patchOp({ op: 'remove', path: 'displayName' }), 'invalidValue'],
    [patchOp({ op: 'add', path: 'members', value: [{ value: 'nobody' }] }), 'invalidValue'],
    [patchOp({ op: 'replace', path: `members[value eq "${ana}"]`, value: {} }), 'invalidPath'],
    [patchOp({ op: 'remove', path: 'members[value eq]' }), 'invalidFilter'],
    [patchOp({ op: 'replace', path: 'owner', value: 'x' }), 'invalidPath'],
    [patchOp({ op: 'remove' }), 'noTarget'],
  ])('refuses %j as %s', (request, scimType) => {
    expect(() => applyGroupPatch(admins, request)).toThrow(expect.objectContaining({ scimType }));
  });
});

describe('showing a SCIM Group', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const group = { id: 'g1', displayName: 'Vouch Admins', externalId: null, createdAt: at, updatedAt: at };

  it('lists members with their User reference and name', () => {
    expect(
      scimGroupResourceOf(group, [{ employeeId: ana, name: 'Ana Lima' }], 'https://v.acme.com/scim/v2'),
    ).toEqual({
      schemas: [ScimSchemas.group],
      id: 'g1',
      displayName: 'Vouch Admins',
      members: [
        { value: ana, $ref: `https://v.acme.com/scim/v2/Users/${ana}`, display: 'Ana Lima', type: 'User' },
      ],
      meta: {
        resourceType: 'Group',
        created: at.toISOString(),
        lastModified: at.toISOString(),
        location: 'https://v.acme.com/scim/v2/Groups/g1',
      },
    });
  });

  it('leaves members out when they were excluded', () => {
    expect(scimGroupResourceOf(group, undefined, 'https://v.acme.com/scim/v2')).not.toHaveProperty('members');
  });
});
