/** Someone asked to connect with themselves. */
export class CannotConnectToSelfError extends Error {
  override readonly name = 'CannotConnectToSelfError';
  constructor() {
    super('you cannot connect with yourself');
  }
}

/** The employee asked for is unknown here, or no longer active. */
export class EmployeeNotFoundError extends Error {
  override readonly name = 'EmployeeNotFoundError';
  constructor(employeeId: string) {
    super(`no active employee ${employeeId}`);
  }
}

/** The signed-in employee is not (or no longer) an active employee of this replica. */
export class InactiveRequesterError extends Error {
  override readonly name = 'InactiveRequesterError';
  constructor() {
    super('your account is not active');
  }
}

export class AlreadyConnectedError extends Error {
  override readonly name = 'AlreadyConnectedError';
  constructor(employeeId: string) {
    super(`you are already connected with ${employeeId}`);
  }
}

export class RequestAlreadyPendingError extends Error {
  override readonly name = 'RequestAlreadyPendingError';
  constructor(employeeId: string) {
    super(`a connection request to ${employeeId} is already pending`);
  }
}

/** The request does not exist, or is not the caller's to act on: existence is private. */
export class ConnectionRequestNotFoundError extends Error {
  override readonly name = 'ConnectionRequestNotFoundError';
  constructor(requestId: string) {
    super(`no connection request ${requestId}`);
  }
}

export class RequestNoLongerPendingError extends Error {
  override readonly name = 'RequestNoLongerPendingError';
  constructor(requestId: string, status: string) {
    super(`connection request ${requestId} is no longer pending (${status})`);
  }
}

export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
  constructor(employeeId: string) {
    super(`you are not connected with ${employeeId}`);
  }
}
