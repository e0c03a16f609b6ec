import { decideLink, type LinkCandidate, type LinkingFacts } from './account-linking';
import type { IdpIdentity } from './idp-identity';
import { idpIdentityOf } from './idp-identity';
import { SsoRefusedError } from './sso.errors';

const identity = (fields: Partial<IdpIdentity> = {}): IdpIdentity => ({
  issuer: 'https://login.acme.test',
  subject: 'sub-1',
  objectId: null,
  email: 'ana@acme.com',
  emailVerified: true,
  name: 'Ana Lima',
  groups: [],
  ...fields,
});

const employee = (fields: Partial<LinkCandidate> = {}): LinkCandidate => ({
  id: 'e-1',
  email: 'ana@acme.com',
  isActive: true,
  linkedSubject: null,
  externalId: null,
  ...fields,
});

const facts = (fields: Partial<LinkingFacts>): LinkingFacts => ({
  identity: identity(),
  linked: null,
  provisioned: null,
  byEmail: null,
  justInTimeProvisioning: false,
  ...fields,
});

const refusal = (input: LinkingFacts) => {
  try {
    decideLink(input);
  } catch (error) {
    if (error instanceof SsoRefusedError) return error.refusal;
    throw error;
  }
  throw new Error('not refused');
};

describe('linking an account of the company provider to an employee', () => {
  it('signs in the employee linked already, whatever the email says now', () => {
    expect(
      decideLink(facts({ linked: employee({ linkedSubject: 'sub-1' }), byEmail: employee({ id: 'e-2' }) })),
    ).toEqual({
      kind: 'signed-in',
      employeeId: 'e-1',
    });
  });

  it("links by the company's externalId even when the email is not vouched for", () => {
    expect(
      decideLink(
        facts({
          identity: identity({ emailVerified: false }),
          provisioned: employee({ externalId: 'sub-1' }),
        }),
      ),
    ).toEqual({ kind: 'link', employeeId: 'e-1', by: 'external_id' });
  });

  it('links by a vouched-for email also when the externalId is something else (Entra maps mailNickname by default)', () => {
    expect(decideLink(facts({ byEmail: employee({ externalId: 'ana.lima' }) }))).toEqual({
      kind: 'link',
      employeeId: 'e-1',
      by: 'verified_email',
    });
  });

  it('links by email only when the provider vouches for it', () => {
    expect(decideLink(facts({ byEmail: employee() }))).toEqual({
      kind: 'link',
      employeeId: 'e-1',
      by: 'verified_email',
    });
    expect(refusal(facts({ identity: identity({ emailVerified: false }), byEmail: employee() }))).toBe(
      'email_not_verified',
    );
  });

  it('never moves a link to another account', () => {
    expect(refusal(facts({ byEmail: employee({ linkedSubject: 'sub-other' }) }))).toBe('account_conflict');
    expect(refusal(facts({ provisioned: employee({ linkedSubject: 'sub-other' }) }))).toBe(
      'account_conflict',
    );
  });

  it('refuses deactivated employees', () => {
    expect(refusal(facts({ linked: employee({ isActive: false }) }))).toBe('deactivated');
    expect(refusal(facts({ byEmail: employee({ isActive: false }) }))).toBe('deactivated');
  });

  it('creates strangers only with just-in-time creation and a vouched-for email', () => {
    expect(refusal(facts({}))).toBe('not_provisioned');
    expect(decideLink(facts({ justInTimeProvisioning: true }))).toEqual({
      kind: 'create',
      email: 'ana@acme.com',
    });
    expect(
      refusal(facts({ justInTimeProvisioning: true, identity: identity({ emailVerified: false }) })),
    ).toBe('email_unusable');
  });
});

describe("the identity in an ID token's claims", () => {
  it("reads Entra's oid and xms_edov, and the configured groups claim", () => {
    expect(
      idpIdentityOf(
        {
          iss: 'https://login.microsoftonline.com/t/v2.0',
          sub: 's',
          oid: 'o',
          email: 'Ana@Acme.com',
          xms_edov: true,
          roles: ['g'],
        },
        'roles',
      ),
    ).toEqual({
      issuer: 'https://login.microsoftonline.com/t/v2.0',
      subject: 's',
      objectId: 'o',
      email: 'ana@acme.com',
      emailVerified: true,
      name: null,
      groups: ['g'],
    });
  });

  it('takes an email as vouched for only when the claim is the boolean true', () => {
    expect(
      idpIdentityOf({ iss: 'i', sub: 's', email: 'a@b.c', email_verified: 'true' }, 'groups').emailVerified,
    ).toBe(false);
  });
});
