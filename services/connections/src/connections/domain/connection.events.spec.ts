import {
  ConnectionAcceptedV1,
  ConnectionDeclinedV1,
  ConnectionRemovedV1,
  ConnectionRequestCancelledV1,
  ConnectionRequestedV1,
  ConnectionRequestWithdrawnV1,
  type EventCause,
} from '@vouch/contracts';
import { Connection } from './connection';

const CONNECTION = '0b9c4a4e-5f2d-4c61-9d0e-3a7f1c2b8e01';
const ANA = 'a1a1a1a1-1111-4111-8111-111111111111';
const BEN = 'b2b2b2b2-2222-4222-8222-222222222222';
const EVE = 'e5e5e5e5-5555-4555-8555-555555555555';
const t0 = new Date('2026-11-25T10:00:00Z');
const t1 = new Date('2026-11-26T10:00:00Z');

const requested = (message: string | null = 'We met at the offsite.') =>
  Connection.request({ id: CONNECTION, requesterId: ANA, addresseeId: BEN, message, at: t0 });

/** A request as loaded from the database: its making was recorded long ago. */
const saved = () => {
  const connection = requested();
  connection.pullEvents();
  return connection;
};

/** An accepted connection as loaded from the database. */
const connected = () => {
  const connection = saved();
  connection.accept(BEN, t0);
  connection.pullEvents();
  return connection;
};

const fieldsWith = (status: string) => ({
  connectionId: CONNECTION,
  requesterId: ANA,
  addresseeId: BEN,
  status,
});

describe('the events a connection records', () => {
  it('records ConnectionRequested when asked for, with the message', () => {
    expect(requested().pullEvents()).toEqual([
      {
        definition: ConnectionRequestedV1,
        subject: CONNECTION,
        data: { ...fieldsWith('pending'), message: 'We met at the offsite.', requestedAt: t0.toISOString() },
      },
    ]);
  });

  it('hands each event over once', () => {
    const connection = requested();
    expect(connection.pullEvents()).toHaveLength(1);
    expect(connection.pullEvents()).toEqual([]);
  });

  it('records nothing when restored', () => {
    expect(Connection.restore(requested().snapshot()).pullEvents()).toEqual([]);
  });

  it('records ConnectionAccepted when the addressee accepts', () => {
    const connection = saved();
    connection.accept(BEN, t1);
    expect(connection.pullEvents()).toEqual([
      {
        definition: ConnectionAcceptedV1,
        subject: CONNECTION,
        data: { ...fieldsWith('accepted'), acceptedAt: t1.toISOString() },
      },
    ]);
  });

  it('records ConnectionDeclined when the addressee declines', () => {
    const connection = saved();
    connection.decline(BEN, t1);
    expect(connection.pullEvents()).toEqual([
      {
        definition: ConnectionDeclinedV1,
        subject: CONNECTION,
        data: { ...fieldsWith('declined'), declinedAt: t1.toISOString() },
      },
    ]);
  });

  it('records ConnectionRequestWithdrawn when the requester takes it back', () => {
    const connection = saved();
    connection.withdraw(ANA, t1);
    expect(connection.pullEvents()).toEqual([
      {
        definition: ConnectionRequestWithdrawnV1,
        subject: CONNECTION,
        data: { ...fieldsWith('withdrawn'), withdrawnAt: t1.toISOString() },
      },
    ]);
  });

  it('records ConnectionRequestCancelled with the departure and the event that caused it', () => {
    const cause: EventCause = {
      correlationId: 'departure-1',
      causationId: 'f0f0f0f0-0000-4000-8000-000000000000',
    };
    const connection = saved();
    connection.cancel({ employeeId: BEN, deactivatedAt: '2026-11-26T12:00:00+02:00' }, cause);
    expect(connection.pullEvents()).toEqual([
      {
        definition: ConnectionRequestCancelledV1,
        subject: CONNECTION,
        data: {
          ...fieldsWith('cancelled'),
          reason: 'employee_deactivated',
          deactivatedEmployeeId: BEN,
          cancelledAt: '2026-11-26T12:00:00+02:00',
        },
        cause,
      },
    ]);
  });

  it('records ConnectionRemoved with who removed it', () => {
    const connection = connected();
    connection.remove(BEN, t1);
    expect(connection.pullEvents()).toEqual([
      {
        definition: ConnectionRemovedV1,
        subject: CONNECTION,
        data: { ...fieldsWith('removed'), removedBy: BEN, removedAt: t1.toISOString() },
      },
    ]);
  });

  it('records nothing for a change it refuses or that does not apply', () => {
    const connection = connected();
    expect(() => connection.accept(BEN, t1)).toThrow();
    expect(() => connection.withdraw(ANA, t1)).toThrow();
    expect(() => connection.remove(EVE, t1)).toThrow();
    connection.cancel({ employeeId: BEN, deactivatedAt: t1.toISOString() });
    expect(connection.pullEvents()).toEqual([]);
  });

  it('records events whose data their contracts accept', () => {
    const events = [
      ...requested(null).pullEvents(),
      ...(() => {
        const connection = requested();
        connection.accept(BEN, t1);
        connection.remove(ANA, t1);
        return connection.pullEvents();
      })(),
      ...(() => {
        const connection = saved();
        connection.decline(BEN, t1);
        return connection.pullEvents();
      })(),
      ...(() => {
        const connection = saved();
        connection.withdraw(ANA, t1);
        return connection.pullEvents();
      })(),
      ...(() => {
        const connection = saved();
        connection.cancel({ employeeId: ANA, deactivatedAt: t1.toISOString() });
        return connection.pullEvents();
      })(),
    ];
    expect(events.map((event) => event.definition.type)).toEqual([
      'ConnectionRequested',
      'ConnectionRequested',
      'ConnectionAccepted',
      'ConnectionRemoved',
      'ConnectionDeclined',
      'ConnectionRequestWithdrawn',
      'ConnectionRequestCancelled',
    ]);
    for (const event of events) expect(() => event.definition.schema.parse(event.data)).not.toThrow();
  });
});
