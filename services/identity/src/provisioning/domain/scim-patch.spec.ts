import { applyPatch } from './scim-patch';
import { ScimSchemas } from './scim-schemas';

const patchOp = (...Operations: unknown[]) => ({ schemas: [ScimSchemas.patchOp], Operations });

const ana = {
  schemas: [ScimSchemas.user, ScimSchemas.enterpriseUser],
  id: 'a1',
  userName: 'ana@acme.com',
  name: { givenName: 'Ana', familyName: 'Lima' },
  displayName: 'Ana Lima',
  title: 'Engineer',
  emails: [{ value: 'ana@acme.com', type: 'work', primary: true }],
  active: true,
  [ScimSchemas.enterpriseUser]: { department: 'Payments', manager: { value: 'b2' } },
};

describe('applying a SCIM PatchOp request', () => {
  it("understands Entra ID's capitalised ops, string booleans stay for the parser", () => {
    const patched = applyPatch(ana, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    expect(patched.active).toBe('False');
  });

  it('replaces several attributes from a value map without a path, as Okta and Entra ID send', () => {
    const patched = applyPatch(
      ana,
      patchOp({
        op: 'replace',
        value: { displayName: 'Ana Lima Costa', active: false, 'name.givenName': 'Anna' },
      }),
    );
    expect(patched).toMatchObject({
      displayName: 'Ana Lima Costa',
      active: false,
      name: { givenName: 'Anna', familyName: 'Lima' },
    });
  });

  it("sets the enterprise manager from Entra ID's plain string value", () => {
    const patched = applyPatch(
      ana,
      patchOp({ op: 'Add', path: `${ScimSchemas.enterpriseUser}:manager`, value: 'c3' }),
    );
    expect(patched[ScimSchemas.enterpriseUser]).toEqual({ department: 'Payments', manager: 'c3' });
  });

  it('sets sub-attributes and filtered multi-valued attributes', () => {
    const patched = applyPatch(
      ana,
      patchOp(
        { op: 'Replace', path: 'name.familyName', value: 'Costa' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ana.costa@acme.com' },
      ),
    );
    expect(patched.name).toEqual({ givenName: 'Ana', familyName: 'Costa' });
    expect(patched.emails).toEqual([{ value: 'ana.costa@acme.com', type: 'work', primary: true }]);
  });

  it('clears an attribute on remove, so the result says cleared rather than unchanged', () => {
    const patched = applyPatch(ana, patchOp({ op: 'Remove', path: `${ScimSchemas.enterpriseUser}:manager` }));
    expect(patched[ScimSchemas.enterpriseUser]).toEqual({ department: 'Payments', manager: null });
  });

  it('leaves the resource it was given unchanged', () => {
    applyPatch(ana, patchOp({ op: 'replace', path: 'title', value: 'Lead' }));
    expect(ana.title).toBe('Engineer');
  });

  it.each([
    [{}, 'invalidSyntax'],
    [patchOp({ op: 'merge', path: 'title', value: 'x' }), 'invalidSyntax'],
    [patchOp({ op: 'replace', path: 'title[[', value: 'x' }), 'invalidPath'],
    [patchOp({ op: 'replace', value: 'x' }), 'invalidValue'],
    [patchOp({ op: 'remove' }), 'noTarget'],
  ])('refuses %j as %s', (request, scimType) => {
    expect(() => applyPatch(ana, request)).toThrow(expect.objectContaining({ scimType }));
  });
});
