import type { IdpIdentity } from './idp-identity';
import { SsoRefusedError } from './sso.errors';

/** An employee as linking sees them. */
export interface LinkCandidate {
  id: string;
  email: string;
  isActive: boolean;
  /** The subject of this provider already linked to them, if any. */
  linkedSubject: string | null;
  /** The `externalId` the company provisioned them with over SCIM, if any. */
  externalId: string | null;
}

export interface LinkingFacts {
  identity: IdpIdentity;
  /** The employee this provider's subject is linked to already. */
  linked: LinkCandidate | null;
  /** The employee provisioned over SCIM with an externalId equal to the token's oid or sub. */
  provisioned: LinkCandidate | null;
  /** The employee with the token's email, whatever the provider says of it. */
  byEmail: LinkCandidate | null;
  justInTimeProvisioning: boolean;
}

export type LinkDecision =
  | { kind: 'signed-in'; employeeId: string }
  | { kind: 'link'; employeeId: string; by: 'external_id' | 'verified_email' }
  | { kind: 'create'; email: string };

/**
 * Which employee an account of the company's provider is, and whether to link it. By the immutable
 * subject first (a link made before, or the SCIM externalId); by email only when the provider
 * vouches for it; a link once made is never moved to another employee, nor replaced silently by
 * another account presenting the employee's email.
 */
export function decideLink(facts: LinkingFacts): LinkDecision {
  const { identity } = facts;
  if (facts.linked) {
    assertActive(facts.linked);
    return { kind: 'signed-in', employeeId: facts.linked.id };
  }
  if (facts.provisioned) {
    assertFree(facts.provisioned, identity);
    assertActive(facts.provisioned);
    return { kind: 'link', employeeId: facts.provisioned.id, by: 'external_id' };
  }
  if (facts.byEmail) {
    if (!identity.emailVerified)
      throw new SsoRefusedError('email_not_verified', 'the provider does not vouch for the email');
    // An externalId that is no id of this account (Entra's default mapping sends mailNickname) does
    // not stand in the way: the provider vouches for the email, and the employee is linked to no one.
    assertFree(facts.byEmail, identity);
    assertActive(facts.byEmail);
    return { kind: 'link', employeeId: facts.byEmail.id, by: 'verified_email' };
  }
  if (!facts.justInTimeProvisioning)
    throw new SsoRefusedError('not_provisioned', 'no employee is this account');
  if (identity.email === null || !identity.emailVerified)
    throw new SsoRefusedError(
      'email_unusable',
      'just-in-time creation needs an email the provider vouches for',
    );
  return { kind: 'create', email: identity.email };
}

function assertActive(employee: LinkCandidate): void {
  if (!employee.isActive) throw new SsoRefusedError('deactivated', 'the employee is deactivated');
}

function assertFree(employee: LinkCandidate, identity: IdpIdentity): void {
  if (employee.linkedSubject !== null && employee.linkedSubject !== identity.subject)
    throw new SsoRefusedError('account_conflict', 'the employee is linked to another account');
}
