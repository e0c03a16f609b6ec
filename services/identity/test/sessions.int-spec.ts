import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { DeactivateEmployee } from '../src/employees/application/deactivate-employee.use-case';
import { ReactivateEmployee } from '../src/employees/application/reactivate-employee.use-case';
import { CreateEmployee } from '../src/employees/application/create-employee.use-case';
import { EmployeeRepository } from '../src/employees/infrastructure/employee.repository';
import { PasswordHasher } from '../src/employees/infrastructure/password-hasher';
import { RefreshTokenRepository } from '../src/sessions/infrastructure/refresh-token.repository';
import { waitFor } from '@vouch/testing';
import { IdentityApp, newClientAddress, newEmail, type Answer } from './identity-app';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PASSWORD = 'correct horse battery staple';
/** What the portal's script sends with every cookie-authenticated call. */
const FROM_THE_PORTAL = { 'x-requested-with': 'vouch-portal' };
const DAY_SECONDS = 24 * 60 * 60;

interface SignedIn {
  id: string;
  email: string;
  accessToken: string;
  /** The refresh cookie, as the browser sends it back: `vouch_refresh=…`. */
  cookie: string;
}

/** The refresh cookie an answer sets, whole (with its attributes); undefined when it sets none. */
function refreshSetCookie(answer: Answer<unknown>): string | undefined {
  return answer.headers.getSetCookie().find((cookie) => cookie.startsWith('vouch_refresh='));
}

/** The `name=value` of the refresh cookie an answer sets, as a browser sends it back. */
function cookieOf(answer: Answer<unknown>): string {
  const set = refreshSetCookie(answer);
  if (!set) throw new Error(`no refresh cookie was set (status ${answer.status})`);
  return set.split(';')[0] ?? '';
}

function rolesIn(accessToken: string): unknown {
  const [, payload = ''] = accessToken.split('.');
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles: unknown }).roles;
}

/**
 * Sessions that last: the refresh cookie every sign-in sets, its rotation and reuse detection,
 * sign-out, and deactivation ending access at once. Against real PostgreSQL and Kafka.
 */
