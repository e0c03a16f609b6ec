import { randomUUID } from 'node:crypto';
import { EmployeeInvitedV1, RecommendationRequestedV1 } from '@vouch/contracts';
import { waitFor, waitForEmails } from '@vouch/testing';
import {
  NotificationsTestApp,
  type DeliveryLogEntry,
  type TestEmployee,
} from './support/notifications-test-app';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Midnight UTC, `days` from today's (negative: before). */
function utcMidnight(days: number): Date {
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  return new Date(today.getTime() + days * DAY_MS);
}

const hoursAfter = (instant: Date, hours: number) => new Date(instant.getTime() + hours * HOUR_MS);

describe('quiet hours: non-urgent emails wait for the working hours in the recipient’s zone', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('quiet_hours', {
      WORKING_HOURS: '08:00-20:00',
      MAX_EMAILS_PER_DAY: '2',
      DEFAULT_TIME_ZONE: 'UTC',
      REMINDER_SWEEP_INTERVAL_MS: '200',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  /** Handles events published by `publish` as if they arrived at `at`. */
  async function arrivingAt<T>(at: Date, publish: () => Promise<T>): Promise<T> {
    const restore = service.planAt(at);
    try {
      const published = await publish();
      await service.settled();
      return published;
    } finally {
      restore();
    }
  }

  async function deliveryOf(recipient: TestEmployee, eventId: string): Promise<DeliveryLogEntry> {
    const delivery = (await service.deliveriesOf(recipient)).find((entry) => entry.eventId === eventId);
    if (!delivery) throw new Error(`no delivery of event ${eventId} to ${recipient.name}`);
    return delivery;
  }

  it('holds an email arriving at 23:00 in the recipient’s zone until 08:00 there, and sends one at 10:00 at once', async () => {
    const [kenji] = (await service.hireIn('Asia/Tokyo', 'Kenji Sato')) as [TestEmployee];
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];

    // 14:00 UTC is 23:00 in Tokyo (UTC+9, no daylight saving); 08:00 the next day there is 23:00 UTC.
    const night = hoursAfter(utcMidnight(2), 14);
    const atNight = await arrivingAt(night, () => service.askToConnect(ana, kenji));
    // 01:00 UTC is 10:00 in Tokyo: yesterday's, so that it is due by now.
    const morning = hoursAfter(utcMidnight(-1), 1);
    const inTheMorning = await arrivingAt(morning, () => service.askToConnect(ben, kenji));

    const [email] = await waitForEmails(kenji.email, 1);
    expect(email?.subject).toBe('Ben Okafor wants to connect');
    expect(
      await waitFor(
        'the 10:00 email to be sent',
        () => deliveryOf(kenji, inTheMorning.id),
        (delivery) => delivery.status === 'sent',
      ),
    ).toMatchObject({ createdAt: morning.toISOString(), dueAt: morning.toISOString() });
    // The sender sent the later email and passed this one by: it waits for Tokyo's morning.
    expect(await deliveryOf(kenji, atNight.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      createdAt: night.toISOString(),
      dueAt: hoursAfter(utcMidnight(2), 23).toISOString(),
    });
  });

  it('gives recipients in Tokyo and New York different due times for the same instant', async () => {
    const [yui] = (await service.hireIn('Asia/Tokyo', 'Yui Tanaka')) as [TestEmployee];
    const [nora] = (await service.hireIn('America/New_York', 'Nora Quinn')) as [TestEmployee];
    const [cleo] = (await service.hire('Cleo Park')) as [TestEmployee];

    // 14:00 UTC: 23:00 in Tokyo, 09:00 in New York (10:00 under daylight saving).
    const instant = hoursAfter(utcMidnight(2), 14);
    const [toYui, toNora] = await arrivingAt(instant, () =>
      Promise.all([service.askToConnect(cleo, yui), service.askToConnect(cleo, nora)]),
    );

    expect(await deliveryOf(yui, toYui.id)).toMatchObject({
      status: 'pending',
      dueAt: hoursAfter(instant, 9).toISOString(),
    });
    expect(await deliveryOf(nora, toNora.id)).toMatchObject({ dueAt: instant.toISOString() });
  });

  it('holds a request reminder falling due at night until the morning too', async () => {
    const [hana] = (await service.hireIn('Asia/Tokyo', 'Hana Sato')) as [TestEmployee];
    const [eve] = (await service.hire('Eve Novak')) as [TestEmployee];
    // A request made 8 days ago: its reminder (REMINDER_AFTER, 7 days) is due at the next sweep.
    const requestId = randomUUID();
    const night = hoursAfter(utcMidnight(2), 14);
    const restore = service.planAt(night);
    let log: DeliveryLogEntry[];
    try {
      await service.publish(
        RecommendationRequestedV1,
        {
          requestId,
          requesterId: eve.id,
          recipientId: hana.id,
          relationship: 'coworker',
          message: null,
          requesterRecommendedRecipient: false,
          requestedAt: new Date(Date.now() - 8 * DAY_MS).toISOString(),
          expiresAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        },
        requestId,
      );
      log = await waitFor(
        'the reminder to be planned',
        () => service.deliveriesOf(hana),
        (entries) => entries.some((entry) => entry.template === 'request-reminder'),
      );
    } finally {
      restore();
    }

    const morning = hoursAfter(utcMidnight(2), 23).toISOString();
    expect(log.find((entry) => entry.template === 'request-reminder')).toMatchObject({
      status: 'pending',
      dueAt: morning,
    });
    expect(log.find((entry) => entry.template === 'recommendation-requested')).toMatchObject({
      dueAt: morning,
    });
  });

  it('sends a transactional email (the invitation) at any hour', async () => {
    const [rui] = (await service.hireIn('Asia/Tokyo', 'Rui Costa')) as [TestEmployee];
    const [dan] = (await service.hire('Dan Reyes')) as [TestEmployee];

    // 23:00 in Tokyo, yesterday.
    const night = hoursAfter(utcMidnight(-1), 14);
    const [invitation, request] = await arrivingAt(night, () =>
      Promise.all([
        service.publish(
          EmployeeInvitedV1,
          {
            invitationId: randomUUID(),
            employeeId: rui.id,
            email: rui.email,
            name: rui.name,
            invitedAt: night.toISOString(),
            expiresAt: new Date(Date.now() + 14 * DAY_MS).toISOString(),
          },
          rui.id,
        ),
        service.askToConnect(dan, rui),
      ]),
    );

    expect(await deliveryOf(rui, invitation.id)).toMatchObject({
      template: 'invitation',
      createdAt: night.toISOString(),
      dueAt: night.toISOString(),
    });
    expect(await deliveryOf(rui, request.id)).toMatchObject({
      template: 'connection-requested',
      dueAt: hoursAfter(night, 9).toISOString(),
    });
    const emails = await waitForEmails(rui.email, 2);
    expect(emails.map((email) => email.headers['x-vouch-template']).sort()).toEqual([
      'connection-requested',
      'invitation',
    ]);
  });

  it('counts an email held overnight against the daily cap of the day it goes out', async () => {
    const [mei] = (await service.hireIn('Asia/Tokyo', 'Mei Ito')) as [TestEmployee];
    const requesters = await service.hire(
      'Requester 1',
      'Requester 2',
      'Requester 3',
      'Requester 4',
      'Requester 5',
    );
    const [first, second, ...atNight] = requesters as [TestEmployee, TestEmployee, ...TestEmployee[]];
    const day = utcMidnight(-2);

    // 12:00 in Tokyo: two emails, the cap of that day (MAX_EMAILS_PER_DAY 2).
    await arrivingAt(hoursAfter(day, 3), () =>
      Promise.all([service.askToConnect(first, mei), service.askToConnect(second, mei)]),
    );
    // 23:00 the same day in Tokyo: the emails go out the next morning, so count on the next day:
    // two of them go, the third waits for the digest.
    const events = await arrivingAt(hoursAfter(day, 14), () =>
      Promise.all(atNight.map((requester) => service.askToConnect(requester, mei))),
    );

    const log = await service.finishedDeliveriesOf(mei, 5);
    const nightly = log.filter((entry) => events.some((event) => event.id === entry.eventId));
    expect(nightly.map((entry) => entry.dueAt)).toEqual(Array(3).fill(hoursAfter(day, 23).toISOString()));
    expect(nightly.filter((entry) => entry.status === 'held')).toHaveLength(1);
    expect(log.filter((entry) => entry.status === 'held')).toHaveLength(1);
  });
});

