/** The `scimType` values of RFC 7644 §3.12 this service answers with. */
export type ScimType =
  'invalidFilter' | 'invalidSyntax' | 'invalidPath' | 'invalidValue' | 'noTarget' | 'uniqueness';

/** A SCIM request the service cannot act on: answered 400 with its `scimType`. */
export class InvalidScimRequestError extends Error {
  override readonly name = 'InvalidScimRequestError';
  constructor(
    readonly scimType: ScimType,
    detail: string,
  ) {
    super(detail);
  }
}

/** Another SCIM user already has this userName or externalId: answered 409 `uniqueness`. */
export class ScimUniquenessError extends Error {
  override readonly name = 'ScimUniquenessError';
}

/** No SCIM user with this id: never provisioned, or deleted since. */
export class ScimUserNotFoundError extends Error {
  override readonly name = 'ScimUserNotFoundError';
  constructor(id: string) {
    super(`no SCIM user ${id}`);
  }
}

/** No SCIM group with this id: never created, or deleted since. */
export class ScimGroupNotFoundError extends Error {
  override readonly name = 'ScimGroupNotFoundError';
  constructor(id: string) {
    super(`no SCIM group ${id}`);
  }
}
