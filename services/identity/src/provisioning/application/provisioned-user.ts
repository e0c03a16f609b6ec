import type { Employee } from '../../employees/domain/employee';
import type { EmployeeFacts, ScimLink, ScimOnlyAttributes, ScimUserAttributes } from '../domain/scim-user';

/** A SCIM user: the employee and what SCIM alone keeps of them. */
export interface ProvisionedUser {
  employee: EmployeeFacts;
  link: ScimLink;
}

export function employeeFactsOf(employee: Employee): EmployeeFacts {
  const state = employee.snapshot();
  return {
    id: state.id,
    email: state.email,
    name: state.name,
    title: state.title,
    timeZone: state.timeZone,
    managerId: state.managerId,
    active: employee.isActive,
    registeredAt: state.registeredAt,
    updatedAt: state.updatedAt,
  };
}

export function scimOnlyAttributesOf(attributes: ScimUserAttributes): ScimOnlyAttributes {
  return {
    externalId: attributes.externalId,
    givenName: attributes.givenName,
    familyName: attributes.familyName,
    formattedName: attributes.formattedName,
    employeeNumber: attributes.employeeNumber,
    department: attributes.department,
    preferredLanguage: attributes.preferredLanguage,
    locale: attributes.locale,
  };
}
