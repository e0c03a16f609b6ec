import { DataSource } from 'typeorm';
import {
  accountLinkToken,
  emailConfirmationToken,
  maildevInbox,
  subjectsReceivedBy,
  waitForEmail,
  waitForEmails,
} from '@vouch/testing';
import { LapsedAccountLinksSweep } from '../src/accounts/infrastructure/lapsed-account-links.sweep';
import { IdentityApp, newEmail } from './identity-app';
import { newScimToken, PATCH_OP, ScimProvider } from './scim-provider';

const PASSWORD = 'a long enough secret';
const CHECK_YOUR_EMAIL = { message: 'If the address can use Vouch, an email is on its way to it.' };
/** What the portal's script sends with every cookie-authenticated call. */
const FROM_THE_PORTAL = { 'x-requested-with': 'vouch-portal' };

/** The `name=value` of the refresh cookie an answer sets, as a browser sends it back. */
function refreshCookieOf(answer: { headers: Headers; status: number }): string {
  const set = answer.headers.getSetCookie().find((cookie) => cookie.startsWith('vouch_refresh='));
  if (!set) throw new Error(`no refresh cookie was set (status ${answer.status})`);
  return set.split(';')[0] ?? '';
}

describe('password accounts: a proven address, "forgot password", never telling who has an account', () => {
  let identity: IdentityApp;
  let provider: ScimProvider;

  beforeAll(async () => {
    const scimToken = newScimToken();
    identity = await IdentityApp.start('identity_accounts', {
      ALLOWED_EMAIL_DOMAINS: 'acme.com',
      PUBLIC_URL: 'https://vouch.acme.com',
      SCIM_TOKEN: scimToken,
    });
    provider = new ScimProvider(identity, scimToken);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const signUp = (email: string, password = PASSWORD, name = 'Ana Lima') =>
    identity.call('POST', '/v1/auth/register', { body: { email, password, name } });

  /** Moves a link's expiry to the past, as time would. */
  const expire = (table: 'pending_registration' | 'password_reset', column: string, value: string) =>
    identity
      .get(DataSource)
      .query(`UPDATE ${table} SET expires_at = created_at + interval '1 millisecond' WHERE ${column} = $1`, [
        value,
      ]);

  const emailsWithSubject = async (email: string, subject: string, count: number) => {
    await waitForEmails(email, count);
    for (;;) {
      const found = (await maildevInbox(email)).filter((candidate) => candidate.subject === subject);
      if (found.length >= count) return found;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  const resetLink = async (email: string, count = 1) => {
    const resets = await emailsWithSubject(email, 'Reset your password', count);
    const latest = resets[resets.length - 1];
    if (!latest) throw new Error(`no "Reset your password" to ${email}`);
    return accountLinkToken(latest, '/reset-password');
  };

  describe('sign-up', () => {
    it('makes no employee until the address is confirmed: login says so only to whoever has the password', async () => {
      const email = newEmail();
      expect(await signUp(email)).toMatchObject({ status: 202, body: CHECK_YOUR_EMAIL });
      await emailConfirmationToken(email);

      const right = await identity.login(email, PASSWORD);
      const wrong = await identity.login(email, 'not the password at all');
      const unknown = await identity.login(newEmail(), 'not the password at all');

      expect(right.status).toBe(403);
      expect(right.body).toMatchObject({ title: 'Email not confirmed' });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('sends a "Confirm your email" email whose link opens the portal, its token only after #', async () => {
      const email = newEmail();
      await signUp(email);

      const confirmation = await waitForEmail(email, 'Confirm your email');

      expect(confirmation.text).toMatch(/https:\/\/vouch\.acme\.com\/confirm-email#token=[A-Za-z0-9_-]{43}/);
      expect(confirmation.html).toContain('Confirm my email');
      expect(confirmation.html).toContain('Vouch · recommendations from your colleagues');
      expect(confirmation.html).not.toContain('Unsubscribe');
    });

    it('confirms only with a POST of the token, never with a GET as a mail scanner makes', async () => {
      const email = newEmail();
      await signUp(email);
      const token = await emailConfirmationToken(email);

      for (const path of [
        `/confirm-email?token=${token}`,
        `/v1/auth/email-confirmations?token=${token}`,
        `/v1/auth/email-confirmations/${token}`,
      ])
        expect((await identity.call('GET', path)).status).toBe(404);
      expect((await identity.login(email, PASSWORD)).status).toBe(403);

      const confirmed = await identity.confirmEmail(token);
      expect(confirmed.status).toBe(200);
      // Signed in as by a login: a session starts.
      expect(refreshCookieOf(confirmed)).toMatch(/^vouch_refresh=/);
      expect(confirmed.body.employee).toMatchObject({ email, name: 'Ana Lima', active: true });
      expect(
        (await identity.call('GET', '/v1/employees/me', { token: confirmed.body.accessToken })).status,
      ).toBe(200);
      expect((await identity.login(email, PASSWORD)).status).toBe(200);
    });

    it('confirms once: the link used again answers 410 and makes no second employee', async () => {
      const email = newEmail();
      await signUp(email);
      const token = await emailConfirmationToken(email);
      expect((await identity.confirmEmail(token)).status).toBe(200);

      const again = await identity.confirmEmail(token);

      expect(again.status).toBe(410);
      expect(again.body).toMatchObject({ title: 'Link no longer valid' });
    });

    it('answers 410 to an expired link, and a resend gives a working one', async () => {
      const email = newEmail();
      await signUp(email);
      const token = await emailConfirmationToken(email);
      await expire('pending_registration', 'email', email);

      expect((await identity.confirmEmail(token)).status).toBe(410);
      expect((await identity.login(email, PASSWORD)).status).toBe(403);

      const resent = await identity.call('POST', '/v1/auth/email-confirmations/resend', { body: { email } });
      expect(resent).toMatchObject({ status: 202, body: CHECK_YOUR_EMAIL });
      const fresh = await emailConfirmationToken(email, 2);
      expect(fresh).not.toBe(token);
      expect((await identity.confirmEmail(token)).status).toBe(410);
      expect((await identity.confirmEmail(fresh)).status).toBe(200);
    });

    it('answers a resend the same whether or not the address has a sign-up waiting, and emails only that one', async () => {
      const waiting = newEmail();
      await signUp(waiting);
      await emailConfirmationToken(waiting);
      const registered = await identity.register();
      const nobody = newEmail();

      const answers = await Promise.all(
        [waiting, registered.email, nobody].map((email) =>
          identity.call('POST', '/v1/auth/email-confirmations/resend', { body: { email } }),
        ),
      );

      for (const answer of answers) expect(answer).toMatchObject({ status: 202, body: CHECK_YOUR_EMAIL });
      await emailConfirmationToken(waiting, 2);
      expect(await subjectsReceivedBy(nobody)).toEqual([]);
      expect(await subjectsReceivedBy(registered.email)).toEqual(['Confirm your email']);
    });

    it('answers a sign-up with a taken address as any other, and changes nothing of that account', async () => {
      const ana = await identity.register();
      const fresh = await signUp(newEmail(), PASSWORD, 'Someone');
      const taken = await signUp(ana.email, 'an attacker chose this', 'Someone');

      expect(taken.status).toBe(fresh.status);
      expect(taken.body).toEqual(fresh.body);
      const notice = await waitForEmail(ana.email, 'Someone tried to sign up with your email');
      expect(notice.text).toContain('https://vouch.acme.com/forgot-password');
      expect((await identity.login(ana.email, 'an attacker chose this')).status).toBe(401);
      expect((await identity.login(ana.email, ana.password)).status).toBe(200);
    });

    it('lets a second sign-up of a waiting address change nothing of the first: each link confirms its own', async () => {
      const email = newEmail();
      await signUp(email, 'the owner chose this', 'Ana Lima');
      const owners = await emailConfirmationToken(email);
      await signUp(email, 'an attacker chose this', 'Mallory');
      await emailConfirmationToken(email, 2);

      const confirmed = await identity.confirmEmail(owners);

      expect(confirmed.body.employee).toMatchObject({ name: 'Ana Lima' });
      expect((await identity.login(email, 'the owner chose this')).status).toBe(200);
      expect((await identity.login(email, 'an attacker chose this')).status).toBe(401);
    });
  });

  it('forgets a sign-up never confirmed a week after its link expired', async () => {
    const email = newEmail();
    await signUp(email);
    await emailConfirmationToken(email);
    await identity
      .get(DataSource)
      .query(
        `UPDATE pending_registration SET created_at = now() - interval '9 days', expires_at = now() - interval '8 days' WHERE email = $1`,
        [email],
      );

    await identity.get(LapsedAccountLinksSweep).sweepOnce();

    expect((await identity.login(email, PASSWORD)).status).toBe(401);
  });

  describe('forgot password', () => {
    it('answers the same for an address with or without an account, and emails only the account', async () => {
      const ana = await identity.register();
      const nobody = newEmail();

      const known = await identity.call('POST', '/v1/auth/password-resets', { body: { email: ana.email } });
      const unknown = await identity.call('POST', '/v1/auth/password-resets', { body: { email: nobody } });

      expect(known).toMatchObject({ status: 202, body: CHECK_YOUR_EMAIL });
      expect(unknown.status).toBe(known.status);
      expect(unknown.body).toEqual(known.body);
      const email = await waitForEmail(ana.email, 'Reset your password');
      expect(email.text).toMatch(/https:\/\/vouch\.acme\.com\/reset-password#token=[A-Za-z0-9_-]{43}/);
      expect(await subjectsReceivedBy(nobody)).toEqual([]);
    });

    it('sets the new password with the link, once, and says so by email', async () => {
      const ana = await identity.register();
      await identity.call('POST', '/v1/auth/password-resets', { body: { email: ana.email } });
      const token = await resetLink(ana.email);

      const reset = await identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token, password: 'my brand new passphrase' },
      });

      expect(reset.status).toBe(204);
      expect((await identity.login(ana.email, ana.password)).status).toBe(401);
      expect((await identity.login(ana.email, 'my brand new passphrase')).status).toBe(200);
      await waitForEmail(ana.email, 'Your password was changed');
      const again = await identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token, password: 'an attacker chose this' },
      });
      expect(again.status).toBe(410);
      expect((await identity.login(ana.email, 'my brand new passphrase')).status).toBe(200);
    });

    it('writes to the employee in their profile’s language, with times in their zone', async () => {
      const ana = await identity.register();
      // The company's identity provider says which language and zone (SCIM preferredLanguage, timezone).
      await provider.create({ userName: ana.email, displayName: 'Ana Lima' });
      const patched = await provider.call('PATCH', `/Users/${ana.id}`, {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: 'preferredLanguage', value: 'de-AT' },
          { op: 'replace', path: 'timezone', value: 'Europe/Vienna' },
        ],
      });
      expect(patched.status).toBe(200);

      await identity.call('POST', '/v1/auth/password-resets', { body: { email: ana.email } });
      const reset = await waitForEmail(ana.email, 'Setz dein Passwort zurück');
      expect(reset.text).toContain('Hallo Ana Lima,');
      expect(reset.text).toContain('Der Link funktioniert einmal, eine Stunde lang.');
      expect(reset.headers['content-language']).toBe('de');
      const changedAt = new Date();
      await identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token: accountLinkToken(reset, '/reset-password'), password: 'my brand new passphrase' },
      });

      const changed = await waitForEmail(ana.email, 'Dein Passwort wurde geändert');
      // In Vienna's time (MEZ or MESZ): the minute it changed, or the next one.
      const [, hours, minutes] = /um (\d{2}):(\d{2}) MES?Z geändert/.exec(changed.text) ?? [];
      const viennaParts = new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Vienna',
      }).formatToParts(changedAt);
      const part = (type: string) => Number(viennaParts.find((candidate) => candidate.type === type)?.value);
      const shown = Number(hours) * 60 + Number(minutes);
      const expected = part('hour') * 60 + part('minute');
      expect([0, 1]).toContain((shown - expected + 1440) % 1440);
    });

    it('ends every session of the employee when the password changes', async () => {
      const ana = await identity.register();
      // Two sessions, as on a laptop and a phone: one shows a session refreshes, the other is left as it is.
      const laptop = refreshCookieOf(await identity.login(ana.email, ana.password));
      const phone = refreshCookieOf(await identity.login(ana.email, ana.password));
      const refresh = (cookie: string) =>
        identity.call('POST', '/v1/auth/refresh', { headers: { ...FROM_THE_PORTAL, cookie } });
      expect((await refresh(laptop)).status).toBe(200);
      await identity.call('POST', '/v1/auth/password-resets', { body: { email: ana.email } });

      const reset = await identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token: await resetLink(ana.email), password: 'my brand new passphrase' },
      });

      expect(reset.status).toBe(204);
      expect((await refresh(phone)).status).toBe(401);
    });

    it('answers 410 to an expired link and to one a newer email replaced', async () => {
      const ana = await identity.register();
      await identity.call('POST', '/v1/auth/password-resets', { body: { email: ana.email } });
      const first = await resetLink(ana.email);
      await identity.call('POST', '/v1/auth/password-resets', { body: { email: ana.email } });
      const second = await resetLink(ana.email, 2);
      const attempt = (token: string) =>
        identity.call('POST', '/v1/auth/password-resets/confirm', {
          body: { token, password: 'my brand new passphrase' },
        });

      expect((await attempt(first)).status).toBe(410);
      await expire('password_reset', 'employee_id', ana.id);
      expect((await attempt(second)).status).toBe(410);
      expect((await identity.login(ana.email, ana.password)).status).toBe(200);
    });

    it('stops a link working once the employee no longer has the address it was sent to', async () => {
      const ana = await identity.register();
      await provider.create({ userName: ana.email, displayName: 'Ana Lima' });
      await identity.call('POST', '/v1/auth/password-resets', { body: { email: ana.email } });
      const token = await resetLink(ana.email);
      const moved = newEmail();
      const patched = await provider.call('PATCH', `/Users/${ana.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'userName', value: moved }],
      });
      expect(patched.status).toBe(200);

      const reset = await identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token, password: 'my brand new passphrase' },
      });

      expect(reset.status).toBe(410);
      expect((await identity.login(moved, ana.password)).status).toBe(200);
    });

    it('answers 400 to a new password shorter than 12 characters, and the link still works', async () => {
      const ana = await identity.register();
      await identity.call('POST', '/v1/auth/password-resets', { body: { email: ana.email } });
      const token = await resetLink(ana.email);

      const short = await identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token, password: 'short' },
      });

      expect(short.status).toBe(400);
      const reset = await identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token, password: 'my brand new passphrase' },
      });
      expect(reset.status).toBe(204);
    });
  });
});

describe('password sign-in turned off (AUTH_PASSWORD_ENABLED=false)', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_no_passwords', { AUTH_PASSWORD_ENABLED: 'false' });
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('answers 404 to sign-up, sign-in, confirmation and reset, and sends nothing', async () => {
    const email = newEmail();
    const answers = await Promise.all([
      identity.call('POST', '/v1/auth/register', { body: { email, password: PASSWORD, name: 'Ana' } }),
      identity.login(email, PASSWORD),
      identity.call('POST', '/v1/auth/email-confirmations', { body: { token: 'x'.repeat(43) } }),
      identity.call('POST', '/v1/auth/email-confirmations/resend', { body: { email } }),
      identity.call('POST', '/v1/auth/password-resets', { body: { email } }),
      identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token: 'x'.repeat(43), password: PASSWORD },
      }),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ title: 'Password sign-in disabled' });
    }
    expect(await subjectsReceivedBy(email)).toEqual([]);
  });
});
