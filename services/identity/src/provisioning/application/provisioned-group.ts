import type { ScimGroupMember, ScimGroupRecord } from '../domain/scim-group';

/** A SCIM group; `members` is undefined when the provider asked for the group without them. */
export interface ProvisionedGroup {
  group: ScimGroupRecord;
  members?: ScimGroupMember[];
}
