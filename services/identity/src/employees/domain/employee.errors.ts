/** Someone already registered with this email. */
export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError';
  constructor(email: string) {
    super(`an employee with email ${email} is already registered`);
  }
}

/** Registration is limited to the company's email domains. */
export class EmailDomainNotAllowedError extends Error {
  override readonly name = 'EmailDomainNotAllowedError';
  constructor(domain: string) {
    super(`registration with an email at ${domain} is not allowed`);
  }
}

/** Unknown email, wrong password or deactivated account: one answer, so none can be told apart. */
export class InvalidCredentialsError extends Error {
  override readonly name = 'InvalidCredentialsError';
  constructor() {
    super('the email or password is wrong');
  }
}

/** Too many login attempts for an email or from an address. */
export class TooManyLoginAttemptsError extends Error {
  override readonly name = 'TooManyLoginAttemptsError';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many login attempts; try again in ${retryAfterSeconds} seconds`);
  }
}

export class EmployeeNotFoundError extends Error {
  override readonly name = 'EmployeeNotFoundError';
  constructor(employeeId: string) {
    super(`no employee ${employeeId}`);
  }
}

/** The manager named for an employee is unknown or no longer active. */
export class UnknownManagerError extends Error {
  override readonly name = 'UnknownManagerError';
  constructor(manager: string) {
    super(`no active employee ${manager} to be the manager`);
  }
}

/** The org chart is a tree: nobody may end up managing themselves, directly or not. */
export class OrgChartCycleError extends Error {
  override readonly name = 'OrgChartCycleError';
  constructor(employeeId: string, managerId: string) {
    super(`${managerId} cannot manage ${employeeId}: the org chart would have a cycle`);
  }
}

/** The signed-in employee has been deactivated since their token was issued. */
export class EmployeeDeactivatedError extends Error {
  override readonly name = 'EmployeeDeactivatedError';
  constructor() {
    super('your account is deactivated');
  }
}

/** A profile change that breaks a rule the DTO cannot check alone. */
export class InvalidProfileError extends Error {
  override readonly name = 'InvalidProfileError';
}

/** The employee's personal data was erased: nothing of them can be changed, nor erased again. */
export class EmployeeAlreadyErasedError extends Error {
  override readonly name = 'EmployeeAlreadyErasedError';
  constructor(employeeId: string) {
    super(`employee ${employeeId} has been erased`);
  }
}

/**
 * HR's own data (SCIM, the people import) owns this manager link: HR changes it there, since the
 * next sync would undo a change made in Vouch. Admins may still override it (break-glass).
 */
export class ManagerSetByHrDataError extends Error {
  override readonly name = 'ManagerSetByHrDataError';
  constructor(readonly source: 'scim' | 'csv') {
    super(
      source === 'scim'
        ? 'the manager link was set by the identity provider (SCIM): change it in the HR system'
        : 'the manager link was set by the people import (CSV): change it in the people file',
    );
  }
}

/** Only an admin may deactivate or reactivate an admin, so that HR cannot lock the admins out. */
export class AdminOnlyForAdminsError extends Error {
  override readonly name = 'AdminOnlyForAdminsError';
  constructor(change: 'deactivate' | 'reactivate') {
    super(`only an admin may ${change} an admin`);
  }
}
