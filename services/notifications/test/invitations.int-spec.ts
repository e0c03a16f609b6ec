import { randomBytes, randomUUID } from 'node:crypto';
import { isInvitationToken } from '@vouch/auth';
import { EmployeeInvitedV1, EmployeeProfileUpdatedV1, type EventData } from '@vouch/contracts';
import { maildevInbox, waitForEmails } from '@vouch/testing';
import { ALL_ON, NotificationsTestApp, type TestEmployee } from './support/notifications-test-app';

const DAY_MS = 86_400_000;

describe('the invitation email', () => {
  const secret = randomBytes(32).toString('base64url');
  let service: NotificationsTestApp;

  beforeAll(async () => {
    // A cap of one email a day: the invitation must neither wait for it nor use it up.
    service = await NotificationsTestApp.start('invitations', {
      INVITATION_SECRET: secret,
      MAX_EMAILS_PER_DAY: '1',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  function invited(employee: TestEmployee): EventData<typeof EmployeeInvitedV1> {
    const invitedAt = new Date('2026-12-06T10:00:00.000Z');
    return {
      invitationId: randomUUID(),
      employeeId: employee.id,
      email: employee.email,
      name: employee.name,
      invitedAt: invitedAt.toISOString(),
      expiresAt: new Date(invitedAt.getTime() + 14 * DAY_MS).toISOString(),
    };
  }

  it('invites the employee with a link that sets up their sign-in, and its expiry', async () => {
    const [rui] = (await service.hire('Rui Costa')) as [TestEmployee];
    const data = invited(rui);

    await service.publish(EmployeeInvitedV1, data, rui.id);
    const [email] = await waitForEmails(rui.email);

    expect(email?.subject).toBe("You're invited to Vouch — set up your sign-in");
    expect(email?.to).toEqual([{ address: rui.email, name: 'Rui Costa' }]);
    expect(email?.text).toContain('Hi Rui Costa');
    // DEFAULT_TIME_ZONE (UTC) and DEFAULT_LANGUAGE (en): Rui's profile names neither.
    expect(email?.text).toContain('until December 20, 2026 at 10:00 AM UTC');
    const link = new URL(email?.text.match(/Set up your sign-in: (\S+)/)?.[1] ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(`${service.baseUrl}/welcome`);
    expect(link.searchParams.get('invitation')).toBe(data.invitationId);
    expect(isInvitationToken(secret, data.invitationId, link.searchParams.get('token') ?? '')).toBe(true);
    expect(email?.html).toContain('Set up your sign-in');
    expect(email?.headers['x-vouch-template']).toBe('invitation');
    // Transactional: nothing to unsubscribe from.
    expect(email?.headers['list-unsubscribe']).toBeUndefined();
    expect(email?.text).not.toContain('/v1/unsubscribe');
    const [delivery] = await service.finishedDeliveriesOf(rui);
    expect(delivery).toMatchObject({ template: 'invitation', status: 'sent', attempts: 1 });
  });

  it('writes in the language the profile last named; a profile event from before languages keeps it', async () => {
    const [rui] = (await service.hire('Rui Costa')) as [TestEmployee];
    const profile = (language?: string) => ({
      employeeId: rui.id,
      name: 'Rui Costa',
      title: null,
      headline: null,
      timeZone: 'Europe/Vienna',
      ...(language === undefined ? {} : { language }),
      completeness: 40,
      changedFields: ['timeZone'],
      updatedAt: new Date().toISOString(),
    });
    await service.publish(EmployeeProfileUpdatedV1, profile('de-AT'), rui.id);
    await service.publish(EmployeeProfileUpdatedV1, profile(), rui.id);
    await service.settled();

    await service.publish(EmployeeInvitedV1, invited(rui), rui.id);
    const [email] = await waitForEmails(rui.email);

    expect(email?.subject).toBe('Du bist zu Vouch eingeladen – richte deine Anmeldung ein');
    expect(email?.text).toContain('bis zum 20. Dezember 2026 um 11:00 MEZ');
  });

  it('invites in the employee’s own language, with the expiry in their time zone', async () => {
    const joao = await service.hireReading('pt-BR', 'America/Sao_Paulo', 'João Prado');

    await service.publish(EmployeeInvitedV1, invited(joao), joao.id);
    const [email] = await waitForEmails(joao.email);

    expect(email?.subject).toBe('Você tem um convite para o Vouch — configure seu acesso');
    expect(email?.text).toContain('Olá João Prado,');
    expect(email?.text).toContain('até 20 de dezembro de 2026 às 07:00 BRT');
    expect(email?.html).toContain('<html lang="pt"');
    expect(email?.headers['content-language']).toBe('pt');
  });

  it('sends it once when the event is redelivered', async () => {
    const [rui, ana] = (await service.hire('Rui Costa', 'Ana Lima')) as [TestEmployee, TestEmployee];
    const event = await service.publish(EmployeeInvitedV1, invited(rui), rui.id);
    await service.redeliver(EmployeeInvitedV1, event);
    await service.settled();
    // An email after it, to the same person, so that a second invitation would have arrived by then.
    await service.askToConnect(ana, rui);
    await waitForEmails(rui.email, 2);
    await service.settled();

    const inbox = await maildevInbox(rui.email);
    expect(inbox.filter((email) => email.subject.startsWith("You're invited"))).toHaveLength(1);
  });

  it('reaches those on the digest or unsubscribed from everything', async () => {
    const [rui] = (await service.hire('Rui Costa')) as [TestEmployee];
    const preferences = await service.request('PUT', '/v1/notification-preferences', {
      token: rui.token,
      body: { categories: ALL_ON, digest: 'daily', unsubscribedAll: true },
    });
    expect(preferences.status).toBe(200);

    await service.publish(EmployeeInvitedV1, invited(rui), rui.id);

    expect((await waitForEmails(rui.email)).map((email) => email.subject)).toEqual([
      "You're invited to Vouch — set up your sign-in",
    ]);
  });

  it('goes out past the daily cap, and does not count towards it', async () => {
    const [eva, ana, ben] = (await service.hire('Eva Silva', 'Ana Lima', 'Ben Okafor')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    await service.publish(EmployeeInvitedV1, invited(eva), eva.id);
    await waitForEmails(eva.email, 1);
    // The day's one email: the invitation did not use it up.
    await service.askToConnect(ana, eva);
    await waitForEmails(eva.email, 2);
    await service.publish(EmployeeInvitedV1, invited(eva), eva.id);
    await waitForEmails(eva.email, 3);
    await service.askToConnect(ben, eva);
    await service.settled();

    const log = await service.finishedDeliveriesOf(eva, 4);
    expect(log.map((entry) => `${entry.template} ${entry.status}`).sort()).toEqual([
      'connection-requested held',
      'connection-requested sent',
      'invitation sent',
      'invitation sent',
    ]);
  });

  it('is not sent to someone deactivated', async () => {
    const [rui, ana] = (await service.hire('Rui Costa', 'Ana Lima')) as [TestEmployee, TestEmployee];
    await service.deactivate(rui);

    await service.publish(EmployeeInvitedV1, invited(rui), rui.id);
    await service.settled();
    await service.publish(EmployeeInvitedV1, invited(ana), ana.id);
    await waitForEmails(ana.email);

    expect(await maildevInbox(rui.email)).toEqual([]);
    expect(await service.deliveriesOf(rui)).toEqual([]);
  });
});
