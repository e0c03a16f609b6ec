import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { emailConfirmationToken, waitForEmail } from '@vouch/testing';
import { IdentityApp, newClientAddress, newEmail } from './identity-app';

describe('registration and sign-in', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_auth', {
      ALLOWED_EMAIL_DOMAINS: 'acme.com,acme.io',
      LOGIN_FAILURES_BEFORE_DELAY: '3',
      LOGIN_FIRST_DELAY_SECONDS: '60',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '5',
      LOGIN_WINDOW_SECONDS: '600',
    });
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('registers an employee with a normalised email once it is confirmed, and hands back a token for them', async () => {
    const email = newEmail('Acme.com');
    const signUp = await identity.call('POST', '/v1/auth/register', {
      body: {
        email: `  ${email.toUpperCase()} `,
        password: 'a long enough secret',
        name: 'Ana Lima',
        title: 'Engineer',
      },
    });
    expect(signUp.status).toBe(202);

    const answer = await identity.confirmEmail(await emailConfirmationToken(email.toLowerCase()));

    expect(answer.status).toBe(200);
    expect(answer.body.employee).toMatchObject({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: 'Ana Lima',
      title: 'Engineer',
      managerId: null,
      active: true,
      completeness: 15,
    });
    expect(answer.body.employee).not.toHaveProperty('passwordHash');
    const me = await identity.call('GET', '/v1/employees/me', { token: answer.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body['id']).toBe(answer.body.employee['id']);
  });

  it('answers a sign-up with a taken email, whatever its case, as any other, and tells its owner instead', async () => {
    const ana = await identity.register();
    const again = await identity.call('POST', '/v1/auth/register', {
      body: { email: ana.email.toUpperCase(), password: 'another long secret', name: 'Impostor' },
    });
    expect(again.status).toBe(202);
    await waitForEmail(ana.email, 'Someone tried to sign up with your email');
    expect((await identity.login(ana.email, 'another long secret')).status).toBe(401);
  });

  it('answers 400 naming the password when it is shorter than 12 characters', async () => {
    const answer = await identity.call<{ errors: Array<{ field: string }> }>('POST', '/v1/auth/register', {
      body: { email: newEmail(), password: 'short pass', name: 'Ana Lima' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error) => error.field)).toEqual(['password']);
  });

  it('answers 400 naming each unknown field, so nobody registers themselves as admin', async () => {
    const answer = await identity.call<{ errors: Array<{ field: string }> }>('POST', '/v1/auth/register', {
      body: { email: newEmail(), password: 'a long enough secret', name: 'Ana', roles: ['admin'] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error) => error.field)).toEqual(['roles']);
  });

  it('answers 400 naming a field whose text holds a NUL character, which the database cannot store', async () => {
    const answer = await identity.call<{ errors: Array<{ field: string; message: string }> }>(
      'POST',
      '/v1/auth/register',
      { body: { email: newEmail(), password: 'a long enough secret', name: 'Ana\u0000Lima' } },
    );
    expect(answer.status).toBe(400);
    // A name is one line: the NUL is refused with every other control character.
    expect(answer.body.errors).toEqual([
      { field: 'name', message: 'name must be one line without control characters' },
    ]);
  });

  it('answers 403 to an email outside the company domains', async () => {
    const answer = await identity.call('POST', '/v1/auth/register', {
      body: { email: newEmail('gmail.com'), password: 'a long enough secret', name: 'Outsider' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ title: 'Email domain not allowed' });
  });

  it('logs in with the right password and answers a token the JWKS verifies, with the claims of the contract', async () => {
    const ana = await identity.register();
    const answer = await identity.login(`  ${ana.email.toUpperCase()}`, ana.password);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const jwks = (await identity.call<JSONWebKeySet>('GET', '/.well-known/jwks.json')).body;
    const { payload, protectedHeader } = await jwtVerify(
      String(answer.body['accessToken']),
      createLocalJWKSet(jwks),
      {
        issuer: 'vouch-identity',
        audience: 'vouch',
      },
    );
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload).toMatchObject({
      sub: ana.id,
      email: ana.email,
      roles: ['employee'],
      exp: expect.any(Number),
    });
  });

  it('gives the admin role to the emails ADMIN_EMAILS names', async () => {
    const admin = await identity.admin();
    const answer = await identity.login(admin.email, admin.password);
    const claims = JSON.parse(
      Buffer.from(String(answer.body['accessToken']).split('.')[1], 'base64url').toString(),
    );
    expect(claims.roles).toEqual(['employee', 'admin']);
  });

  it('gives the same 401 answer for an unknown email and a wrong password', async () => {
    const ana = await identity.register();
    const wrongPassword = await identity.login(ana.email, 'not the password at all');
    const unknownEmail = await identity.login(newEmail(), 'not the password at all');

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
  });

  it('publishes only public keys at /.well-known/jwks.json', async () => {
    const answer = await identity.call<JSONWebKeySet>('GET', '/.well-known/jwks.json');
    expect(answer.status).toBe(200);
    expect(answer.body.keys).toHaveLength(1);
    expect(answer.body.keys[0]).toMatchObject({
      kty: 'OKP',
      alg: 'EdDSA',
      use: 'sig',
      kid: expect.any(String),
    });
    expect(answer.body.keys[0]).not.toHaveProperty('d');
  });

  it('answers 429 with Retry-After once an email had too many failures, even with the right password', async () => {
    const ana = await identity.register();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await identity.login(ana.email, 'wrong password, again', newClientAddress())).status).toBe(401);
    }

    const blocked = await identity.login(ana.email, ana.password, newClientAddress());

    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(blocked.body).toMatchObject({ status: 429, title: 'Too many login attempts' });
  });

  it('answers 429 once one client address had too many attempts, whatever the emails', async () => {
    const address = newClientAddress();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await identity.login(newEmail(), 'guessing passwords', address)).status).toBe(401);
    }
    const ana = await identity.register();

    expect((await identity.login(ana.email, ana.password, address)).status).toBe(429);
    expect((await identity.login(ana.email, ana.password, newClientAddress())).status).toBe(200);
  });

  it('forgives an email its failed attempts once it logs in', async () => {
    const ana = await identity.register();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await identity.login(ana.email, 'wrong password, again');
    }
    expect((await identity.login(ana.email, ana.password)).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await identity.login(ana.email, 'wrong password, again');
    }
    expect((await identity.login(ana.email, ana.password)).status).toBe(200);
  });

  it('is ready, documents its API and counts its requests, as every service does', async () => {
    expect((await identity.call('GET', '/health/live')).status).toBe(200);
    expect((await identity.call('GET', '/health/ready')).body).toMatchObject({ status: 'ok' });
    const document = await identity.call<{ paths: Record<string, unknown> }>('GET', '/docs-json');
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/auth/register',
        '/v1/auth/login',
        '/v1/employees/me',
        '/v1/employees/me/completeness',
        '/v1/employees',
        '/v1/employees/{id}',
        '/v1/employees/{id}/manager',
        '/v1/employees/{id}/deactivate',
        '/v1/employees/{id}/reactivate',
        '/.well-known/jwks.json',
      ]),
    );
    const metrics = await fetch(`${identity.baseUrl}/metrics`);
    expect(await metrics.text()).toMatch(/http_requests_total\{method="POST",route="\/v1\/auth\/register"/);
  });
});
