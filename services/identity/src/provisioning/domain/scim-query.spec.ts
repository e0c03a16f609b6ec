import { excludedAttributesOf, groupFilterOf, pageOf, userFilterOf } from './scim-query';

describe('SCIM list queries', () => {
  it('finds users by userName or externalId, the attribute named in any case', () => {
    expect(userFilterOf('userName eq "Ana@Acme.com"')).toEqual({
      attribute: 'userName',
      value: 'Ana@Acme.com',
    });
    expect(userFilterOf('externalid EQ "e-1"')).toEqual({ attribute: 'externalId', value: 'e-1' });
    expect(userFilterOf(undefined)).toBeUndefined();
  });

  it.each(['displayName eq "Ana"', 'userName co "ana"', 'userName eq "a" or userName eq "b"', 'userName eq'])(
    'refuses %s as invalidFilter',
    (filter) => {
      expect(() => userFilterOf(filter)).toThrow(expect.objectContaining({ scimType: 'invalidFilter' }));
    },
  );

  it('finds groups by displayName or externalId, with or without the schema', () => {
    expect(groupFilterOf('displayName eq "Vouch Admins"')).toEqual({
      attribute: 'displayName',
      value: 'Vouch Admins',
    });
    expect(groupFilterOf('urn:ietf:params:scim:schemas:core:2.0:Group:externalId eq "g-1"')).toEqual({
      attribute: 'externalId',
      value: 'g-1',
    });
    expect(() => groupFilterOf('userName eq "ana@acme.com"')).toThrow(
      expect.objectContaining({ scimType: 'invalidFilter' }),
    );
  });

  it('reads excludedAttributes in any case and spacing', () => {
    expect(excludedAttributesOf(' Members , meta')).toEqual(new Set(['members', 'meta']));
    expect(excludedAttributesOf(undefined)).toEqual(new Set());
  });

  it('pages from 1 with at most 100 per page', () => {
    expect(pageOf(undefined, undefined)).toEqual({ startIndex: 1, count: 100 });
    expect(pageOf('0', '-5')).toEqual({ startIndex: 1, count: 0 });
    expect(pageOf('11', '1000')).toEqual({ startIndex: 11, count: 100 });
  });
});
