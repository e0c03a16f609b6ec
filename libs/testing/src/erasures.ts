import {
  EmployeeEmailChangedV1,
  EmployeeErasedV1,
  EmployeeProfileUpdatedV1,
  EmployeeReactivatedV1,
  EmployeeRegisteredV1,
  type EventData,
  type EventDefinition,
} from '@vouch/contracts';

/** A service under test's way of publishing events as their owner would. */
export type PublishAsOwner = <TDefinition extends EventDefinition>(
  definition: TDefinition,
  events: Array<{ subject: string; data: EventData<TDefinition> }>,
) => Promise<unknown>;

/** Publishes identity's `EmployeeErased` for the employee, as identity does when an admin erases them. */
export async function announceErasure(
  publish: PublishAsOwner,
  employeeId: string,
  erasureId: string,
): Promise<void> {
  await publish(EmployeeErasedV1, [
    { subject: employeeId, data: { employeeId, erasureId, erasedAt: new Date().toISOString() } },
  ]);
}

/**
 * Publishes again what identity once said of an employee (their registration, a profile change,
 * an email change, a return), as a replay of old events would: after their erasure, none of it
 * may bring their data back.
 */
export async function replayEmployeeHistory(
  publish: PublishAsOwner,
  employee: { id: string; name: string; email: string },
): Promise<void> {
  const at = new Date().toISOString();
  const { id: employeeId, name, email } = employee;
  await publish(EmployeeRegisteredV1, [
    {
      subject: employeeId,
      data: { employeeId, email, name, title: 'Engineer', managerId: null, timeZone: null, registeredAt: at },
    },
  ]);
  await publish(EmployeeProfileUpdatedV1, [
    {
      subject: employeeId,
      data: {
        employeeId,
        name,
        title: 'Engineer',
        headline: null,
        timeZone: null,
        completeness: 40,
        changedFields: ['name'],
        updatedAt: at,
      },
    },
  ]);
  await publish(EmployeeEmailChangedV1, [
    { subject: employeeId, data: { employeeId, email, previousEmail: email, changedAt: at } },
  ]);
  await publish(EmployeeReactivatedV1, [{ subject: employeeId, data: { employeeId, reactivatedAt: at } }]);
}
