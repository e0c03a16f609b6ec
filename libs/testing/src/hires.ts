import { randomUUID } from 'node:crypto';
import { EmployeeRegisteredV1, type ManagerSource } from '@vouch/contracts';
import type { ServiceUnderTest } from './service-under-test';
import { uniqueName } from './test-infrastructure';
import type { TestTokenAuthority } from './test-token-authority';

/** Who a test hires; what is left out gets a unique value or none. */
export interface NewHire {
  name?: string;
  email?: string;
  title?: string | null;
  managerId?: string | null;
  /** Who set the manager link; the company's SCIM when a manager is given and this is not. */
  managerSource?: ManagerSource | null;
  timeZone?: string | null;
  /** BCP 47; left out, the event carries none, as identity's did before it published languages. */
  language?: string | null;
}

/** An employee a service under test has been told of, with a token to call it as them. */
export interface HiredEmployee {
  id: string;
  name: string;
  email: string;
  token: string;
}

/**
 * Announces employees to a service under test as identity does, with `EmployeeRegistered` on its
 * topics, and signs each a token. The caller waits until the service applied them, as it best knows.
 */
export async function announceHires(
  service: ServiceUnderTest,
  authority: TestTokenAuthority,
  hires: NewHire[],
): Promise<HiredEmployee[]> {
  const hired = hires.map((hire) => ({
    id: randomUUID(),
    name: hire.name ?? `Employee ${uniqueName('e')}`,
    email: hire.email ?? `${uniqueName('employee')}@example.com`,
    title: hire.title ?? null,
    managerId: hire.managerId ?? null,
    managerSource: hire.managerId ? (hire.managerSource === undefined ? 'scim' : hire.managerSource) : null,
    timeZone: hire.timeZone ?? null,
    ...(hire.language === undefined ? {} : { language: hire.language }),
  }));
  await service.publish(
    EmployeeRegisteredV1,
    hired.map(({ id, ...employee }) => ({
      subject: id,
      data: { employeeId: id, ...employee, registeredAt: new Date().toISOString() },
    })),
  );
  return Promise.all(
    hired.map(async ({ id, name, email }) => ({
      id,
      name,
      email,
      token: (await authority.tokenFor({ id, email })).token,
    })),
  );
}
