import { normaliseEmail } from '../../employees/domain/email-address';

/** Who the company's identity provider says signed in, from the claims of a verified ID token. */
export interface IdpIdentity {
  /** The provider's issuer identifier (`iss`). */
  issuer: string;
  /** The provider's immutable id of the person at this client (`sub`). */
  subject: string;
  /** Entra ID's immutable object id of the person (`oid`), the same across applications. */
  objectId: string | null;
  /** Lower-cased; null when absent or not an email address. */
  email: string | null;
  /**
   * Whether the provider vouches that the person owns `email`: `email_verified: true`, or Entra's
   * `xms_edov: true` (the domain owner verified it). Without it the email is only a mutable claim.
   */
  emailVerified: boolean;
  name: string | null;
  /** The values of the groups claim (Entra: the groups' object ids). */
  groups: string[];
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function emailOf(value: unknown): string | null {
  const email = text(value);
  if (email === null || !/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  return normaliseEmail(email);
}

/** The identity in an ID token's claims (already checked by the client library). */
export function idpIdentityOf(claims: Record<string, unknown>, groupsClaim: string): IdpIdentity {
  const issuer = text(claims.iss);
  const subject = text(claims.sub);
  if (issuer === null || subject === null) throw new Error('an ID token always has iss and sub');
  const groups = claims[groupsClaim];
  return {
    issuer,
    subject,
    objectId: text(claims.oid),
    email: emailOf(claims.email),
    emailVerified: claims.email_verified === true || claims.xms_edov === true,
    name: text(claims.name),
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
  };
}

/** The immutable ids the company's SCIM `externalId` may hold for this person: Entra's oid, or sub. */
export function immutableIdsOf(identity: IdpIdentity): string[] {
  return identity.objectId === null ? [identity.subject] : [identity.objectId, identity.subject];
}
