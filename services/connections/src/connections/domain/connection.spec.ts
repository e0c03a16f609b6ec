import { randomUUID } from 'node:crypto';
import { Connection } from './connection';
import {
  CannotConnectToSelfError,
  ConnectionRequestNotFoundError,
  NotConnectedError,
  RequestNoLongerPendingError,
} from './connection.errors';

const ana = randomUUID();
const ben = randomUUID();
const eve = randomUUID();
const at = new Date('2026-11-25T10:00:00.000Z');
const later = new Date('2026-11-25T11:00:00.000Z');

const requested = () =>
  Connection.request({ id: randomUUID(), requesterId: ana, addresseeId: ben, message: 'hi', at });

describe('Connection', () => {
  it('starts pending, with the request time', () => {
    const connection = requested();
    expect(connection.snapshot()).toMatchObject({ status: 'pending', requestedAt: at, message: 'hi' });
    expect(connection.isOpen()).toBe(true);
  });

  it('refuses a request to oneself', () => {
    expect(() =>
      Connection.request({ id: randomUUID(), requesterId: ana, addresseeId: ana, message: null, at }),
    ).toThrow(CannotConnectToSelfError);
  });

  it('is accepted by the addressee, since the time of acceptance', () => {
    const connection = requested();
    connection.accept(ben, later);
    expect(connection.snapshot()).toMatchObject({ status: 'accepted', acceptedAt: later });
  });

  it.each([
    ['the requester', ana],
    ['a third employee', eve],
  ])('hides the request from %s who tries to accept or decline it', (_who, by) => {
    expect(() => requested().accept(by, later)).toThrow(ConnectionRequestNotFoundError);
    expect(() => requested().decline(by, later)).toThrow(ConnectionRequestNotFoundError);
  });

  it('is withdrawn by the requester only', () => {
    expect(() => requested().withdraw(ben, later)).toThrow(ConnectionRequestNotFoundError);
    const connection = requested();
    connection.withdraw(ana, later);
    expect(connection.snapshot()).toMatchObject({ status: 'withdrawn', closedAt: later });
    expect(connection.isOpen()).toBe(false);
  });

  it('cannot be answered once it is no longer pending', () => {
    const connection = requested();
    connection.decline(ben, later);
    expect(() => connection.accept(ben, later)).toThrow(RequestNoLongerPendingError);
  });

  it('is removed by either side once accepted, remembering who removed it', () => {
    for (const by of [ana, ben]) {
      const connection = requested();
      connection.accept(ben, later);
      connection.remove(by, later);
      expect(connection.snapshot()).toMatchObject({ status: 'removed', removedBy: by, closedAt: later });
    }
  });

  it('cannot be removed while pending or by a third employee', () => {
    expect(() => requested().remove(ana, later)).toThrow(NotConnectedError);
    const connection = requested();
    connection.accept(ben, later);
    expect(() => connection.remove(eve, later)).toThrow(NotConnectedError);
  });

  it('cancels only a pending request, at the time of the departure', () => {
    const departure = { employeeId: ben, deactivatedAt: later.toISOString() };
    const pending = requested();
    pending.cancel(departure);
    expect(pending.snapshot()).toMatchObject({ status: 'cancelled', closedAt: later });
    const accepted = requested();
    accepted.accept(ben, later);
    accepted.cancel(departure);
    expect(accepted.status).toBe('accepted');
  });

  it('tells since when two are connected, only once they are', () => {
    const connection = requested();
    expect(() => connection.connectedSince()).toThrow(/pending/);
    connection.accept(ben, later);
    expect(connection.connectedSince()).toEqual(later);
  });

  it('tells the other side from either one', () => {
    expect(requested().otherThan(ana)).toBe(ben);
    expect(requested().otherThan(ben)).toBe(ana);
  });
});
