import { randomUUID } from 'node:crypto';
import { Connection } from './connection';
import { decideConnectionRequest } from './connection-request-policy';
import {
  AlreadyConnectedError,
  CannotConnectToSelfError,
  EmployeeNotFoundError,
  InactiveRequesterError,
  RequestAlreadyPendingError,
} from './connection.errors';

const ana = { id: randomUUID(), active: true };
const ben = { id: randomUUID(), active: true };
const at = new Date('2026-11-25T10:00:00.000Z');

const pending = (from: string, to: string) =>
  Connection.request({ id: randomUUID(), requesterId: from, addresseeId: to, message: null, at });

const decide = (overrides: Partial<Parameters<typeof decideConnectionRequest>[0]> = {}) =>
  decideConnectionRequest({
    requesterId: ana.id,
    addresseeId: ben.id,
    requester: ana,
    addressee: ben,
    open: null,
    ...overrides,
  });

describe('asking to connect', () => {
  it('creates a request when the two have nothing open', () => {
    expect(decide()).toEqual({ kind: 'create' });
  });

  it('accepts the addressee’s own pending request instead of creating a second one', () => {
    const theirs = pending(ben.id, ana.id);
    expect(decide({ open: theirs })).toEqual({ kind: 'accept-theirs', connection: theirs });
  });

  it('refuses a second request while the first is pending', () => {
    expect(() => decide({ open: pending(ana.id, ben.id) })).toThrow(RequestAlreadyPendingError);
  });

  it('refuses a request between employees already connected', () => {
    const connection = pending(ben.id, ana.id);
    connection.accept(ana.id, at);
    expect(() => decide({ open: connection })).toThrow(AlreadyConnectedError);
  });

  it('refuses a request to oneself', () => {
    expect(() => decide({ addresseeId: ana.id, addressee: ana })).toThrow(CannotConnectToSelfError);
  });

  it('answers as if unknown for an addressee who is unknown or inactive', () => {
    expect(() => decide({ addressee: null })).toThrow(EmployeeNotFoundError);
    expect(() => decide({ addressee: { ...ben, active: false } })).toThrow(EmployeeNotFoundError);
  });

  it('refuses a requester who is not an active employee', () => {
    expect(() => decide({ requester: null })).toThrow(InactiveRequesterError);
    expect(() => decide({ requester: { ...ana, active: false } })).toThrow(InactiveRequesterError);
  });
});