describe('sessions: rotating refresh tokens in a cookie', () => {
  let identity: IdentityApp;
  const scimToken = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_sessions', { SCIM_TOKEN: scimToken });
  });

  afterAll(async () => {
    await identity?.stop();
  });

  /** An employee with a password, made as the company would (no sign-up needed), signed in. */
  async function signIn(): Promise<SignedIn> {
    const email = newEmail();
    const employee = await identity
      .get(CreateEmployee)
      .execute({ email, name: 'Ana Lima', actor: { type: 'csv' } });
    const passwordHash = await identity.get(PasswordHasher).hashOf(PASSWORD);
    await identity
      .get(UnitOfWork)
      .run(() => identity.get(EmployeeRepository).setPasswordHash(employee.id, passwordHash));
    const login = await identity.call<{ accessToken: string }>('POST', '/v1/auth/login', {
      body: { email, password: PASSWORD },
      headers: { 'x-forwarded-for': newClientAddress() },
    });
    expect(login.status).toBe(200);
    return { id: employee.id, email, accessToken: login.body.accessToken, cookie: cookieOf(login) };
  }

  function refresh(cookie: string | undefined, headers: Record<string, string> = FROM_THE_PORTAL) {
    return identity.call<{ accessToken: string; expiresIn: number }>('POST', '/v1/auth/refresh', {
      headers: { ...headers, ...(cookie === undefined ? {} : { cookie }) },
    });
  }

  const me = (accessToken: string) => identity.call('GET', '/v1/employees/me', { token: accessToken });

  it('sets an httpOnly, SameSite=Strict cookie scoped to /v1/auth at sign-in, lasting REFRESH_TOKEN_TTL_DAYS', async () => {
    const email = newEmail();
    const employee = await identity
      .get(CreateEmployee)
      .execute({ email, name: 'Bo Chen', actor: { type: 'csv' } });
    const passwordHash = await identity.get(PasswordHasher).hashOf(PASSWORD);
    await identity
      .get(UnitOfWork)
      .run(() => identity.get(EmployeeRepository).setPasswordHash(employee.id, passwordHash));
    const login = await identity.login(email, PASSWORD);

    expect(login.status).toBe(200);
    expect(login.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const attributes = (refreshSetCookie(login) ?? '').split('; ');
    expect(attributes[0]).toMatch(/^vouch_refresh=[\w-]{43}$/);
    expect(attributes.slice(1)).toEqual([
      'Path=/v1/auth',
      `Max-Age=${14 * DAY_SECONDS}`,
      'HttpOnly',
      'SameSite=Strict',
    ]);
    // Secure is off only because PUBLIC_URL is http://127.0.0.1 (the test's default).
  });

  it('rotates: each refresh answers a new access token and sets a new cookie', async () => {
    const ana = await signIn();

    const first = await refresh(ana.cookie);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    expect((await me(first.body.accessToken)).body).toMatchObject({ id: ana.id });
    const next = cookieOf(first);
    expect(next).not.toBe(ana.cookie);

    const second = await refresh(next);
    expect(second.status).toBe(200);
    expect(cookieOf(second)).not.toBe(next);
  });

  it('revokes the whole family when a token already rotated is presented again, and answers 401', async () => {
    const ana = await signIn();
    const rotated = await refresh(ana.cookie);
    const current = cookieOf(rotated);

    // Someone replays the first token (stolen, say): both they and Ana must sign in again.
    const replay = await refresh(ana.cookie);
    expect(replay.status).toBe(401);
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    expect(replay.body).toMatchObject({
      title: 'Invalid refresh token',
      detail: expect.stringMatching(/used already/),
    });
    expect(refreshSetCookie(replay)).toMatch(/^vouch_refresh=; Path=\/v1\/auth; Max-Age=0/);

    const legitimate = await refresh(current);
    expect(legitimate.status).toBe(401);
    expect(legitimate.body).toMatchObject({ detail: expect.stringMatching(/session was ended/) });
    // Another sign-in is another family, untouched.
    const other = await signIn();
    expect((await refresh(other.cookie)).status).toBe(200);
  });

  it('lets only one of two simultaneous refreshes with the same token through, and then ends the session', async () => {
    const ana = await signIn();

    const answers = await Promise.all([refresh(ana.cookie), refresh(ana.cookie)]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    const winner = answers.find((answer) => answer.status === 200);
    expect((await refresh(cookieOf(winner ?? answers[0]))).status).toBe(401);
  });

  it('forgets sessions ended over a day ago, with their tokens', async () => {
    const dataSource = identity.get(DataSource);
    const ended = await signIn();
    const open = await signIn();
    await dataSource.query(
      `UPDATE refresh_token_family SET revoked_at = now() - interval '2 days', revoked_reason = 'logout'
        WHERE employee_id = $1`,
      [ended.id],
    );

    await identity
      .get(UnitOfWork)
      .run(() =>
        identity.get(RefreshTokenRepository).purgeEndedBefore(new Date(Date.now() - 86_400_000), 1_000),
      );

    const left = await dataSource.query(
      `SELECT employee_id AS "employeeId" FROM refresh_token_family WHERE employee_id = ANY($1::uuid[])`,
      [[ended.id, open.id]],
    );
    expect(left).toEqual([{ employeeId: open.id }]);
    expect((await refresh(ended.cookie)).body).toMatchObject({ detail: expect.stringMatching(/not known/) });
    expect((await refresh(open.cookie)).status).toBe(200);
  });

  it('logout revokes the session at once and clears the cookie', async () => {
    const ana = await signIn();
    const rotated = cookieOf(await refresh(ana.cookie));

    const logout = await identity.call('POST', '/v1/auth/logout', {
      headers: { ...FROM_THE_PORTAL, cookie: rotated },
    });
    expect(logout.status).toBe(204);
    expect(refreshSetCookie(logout)).toMatch(
      /^vouch_refresh=; Path=\/v1\/auth; Max-Age=0; HttpOnly; SameSite=Strict/,
    );
    expect((await refresh(rotated)).status).toBe(401);
    // Signing out without a session is no error.
    expect((await identity.call('POST', '/v1/auth/logout', { headers: FROM_THE_PORTAL })).status).toBe(204);
  });

  it.each([
    ['Vouch Admins', 'admin'],
    ['Vouch HR', 'hr'],
  ])(
    'decides the roles again at each refresh: joining %s shows at the next one',
    async (displayName, role) => {
      const ana = await signIn();
      expect(rolesIn(ana.accessToken)).toEqual(['employee']);
      const group = await identity.call<{ id: string }>('POST', '/scim/v2/Groups', {
        token: scimToken,
        headers: { 'content-type': 'application/scim+json' },
        body: { schemas: [GROUP], displayName, members: [{ value: ana.id }] },
      });
      expect(group.status).toBe(201);
      try {
        const promoted = await refresh(ana.cookie);
        expect(rolesIn(promoted.body.accessToken)).toEqual(['employee', role]);

        await identity.call('DELETE', `/scim/v2/Groups/${group.body.id}`, { token: scimToken });
        const demoted = await refresh(cookieOf(promoted));
        expect(rolesIn(demoted.body.accessToken)).toEqual(['employee']);
      } finally {
        await identity.call('DELETE', `/scim/v2/Groups/${group.body.id}`, { token: scimToken });
      }
    },
  );

  it("decides the roles again at each refresh: an admin's HR grant, and taking it back, show at the next one", async () => {
    const admin = await identity.admin();
    const ana = await signIn();
    const grant = `/v1/admin/employees/${ana.id}/hr-role`;

    expect((await identity.call('PUT', grant, { token: admin.token })).status).toBe(200);
    const promoted = await refresh(ana.cookie);
    expect(rolesIn(promoted.body.accessToken)).toEqual(['employee', 'hr']);

    expect((await identity.call('DELETE', grant, { token: admin.token })).status).toBe(204);
    const demoted = await refresh(cookieOf(promoted));
    expect(rolesIn(demoted.body.accessToken)).toEqual(['employee']);
  });

  it('refuses an expired refresh token: idle too long, or past the session’s whole life', async () => {
    const dataSource = identity.get(DataSource);
    const idle = await signIn();
    await dataSource.query(
      `UPDATE refresh_token SET expires_at = now() - interval '1 second'
        WHERE family_id = (SELECT id FROM refresh_token_family WHERE employee_id = $1)`,
      [idle.id],
    );
    const idleAnswer = await refresh(idle.cookie);
    expect(idleAnswer.status).toBe(401);
    expect(idleAnswer.body).toMatchObject({ detail: expect.stringMatching(/expired/) });

    const old = await signIn();
    await dataSource.query(
      `UPDATE refresh_token_family SET expires_at = now() - interval '1 second' WHERE employee_id = $1`,
      [old.id],
    );
    expect((await refresh(old.cookie)).status).toBe(401);
  });

  it('refuses a refresh or a logout without X-Requested-With, or from another site (CSRF), changing nothing', async () => {
    const ana = await signIn();

    const bare = await refresh(ana.cookie, {});
    expect(bare.status).toBe(403);
    expect(bare.body).toMatchObject({ title: 'Cross-site request' });
    const crossSite = await refresh(ana.cookie, { ...FROM_THE_PORTAL, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const logout = await identity.call('POST', '/v1/auth/logout', { headers: { cookie: ana.cookie } });
    expect(logout.status).toBe(403);

    // Nothing was rotated or revoked: the cookie still works, from the portal's own page.
    const sameOrigin = await refresh(ana.cookie, { ...FROM_THE_PORTAL, 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses a refresh without a cookie, or with one never issued', async () => {
    expect((await refresh(undefined)).status).toBe(401);
    expect((await refresh(`vouch_refresh=${randomBytes(32).toString('base64url')}`)).status).toBe(401);
  });

  it('deactivation ends every session at once, and identity refuses the access token within seconds, until reactivated', async () => {
    const ana = await signIn();
    const also = await signIn();
    const second = await identity.call('POST', '/v1/auth/login', {
      body: { email: ana.email, password: PASSWORD },
      headers: { 'x-forwarded-for': newClientAddress() },
    });
    const secondCookie = cookieOf(second);
    expect((await me(ana.accessToken)).status).toBe(200);

    const deactivatedAt = Date.now();
    await identity.get(DeactivateEmployee).execute({ employeeId: ana.id, actor: { type: 'system' } });

    expect((await refresh(ana.cookie)).status).toBe(401);
    expect((await refresh(secondCookie)).status).toBe(401);
    await waitFor(
      'identity to refuse the deactivated employee’s access token',
      () => me(ana.accessToken),
      (answer) => answer.status === 401,
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    expect(Date.now() - deactivatedAt).toBeLessThan(5_000);
    const refused = await me(ana.accessToken);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 401, detail: expect.stringMatching(/deactivated/) });
    // Everyone else's tokens are untouched.
    expect((await me(also.accessToken)).status).toBe(200);

    await identity.get(ReactivateEmployee).execute({ employeeId: ana.id, actor: { type: 'system' } });
    await waitFor(
      'identity to accept the reactivated employee’s access token again',
      () => me(ana.accessToken),
      (answer) => answer.status === 200,
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    // The sessions stay ended: a return starts with a new sign-in.
    expect((await refresh(secondCookie)).status).toBe(401);
  });
});
