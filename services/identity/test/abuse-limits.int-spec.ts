import { setTimeout as sleep } from 'node:timers/promises';
import { accountLinkToken, waitForEmail, withClient } from '@vouch/testing';
import { AbuseCountersSweep } from '../src/abuse/infrastructure/abuse-counters.sweep';
import { PasswordHasher } from '../src/employees/infrastructure/password-hasher';
import { IdentityApp, newClientAddress, newEmail, type Answer } from './identity-app';

const WRONG = 'a wrong password, again';

/** The limits a test may reach in seconds, not hours. */
const LIMITS = {
  LOGIN_FAILURES_BEFORE_DELAY: '3',
  // Long enough that the next request arrives within it on a loaded machine (argon2 takes its time).
  LOGIN_FIRST_DELAY_SECONDS: '3',
  LOGIN_MAX_DELAY_SECONDS: '6',
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '8',
  LOGIN_WINDOW_SECONDS: '600',
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: '3',
  ACCOUNT_EMAIL_REQUESTS_PER_ADDRESS_PER_HOUR: '3',
  ACCOUNT_EMAIL_REQUESTS_PER_EMAIL_PER_HOUR: '2',
};

function retryAfter(answer: Answer): number {
  return Number(answer.headers.get('retry-after'));
}

function expectTooMany(answer: Answer, title: string): void {
  expect(answer.status).toBe(429);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status: 429, title });
  expect(retryAfter(answer)).toBeGreaterThan(0);
}

/** Waits out a 429's Retry-After, and a little more. */
async function waitOut(answer: Answer): Promise<void> {
  await sleep(retryAfter(answer) * 1000 + 150);
}

