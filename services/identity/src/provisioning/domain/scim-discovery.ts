import { MAX_RESULTS } from './scim-query';
import { ScimSchemas, type ScimObject } from './scim-schemas';

type AttributeType = 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime';

interface AttributeOptions {
  type?: AttributeType;
  multiValued?: boolean;
  required?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  returned?: 'always' | 'default' | 'never';
  uniqueness?: 'none' | 'server';
  subAttributes?: ScimObject[];
  description: string;
}

function attribute(name: string, options: AttributeOptions): ScimObject {
  return {
    name,
    type: options.type ?? 'string',
    multiValued: options.multiValued ?? false,
    description: options.description,
    required: options.required ?? false,
    caseExact: false,
    mutability: options.mutability ?? 'readWrite',
    returned: options.returned ?? 'default',
    uniqueness: options.uniqueness ?? 'none',
    ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
  };
}

const userAttributes = [
  attribute('userName', {
    required: true,
    uniqueness: 'server',
    description: "The work email: the employee's email in Vouch, compared in any case.",
  }),
  attribute('name', {
    type: 'complex',
    description: "The person's name; Vouch shows displayName, else formatted, else given and family name.",
    subAttributes: [
      attribute('formatted', { description: 'The full name.' }),
      attribute('givenName', { description: 'The given name.' }),
      attribute('familyName', { description: 'The family name.' }),
    ],
  }),
  attribute('displayName', { description: "The name Vouch shows: the employee's name." }),
  attribute('title', { description: "The employee's job title." }),
  attribute('emails', {
    multiValued: true,
    type: 'complex',
    mutability: 'readOnly',
    description: 'The work email, always userName.',
    subAttributes: [
      attribute('value', { description: 'The email.' }),
      attribute('type', { description: 'Always work.' }),
      attribute('primary', { type: 'boolean', description: 'Always true.' }),
    ],
  }),
  attribute('active', { type: 'boolean', description: 'False deactivates the employee.' }),
  attribute('preferredLanguage', { description: 'Kept as given.' }),
  attribute('locale', { description: 'Kept as given.' }),
  attribute('timezone', { description: "The employee's IANA time zone." }),
  attribute('password', {
    mutability: 'writeOnly',
    returned: 'never',
    description: 'Accepted and ignored: people sign in through the identity provider.',
  }),
];

const enterpriseAttributes = [
  attribute('employeeNumber', { description: 'Kept as given.' }),
  attribute('department', { description: 'Kept as given.' }),
  attribute('manager', {
    type: 'complex',
    description: "The manager in Vouch's org chart; an unknown one or a cycle is refused.",
    subAttributes: [attribute('value', { description: "The manager's SCIM id (their Vouch id)." })],
  }),
];

const groupAttributes = [
  attribute('displayName', {
    required: true,
    uniqueness: 'server',
    description:
      "The group's name, unique in any case; those named by SCIM_ADMIN_GROUP and SCIM_HR_GROUP make their members admins and HR.",
  }),
  attribute('members', {
    type: 'complex',
    multiValued: true,
    description: 'The employees in the group; groups do not nest.',
    subAttributes: [
      attribute('value', {
        mutability: 'immutable',
        description: "The member's SCIM User id (their Vouch id).",
      }),
      attribute('$ref', {
        type: 'reference',
        mutability: 'immutable',
        description: "The member's SCIM User.",
      }),
      attribute('display', { mutability: 'readOnly', description: "The member's name in Vouch." }),
      attribute('type', { mutability: 'immutable', description: 'Always User.' }),
    ],
  }),
];

function schema(
  id: string,
  name: string,
  description: string,
  attributes: ScimObject[],
  base: string,
): ScimObject {
  return {
    schemas: [ScimSchemas.schema],
    id,
    name,
    description,
    attributes,
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${id}` },
  };
}

/** RFC 7643 §5–7: what this service provider supports, for the providers' discovery. */
export function scimDiscoveryOf(base: string) {
  return {
    serviceProviderConfig: {
      schemas: [ScimSchemas.serviceProviderConfig],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: MAX_RESULTS },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'Bearer token',
          description: 'The SCIM_TOKEN configured in identity, as Authorization: Bearer.',
          primary: true,
        },
      ],
      meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
    },
    resourceTypes: [
      {
        schemas: [ScimSchemas.resourceType],
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        description: 'An employee',
        schema: ScimSchemas.user,
        schemaExtensions: [{ schema: ScimSchemas.enterpriseUser, required: false }],
        meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
      },
      {
        schemas: [ScimSchemas.resourceType],
        id: 'Group',
        name: 'Group',
        endpoint: '/Groups',
        description: 'A group of employees',
        schema: ScimSchemas.group,
        meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
      },
    ],
    schemas: [
      schema(ScimSchemas.user, 'User', 'An employee', userAttributes, base),
      schema(ScimSchemas.enterpriseUser, 'EnterpriseUser', 'Enterprise User', enterpriseAttributes, base),
      schema(ScimSchemas.group, 'Group', 'A group of employees', groupAttributes, base),
    ],
  };
}
