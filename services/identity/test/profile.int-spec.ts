import { randomUUID } from 'node:crypto';
import { IdentityApp } from './identity-app';

interface Problem {
  status: number;
  title: string;
  errors?: Array<{ field: string; message: string }>;
}

const fullProfile = {
  headline: 'Makes payments boring',
  summary: 'Ten years of building payment systems that nobody notices.',
  location: 'Lisbon',
  timeZone: 'Europe/Lisbon',
  positions: [
    { title: 'Staff engineer', team: 'Payments', start: '2021-03', end: null },
    { title: 'Engineer', start: '2016-09', end: '2021-02' },
  ],
  skills: ['TypeScript', 'PostgreSQL', 'Kafka', 'kafka'],
  education: [{ school: 'Instituto Superior Técnico', degree: 'MSc', fieldOfStudy: 'Computer science' }],
};

describe('profiles and the directory', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_profile');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('asks a new profile to be completed, most valuable part first', async () => {
    const ana = await identity.register({ title: 'Engineer' });
    const answer = await identity.call<{ score: number; missing: Array<{ field: string; hint: string }> }>(
      'GET',
      '/v1/employees/me/completeness',
      { token: ana.token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.score).toBe(15);
    expect(answer.body.missing[0]).toEqual({ field: 'positions', hint: expect.any(String) });
    expect(answer.body.missing.map((part) => part.field)).not.toContain('title');
  });

  it('updates the profile and scores a complete one 100 with nothing missing', async () => {
    const ana = await identity.register({ title: 'Engineer' });
    const updated = await identity.call('PATCH', '/v1/employees/me', { token: ana.token, body: fullProfile });

    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      headline: 'Makes payments boring',
      timeZone: 'Europe/Lisbon',
      skills: ['TypeScript', 'PostgreSQL', 'Kafka'],
      positions: [
        { title: 'Staff engineer', team: 'Payments', start: '2021-03', end: null },
        { title: 'Engineer', team: null, start: '2016-09', end: '2021-02' },
      ],
      completeness: 100,
    });
    const completeness = await identity.call('GET', '/v1/employees/me/completeness', { token: ana.token });
    expect(completeness.body).toEqual({ score: 100, missing: [] });
    const me = await identity.call('GET', '/v1/employees/me', { token: ana.token });
    expect(me.body).toEqual(updated.body);
  });

  it('keeps absent fields and clears a field set to null', async () => {
    const ana = await identity.register({ title: 'Engineer' });
    await identity.call('PATCH', '/v1/employees/me', { token: ana.token, body: { headline: 'Hello' } });
    const answer = await identity.call('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { title: null },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ title: null, headline: 'Hello', name: 'Ana Lima' });
  });

  it('keeps the language one chooses, in canonical form, and forgets it when set to null', async () => {
    const ana = await identity.register();
    const chosen = await identity.call('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { language: 'pt_br' },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ language: 'pt-BR' });
    const me = await identity.call('GET', '/v1/employees/me', { token: ana.token });
    expect(me.body).toMatchObject({ language: 'pt-BR' });
    const cleared = await identity.call('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { language: null },
    });
    expect(cleared.body).toMatchObject({ language: null });
  });

  it('answers 400 naming each field out of bounds', async () => {
    const ana = await identity.register();
    const answer = await identity.call<Problem>('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: {
        name: null,
        headline: 'x'.repeat(301),
        timeZone: 'Mars/Olympus_Mons',
        skills: Array.from({ length: 51 }, (_, index) => `skill ${index}`),
        positions: [{ title: 'Engineer', start: '2021-13' }],
      },
    });
    expect(answer.status).toBe(400);
    const fields = new Set(answer.body.errors?.map((error) => error.field));
    expect([...fields].sort()).toEqual(['headline', 'name', 'positions.0.start', 'skills', 'timeZone']);
  });

  it('answers 400 to unknown fields, among them the ones only admins may change', async () => {
    const ana = await identity.register();
    const answer = await identity.call<Problem>('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { headline: 'Hello', managerId: randomUUID(), email: 'someone@acme.com' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((error) => error.field).sort()).toEqual(['email', 'managerId']);
  });

  it('answers 400 to a position that ends before it starts', async () => {
    const ana = await identity.register();
    const answer = await identity.call<Problem>('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { positions: [{ title: 'Engineer', start: '2022-05', end: '2021-01' }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.title).toBe('Invalid profile');
  });

  it("shows a colleague's public profile with their manager and completeness", async () => {
    const admin = await identity.admin();
    const boss = await identity.register({ name: 'Rui Costa' });
    const ana = await identity.register();
    await identity.call('PUT', `/v1/employees/${ana.id}/manager`, {
      token: admin.token,
      body: { managerId: boss.id },
    });
    const answer = await identity.call('GET', `/v1/employees/${ana.id}`, { token: boss.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: ana.id, managerId: boss.id, completeness: 5, name: 'Ana Lima' });
  });

  it('answers 404 for an unknown employee and 400 for an id that is no UUID', async () => {
    const ana = await identity.register();
    expect((await identity.call('GET', `/v1/employees/${randomUUID()}`, { token: ana.token })).status).toBe(
      404,
    );
    expect((await identity.call('GET', '/v1/employees/42', { token: ana.token })).status).toBe(400);
  });

  it('finds colleagues by part of their name, email or title, a page at a time', async () => {
    const tag = randomUUID().slice(0, 8);
    const ana = await identity.register({ name: `Ana ${tag}` });
    await identity.register({ name: `Bea ${tag}` });
    await identity.register({ name: 'Carla', title: `Designer ${tag}` });
    await identity.register({ name: 'Someone else' });

    const first = await identity.call<{ items: Array<{ name: string }>; nextCursor: string | null }>(
      'GET',
      `/v1/employees?q=${tag}&limit=2`,
      { token: ana.token },
    );
    expect(first.status).toBe(200);
    expect(first.body.items.map((item) => item.name)).toEqual([`Ana ${tag}`, `Bea ${tag}`]);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await identity.call<{ items: Array<{ name: string }>; nextCursor: string | null }>(
      'GET',
      `/v1/employees?q=${tag}&limit=2&cursor=${first.body.nextCursor}`,
      { token: ana.token },
    );
    expect(second.body).toEqual({ items: [expect.objectContaining({ name: 'Carla' })], nextCursor: null });

    const byEmail = await identity.call<{ items: Array<{ id: string }> }>(
      'GET',
      `/v1/employees?q=${encodeURIComponent(ana.email.toUpperCase())}`,
      { token: ana.token },
    );
    expect(byEmail.body.items.map((item) => item.id)).toEqual([ana.id]);
  });

  it('treats % and _ in a search as themselves, not as wildcards', async () => {
    const ana = await identity.register();
    const answer = await identity.call<{ items: unknown[] }>('GET', '/v1/employees?q=%25%25_', {
      token: ana.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([]);
  });

  it('refuses a name or title with a line break or another control character, at sign-up and in the profile', async () => {
    const signUp = await identity.call<Problem>('POST', '/v1/auth/register', {
      body: {
        email: `${randomUUID()}@acme.com`,
        password: 'correct horse battery staple',
        name: 'Ana\r\nLima',
      },
    });
    expect(signUp.status).toBe(400);
    expect(signUp.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);

    const ana = await identity.register({ title: 'Engineer' });
    for (const [field, body] of [
      ['name', { name: 'Ana\nLima' }],
      ['title', { title: 'Engineer\u0007' }],
      ['headline', { headline: 'Hello\u2028world' }],
      ['positions.0.title', { positions: [{ title: 'Staff\tengineer', start: '2021-03' }] }],
      ['skills', { skills: ['Type\rScript'] }],
    ] as const) {
      const answer = await identity.call<Problem>('PATCH', '/v1/employees/me', { token: ana.token, body });
      expect({ status: answer.status, fields: answer.body.errors?.map((error) => error.field) }).toEqual({
        status: 400,
        fields: [field],
      });
    }
    const me = await identity.call<{ name: string; title: string }>('GET', '/v1/employees/me', {
      token: ana.token,
    });
    expect(me.body).toMatchObject({ name: 'Ana Lima', title: 'Engineer' });
  });

  it('keeps line breaks in the summary, which is written in lines', async () => {
    const ana = await identity.register();
    const summary = 'Ten years of payments.\r\n\r\nNow:\tplatform.';

    const answer = await identity.call<{ summary: string }>('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { summary },
    });

    expect(answer.status).toBe(200);
    expect(answer.body.summary).toBe(summary);
    const bell = await identity.call<Problem>('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { summary: 'Ring\u0007' },
    });
    expect(bell.status).toBe(400);
    expect(bell.body.errors).toEqual([expect.objectContaining({ field: 'summary' })]);
  });

  it('answers 400 to a list limit above 100 and to a cursor it never handed out', async () => {
    const ana = await identity.register();
    expect((await identity.call('GET', '/v1/employees?limit=101', { token: ana.token })).status).toBe(400);
    expect((await identity.call('GET', '/v1/employees?cursor=forged', { token: ana.token })).status).toBe(
      400,
    );
  });

  it.each([
    ['an id that is not a UUID', ['Ana', 'not-a-uuid']],
    ['a name holding NUL', ['Ana\u0000', randomUUID()]],
    ['a position that is not text', [{}, []]],
  ])('answers 400 naming the cursor to a well-formed cursor holding %s', async (_case, position) => {
    const ana = await identity.register();
    const forged = Buffer.from(JSON.stringify(position)).toString('base64url');

    const answer = await identity.call<Problem>('GET', `/v1/employees?cursor=${forged}`, {
      token: ana.token,
    });

    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});