describe('abuse limits', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_abuse', LIMITS);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  /** Failed logins to `email`, each from an address of its own: brute force spread over addresses. */
  async function failFromEverywhere(email: string, count: number): Promise<void> {
    for (let attempt = 0; attempt < count; attempt += 1)
      expect((await identity.login(email, WRONG, newClientAddress())).status).toBe(401);
  }

  describe('login', () => {
    it('slows brute force of one account with delays that double, up to a ceiling, whatever the addresses', async () => {
      const ana = await identity.register();
      await failFromEverywhere(ana.email, 3);

      const delays: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        const refused = await identity.login(ana.email, WRONG, newClientAddress());
        expectTooMany(refused, 'Too many login attempts');
        delays.push(retryAfter(refused));
        await waitOut(refused);
        expect((await identity.login(ana.email, WRONG, newClientAddress())).status).toBe(401);
      }

      expect(delays).toEqual([3, 6, 6]);
    });

    it('refuses even the right password while a delay runs, and forgives the failures once it has run out', async () => {
      const ana = await identity.register();
      await failFromEverywhere(ana.email, 3);
      const refused = await identity.login(ana.email, ana.password, newClientAddress());
      expectTooMany(refused, 'Too many login attempts');

      await waitOut(refused);
      expect((await identity.login(ana.email, ana.password, newClientAddress())).status).toBe(200);
      // Forgiven: the next failures start from none.
      await failFromEverywhere(ana.email, 2);
      expect((await identity.login(ana.email, ana.password, newClientAddress())).status).toBe(200);
    });

    it('admits no more of the attempts sent at once than the failures allowed before a delay', async () => {
      const ana = await identity.register();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => identity.login(ana.email, WRONG, newClientAddress())),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses.filter((status) => status === 401)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    });

    it('caps password spraying from one address, whatever the emails, and not the people elsewhere', async () => {
      const address = newClientAddress();
      for (let attempt = 0; attempt < 8; attempt += 1)
        expect((await identity.login(newEmail(), 'Summer2026!', address)).status).toBe(401);
      const ana = await identity.register();

      const refused = await identity.login(ana.email, ana.password, address);

      expectTooMany(refused, 'Too many login attempts');
      expect(retryAfter(refused)).toBeLessThanOrEqual(600);
      expect((await identity.login(ana.email, ana.password, newClientAddress())).status).toBe(200);
    });

    it('does not keep the owner out from their usual address while an attacker fails elsewhere', async () => {
      const ana = await identity.register();
      const home = newClientAddress();
      expect((await identity.login(ana.email, ana.password, home)).status).toBe(200);
      await failFromEverywhere(ana.email, 3);
      expect((await identity.login(ana.email, ana.password, newClientAddress())).status).toBe(429);

      expect((await identity.login(ana.email, ana.password, home)).status).toBe(200);
    });

    it('still delays failures from the usual address itself', async () => {
      const ana = await identity.register();
      const home = newClientAddress();
      expect((await identity.login(ana.email, ana.password, home)).status).toBe(200);
      for (let attempt = 0; attempt < 3; attempt += 1)
        expect((await identity.login(ana.email, WRONG, home)).status).toBe(401);

      expectTooMany(await identity.login(ana.email, ana.password, home), 'Too many login attempts');
    });

    it('lets the owner back in at once through "forgot password", whatever the delay', async () => {
      const ana = await identity.register();
      await failFromEverywhere(ana.email, 3);
      expect((await identity.login(ana.email, ana.password, newClientAddress())).status).toBe(429);

      const asked = await identity.call('POST', '/v1/auth/password-resets', {
        body: { email: ana.email },
        headers: { 'x-forwarded-for': newClientAddress() },
      });
      expect(asked.status).toBe(202);
      const token = accountLinkToken(await waitForEmail(ana.email, 'Reset your password'), '/reset-password');
      const reset = await identity.call('POST', '/v1/auth/password-resets/confirm', {
        body: { token, password: 'a brand new long secret' },
      });
      expect(reset.status).toBe(204);

      expect((await identity.login(ana.email, 'a brand new long secret', newClientAddress())).status).toBe(
        200,
      );
    });
  });

  describe('sign-up', () => {
    it('caps sign-ups from one address, refusing before the password is hashed', async () => {
      const address = newClientAddress();
      const signUp = () =>
        identity.call('POST', '/v1/auth/register', {
          body: { email: newEmail(), password: 'a long enough secret', name: 'Sam Spam' },
          headers: { 'x-forwarded-for': address },
        });
      for (let attempt = 0; attempt < 3; attempt += 1) expect((await signUp()).status).toBe(202);
      const hashes = jest.spyOn(identity.get(PasswordHasher), 'hashOf');

      const refused = await signUp();

      expectTooMany(refused, 'Too many requests');
      expect(retryAfter(refused)).toBeLessThanOrEqual(3600);
      expect(hashes).not.toHaveBeenCalled();
      hashes.mockRestore();
      expect(
        (
          await identity.call('POST', '/v1/auth/register', {
            body: { email: newEmail(), password: 'a long enough secret', name: 'Ana Lima' },
            headers: { 'x-forwarded-for': newClientAddress() },
          })
        ).status,
      ).toBe(202);
    });
  });

  describe('account emails', () => {
    const ask = (path: string, email: string, address: string) =>
      identity.call('POST', path, { body: { email }, headers: { 'x-forwarded-for': address } });

    it('caps "forgot password" and "resend the confirmation" from one address, together', async () => {
      const address = newClientAddress();
      expect((await ask('/v1/auth/password-resets', newEmail(), address)).status).toBe(202);
      expect((await ask('/v1/auth/email-confirmations/resend', newEmail(), address)).status).toBe(202);
      expect((await ask('/v1/auth/password-resets', newEmail(), address)).status).toBe(202);

      expectTooMany(
        await ask('/v1/auth/email-confirmations/resend', newEmail(), address),
        'Too many requests',
      );
      expectTooMany(await ask('/v1/auth/password-resets', newEmail(), address), 'Too many requests');
      expect((await ask('/v1/auth/password-resets', newEmail(), newClientAddress())).status).toBe(202);
    });

    it('caps them for one email from any address, whether or not it has an account', async () => {
      const [ana, nobody] = [await identity.register(), newEmail()];
      for (const email of [ana.email, nobody]) {
        expect((await ask('/v1/auth/password-resets', email, newClientAddress())).status).toBe(202);
        expect((await ask('/v1/auth/email-confirmations/resend', email, newClientAddress())).status).toBe(
          202,
        );
        expectTooMany(await ask('/v1/auth/password-resets', email, newClientAddress()), 'Too many requests');
      }
    });
  });

  it('forgets counters past their window and delay, and keeps the others', async () => {
    const [lapsed, delayed, live] = [newEmail(), newEmail(), newEmail()];
    await withClient(identity.databaseUrl, (client) =>
      client.query(
        `INSERT INTO abuse_counter (key, count, expires_at, delayed_until) VALUES
           ($1, 9, now() - interval '1 minute', now() - interval '1 minute'),
           ($2, 9, now() - interval '1 minute', now() + interval '1 minute'),
           ($3, 9, now() + interval '1 minute', NULL)`,
        [`test:${lapsed}`, `test:${delayed}`, `test:${live}`],
      ),
    );

    await identity.get(AbuseCountersSweep).sweepOnce();

    const kept = await withClient(identity.databaseUrl, (client) =>
      client.query<{ key: string }>(`SELECT key FROM abuse_counter WHERE key = ANY($1) ORDER BY key`, [
        [`test:${lapsed}`, `test:${delayed}`, `test:${live}`],
      ]),
    );
    expect(kept.rows.map((row) => row.key).sort()).toEqual([`test:${delayed}`, `test:${live}`].sort());
  });

  describe('across instances', () => {
    let second: IdentityApp;

    beforeAll(async () => {
      second = await IdentityApp.start('identity_abuse_second', {
        ...LIMITS,
        DATABASE_URL: identity.databaseUrl,
        REGISTRATIONS_PER_MINUTE: '100000',
      });
    });

    afterAll(async () => {
      await second?.stop();
    });

    it('counts failures at either instance against the same account', async () => {
      const ana = await identity.register();
      expect((await identity.login(ana.email, WRONG, newClientAddress())).status).toBe(401);
      expect((await second.login(ana.email, WRONG, newClientAddress())).status).toBe(401);
      expect((await identity.login(ana.email, WRONG, newClientAddress())).status).toBe(401);

      expectTooMany(
        await second.login(ana.email, ana.password, newClientAddress()),
        'Too many login attempts',
      );
      const rows = await withClient(identity.databaseUrl, (client) =>
        client.query<{ count: number }>(`SELECT count FROM abuse_counter WHERE key = $1`, [
          `login:account:${ana.email}`,
        ]),
      );
      expect(rows.rows).toEqual([{ count: 3 }]);
    });

    it('counts one address at either instance', async () => {
      const address = newClientAddress();
      const ask = (app: IdentityApp) =>
        app.call('POST', '/v1/auth/password-resets', {
          body: { email: newEmail() },
          headers: { 'x-forwarded-for': address },
        });
      expect((await ask(identity)).status).toBe(202);
      expect((await ask(second)).status).toBe(202);
      expect((await ask(identity)).status).toBe(202);

      expectTooMany(await ask(second), 'Too many requests');
    });
  });
});

describe('the sign-up limit for everyone', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_abuse_global', { REGISTRATIONS_PER_MINUTE: '2' });
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('caps sign-ups from all addresses together in a minute, each costing a 64 MiB hash', async () => {
    const signUp = () =>
      identity.call('POST', '/v1/auth/register', {
        body: { email: newEmail(), password: 'a long enough secret', name: 'Ana Lima' },
        headers: { 'x-forwarded-for': newClientAddress() },
      });
    expect((await signUp()).status).toBe(202);
    expect((await signUp()).status).toBe(202);

    const refused = await signUp();

    expectTooMany(refused, 'Too many requests');
    expect(retryAfter(refused)).toBeLessThanOrEqual(60);
  });
});