describe('working days: no digest on a day off', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('quiet_days', {
      WORKING_HOURS: '08:00-20:00',
      WORKING_DAYS: 'Mon-Fri',
      MAX_EMAILS_PER_DAY: '1',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('passes the weekend’s digest times by: Monday’s digest carries what was held', async () => {
    const [sora] = (await service.hireIn('Asia/Tokyo', 'Sora Mori')) as [TestEmployee];
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const daysToFriday = (5 - new Date().getUTCDay() + 7) % 7 || 7;
    const friday = utcMidnight(daysToFriday);

    // Friday 10:00 in Tokyo: the second email is past the cap of one, held for the digest.
    const restore = service.planAt(hoursAfter(friday, 1));
    try {
      await service.askToConnect(ana, sora);
      await service.askToConnect(ben, sora);
      await service.settled();
    } finally {
      restore();
    }
    expect((await service.deliveriesOf(sora)).filter((entry) => entry.status === 'held')).toHaveLength(1);

    // 08:00 in Tokyo is 23:00 UTC the day before: Saturday's and Sunday's digest times pass by.
    expect(await service.composeDigestsAt(hoursAfter(friday, 23 + 1))).toBe(0);
    expect(await service.composeDigestsAt(hoursAfter(friday, 47 + 1))).toBe(0);
    expect(await service.composeDigestsAt(hoursAfter(friday, 71))).toBe(1);
    expect((await service.deliveriesOf(sora)).filter((entry) => entry.status === 'digested')).toHaveLength(1);
  });
});
