import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { invitationTokenOf } from '@vouch/auth';
import { Topics, type CloudEvent, type EmployeeInvitedV1, type EventData } from '@vouch/contracts';
import { UnitOfWork } from '@vouch/messaging';
import { InviteEmployees } from '../src/invitations/application/invite-employees.use-case';
import { IdentityApp, newEmail, type RegisteredEmployee } from './identity-app';
import { newScimToken, PATCH_OP, ScimProvider } from './scim-provider';

const DAY_MS = 86_400_000;
const PASSWORD = 'a brand new passphrase';

type Invited = EventData<typeof EmployeeInvitedV1>;

interface InvitationAnswer {
  id: string;
  employeeId: string;
  invitedAt: string;
  expiresAt: string;
}

describe('invitations to set up one’s sign-in', () => {
  const scimToken = newScimToken();
  const secret = randomBytes(32).toString('base64url');
  let identity: IdentityApp;
  let provider: ScimProvider;
  let admin: RegisteredEmployee;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_invitations', {
      SCIM_TOKEN: scimToken,
      INVITATION_SECRET: secret,
      INVITATION_TTL_DAYS: '7',
    });
    provider = new ScimProvider(identity, scimToken);
    admin = await identity.admin();
  });

  afterAll(async () => {
    await identity?.stop();
  });

  /** Someone the identity provider created: no password, so no way to sign in yet. */
  async function provisioned(): Promise<{ id: string; email: string }> {
    const email = newEmail();
    const created = await provider.create({ userName: email, displayName: 'Rui Costa' });
    return { id: created.id, email };
  }

  function resend(employeeId: string, token = admin.token) {
    return identity.call<InvitationAnswer>('POST', `/v1/admin/employees/${employeeId}/invitation`, { token });
  }

  function accept(
    invitationId: string,
    token = invitationTokenOf(secret, invitationId),
    password = PASSWORD,
  ) {
    return identity.call<{ accessToken: string; expiresIn: number } & Record<string, unknown>>(
      'POST',
      '/v1/auth/invitations/accept',
      {
        body: { invitationId, token, password },
      },
    );
  }

  /** The first `EmployeeInvited` about an employee, among the events identity published about them. */
  async function invitedEvent(employeeId: string): Promise<CloudEvent<Invited> | undefined> {
    // Provisioning published the employee's registration (at least) before.
    for (let count = 2; count <= 4; count += 1) {
      const events = await identity.eventsAbout(Topics.employees, employeeId, count);
      const invited = events.find((event) => event.type === 'EmployeeInvited');
      if (invited) return invited as CloudEvent<Invited>;
    }
    return undefined;
  }

  /** The invitations an employee was sent, oldest first. */
  async function invitationsOf(employeeId: string): Promise<Array<{ id: string }>> {
    return identity
      .get(DataSource)
      .query(`SELECT id FROM invitation WHERE employee_id = $1 ORDER BY invited_at`, [employeeId]);
  }

  it('lets an admin invite someone without a password, announcing it without any secret', async () => {
    const rui = await provisioned();

    const answer = await resend(rui.id);

    expect(answer.status).toBe(202);
    expect(answer.body.employeeId).toBe(rui.id);
    expect(new Date(answer.body.expiresAt).getTime() - new Date(answer.body.invitedAt).getTime()).toBe(
      7 * DAY_MS,
    );
    const event = await invitedEvent(rui.id);
    expect(event?.subject).toBe(rui.id);
    expect(event?.data).toEqual({
      invitationId: answer.body.id,
      employeeId: rui.id,
      email: rui.email,
      name: 'Rui Costa',
      invitedAt: answer.body.invitedAt,
      expiresAt: answer.body.expiresAt,
    });
    expect(JSON.stringify(event)).not.toContain(invitationTokenOf(secret, answer.body.id));
  });

  it('sets the password from the link, signs in, and the password then logs in', async () => {
    const rui = await provisioned();
    expect((await identity.login(rui.email, PASSWORD)).status).toBe(401);
    const invitation = (await resend(rui.id)).body;

    const accepted = await accept(invitation.id);

    expect(accepted.status).toBe(200);
    expect(accepted.body.expiresIn).toBe(900);
    // A session starts, as at any sign-in: its refresh token in the cookie.
    expect(accepted.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^vouch_refresh=[\w-]{43}; Path=\/v1\/auth;/),
    ]);
    const me = await identity.call<{ id: string }>('GET', '/v1/employees/me', {
      token: accepted.body.accessToken,
    });
    expect(me.body.id).toBe(rui.id);
    expect((await identity.login(rui.email, PASSWORD)).status).toBe(200);
  });

  it('works once: the link used again is a conflict, and the employee is invited no more', async () => {
    const rui = await provisioned();
    const invitation = (await resend(rui.id)).body;
    expect((await accept(invitation.id)).status).toBe(200);

    const again = await accept(invitation.id, undefined, 'another passphrase entirely');

    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toMatchObject({ title: 'Invitation already used' });
    expect((await identity.login(rui.email, 'another passphrase entirely')).status).toBe(401);
    const resent = await resend(rui.id);
    expect(resent.status).toBe(409);
    expect(resent.body).toMatchObject({ title: 'Password already set' });
  });

  it('refuses a link whose token is not the invitation’s, or that names no invitation, the same way', async () => {
    const rui = await provisioned();
    const invitation = (await resend(rui.id)).body;
    const unknown = '00000000-0000-4000-8000-000000000000';

    const forged = await accept(
      invitation.id,
      invitationTokenOf('another secret of at least 32 chars!', invitation.id),
    );
    const elsewhere = await accept(unknown);

    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ title: 'Invalid invitation' });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body).toMatchObject({ title: 'Invalid invitation' });
    expect((await identity.login(rui.email, PASSWORD)).status).toBe(401);
  });

  it('refuses an expired link, and one replaced by a newer invitation, as gone', async () => {
    const rui = await provisioned();
    const ana = await provisioned();
    const eightDaysAgo = new Date(Date.now() - 8 * DAY_MS);
    await identity
      .get(UnitOfWork)
      .run(() => identity.get(InviteEmployees).invite([rui.id], { type: 'csv' }, eightDaysAgo));
    const [stale] = await invitationsOf(rui.id);
    const first = (await resend(ana.id)).body;
    const second = (await resend(ana.id)).body;

    const expired = await accept(stale?.id ?? '');
    const replaced = await accept(first.id);

    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ title: 'Invitation expired' });
    expect(replaced.status).toBe(410);
    expect(String(replaced.body['detail'])).toContain('newer invitation');
    expect((await accept(second.id)).status).toBe(200);
  });

  it('refuses a deactivated employee: no invitation sent, and a link from before no longer works', async () => {
    const rui = await provisioned();
    const invitation = (await resend(rui.id)).body;
    const deactivated = await provider.call('PATCH', `/Users/${rui.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(deactivated.status).toBe(200);

    const accepted = await accept(invitation.id);
    const resent = await resend(rui.id);

    expect(accepted.status).toBe(403);
    expect(accepted.body).toMatchObject({ title: 'Account deactivated' });
    expect(resent.status).toBe(409);
    expect(resent.body).toMatchObject({ title: 'Employee deactivated' });
  });

  it('holds the password to registration’s rules', async () => {
    const rui = await provisioned();
    const invitation = (await resend(rui.id)).body;

    const answer = await accept(invitation.id, undefined, 'too short');

    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual([expect.objectContaining({ field: 'password' })]);
    expect((await accept(invitation.id)).status).toBe(200);
  });

  it('is an admin’s to send: 403 for an employee, 404 for nobody', async () => {
    const rui = await provisioned();
    const ben = await identity.register();

    expect((await resend(rui.id, ben.token)).status).toBe(403);
    expect((await resend('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('invites, for an import, only the active people without a password, in the caller’s transaction', async () => {
    const rui = await provisioned();
    const gone = await provisioned();
    const ben = await identity.register();
    await provider.call('DELETE', `/Users/${gone.id}`);
    const invite = identity.get(InviteEmployees);

    await identity
      .get(UnitOfWork)
      .run(() => invite.invite([rui.id, gone.id, ben.id, rui.id], { type: 'csv' }, new Date()));

    expect(await invitationsOf(rui.id)).toHaveLength(1);
    expect(await invitationsOf(gone.id)).toEqual([]);
    expect(await invitationsOf(ben.id)).toEqual([]);
    expect((await invitedEvent(rui.id))?.data.employeeId).toBe(rui.id);
  });
});
