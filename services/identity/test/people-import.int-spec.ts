import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { Topics } from '@vouch/contracts';
import { IdentityApp, newEmail, type RegisteredEmployee } from './identity-app';

const HEADER = 'email,name,title,department,employee number,manager email,language,time zone';

/**
 * Announces a CSV file of `size` bytes, sends its first 64 KiB and nothing more, and waits for the
 * answer: one comes only if the server answers without reading the whole body.
 */
function answerToUnfinishedUpload(
  identity: IdentityApp,
  token: string | undefined,
  size: number,
): Promise<{ head: string; bodyBytesSent: number }> {
  const url = new URL(identity.baseUrl);
  const firstChunk = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        [
          'POST /v1/admin/people-import HTTP/1.1',
          `Host: ${url.host}`,
          'Content-Type: text/csv',
          `Content-Length: ${size}`,
          ...(token ? [`Authorization: Bearer ${token}`] : []),
          '',
          '',
        ].join('\r\n'),
      );
      socket.write(firstChunk);
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer before the body was sent'));
    }, 10_000);
    socket.once('data', (data: Buffer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ head: data.toString('latin1'), bodyBytesSent: firstChunk.length });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
const repoRoot = path.resolve(__dirname, '../../..');

interface ImportAnswer {
  status: number;
  contentType: string | null;
  body: {
    dryRun?: boolean;
    applied?: boolean;
    summary: Record<string, number>;
    errors: Array<{ line: number; field: string | null; message: string }>;
    changes?: Array<{
      line: number;
      email: string;
      employeeId: string | null;
      outcome: string;
      fields: string[];
    }>;
    missing?: Array<{ employeeId: string; email: string; name: string; deactivated: boolean }>;
    title?: string;
  };
}

interface StoredEmployee {
  id: string;
  title: string | null;
  manager_id: string | null;
  manager_source: string | null;
  department: string | null;
  employee_number: string | null;
  language: string | null;
  time_zone: string | null;
  deactivated_at: Date | null;
}

function csv(...lines: string[]): string {
  return [HEADER, ...lines, ''].join('\n');
}

async function importPeople(
  identity: IdentityApp,
  token: string,
  body: string,
  query: Record<string, string> = {},
  contentType = 'text/csv',
): Promise<ImportAnswer> {
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${identity.baseUrl}/v1/admin/people-import${search ? `?${search}` : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as ImportAnswer['body'],
  };
}

describe('importing people from a CSV file', () => {
  let identity: IdentityApp;
  let admin: RegisteredEmployee;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_people_import', { ALLOWED_EMAIL_DOMAINS: 'acme.com' });
    admin = await identity.admin();
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const database = () => identity.get(DataSource);

  async function stored(email: string): Promise<StoredEmployee | undefined> {
    const [row] = (await database().query(
      `SELECT id, title, manager_id, manager_source, department, employee_number, language, time_zone,
              deactivated_at
         FROM employee WHERE email = $1`,
      [email],
    )) as StoredEmployee[];
    return row;
  }

  async function lastEventPosition(): Promise<string> {
    const [row] = (await database().query(`SELECT last_value FROM outbox_position_seq`)) as Array<{
      last_value: string;
    }>;
    return row?.last_value ?? '0';
  }

  async function auditOf(employeeId: string): Promise<Array<{ actorType: string; action: string }>> {
    const answer = await identity.call<{ items: Array<{ actorType: string; action: string }> }>(
      'GET',
      `/v1/admin/audit-log?employeeId=${employeeId}`,
      { token: admin.token },
    );
    return answer.body.items;
  }

  it('creates everyone, with a manager from later in the file, audited as csv, invited and published', async () => {
    const [boss, ana, ben] = [newEmail(), newEmail(), newEmail()];
    const answer = await importPeople(
      identity,
      admin.token,
      '\uFEFF' +
        csv(
          `${ana.toUpperCase()},Ana Lima,"Engineer, payments",Payments,E-1,${boss},PT-br,Europe/Lisbon`,
          `${ben},Ben Okafor,,Payments,E-2,${ana},,`,
          `${boss},Rui Costa,CTO,,,,en,`,
        ),
    );

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      dryRun: false,
      applied: true,
      errors: [],
      summary: { people: 3, created: 3, updated: 0, unchanged: 0, missing: expect.any(Number), invited: 3 },
    });
    expect(answer.body.changes?.map((change) => [change.line, change.email, change.outcome])).toEqual([
      [2, ana, 'created'],
      [3, ben, 'created'],
      [4, boss, 'created'],
    ]);
    const [bossRow, anaRow, benRow] = await Promise.all([stored(boss), stored(ana), stored(ben)]);
    expect(anaRow).toMatchObject({
      title: 'Engineer, payments',
      manager_id: bossRow?.id,
      manager_source: 'csv',
      department: 'Payments',
      employee_number: 'E-1',
      language: 'pt-BR',
      time_zone: 'Europe/Lisbon',
    });
    expect(benRow).toMatchObject({ manager_id: anaRow?.id, manager_source: 'csv', title: null });
    expect(bossRow).toMatchObject({ manager_id: null, manager_source: null });

    const anaId = anaRow?.id ?? '';
    expect(await auditOf(anaId)).toEqual([
      expect.objectContaining({ actorType: 'csv', action: 'employee.created' }),
    ]);
    const invitations = (await database().query(
      `SELECT invited_by_type FROM invitation WHERE employee_id = ANY($1)`,
      [[bossRow?.id, anaId, benRow?.id]],
    )) as Array<{ invited_by_type: string }>;
    expect(invitations).toEqual([
      { invited_by_type: 'csv' },
      { invited_by_type: 'csv' },
      { invited_by_type: 'csv' },
    ]);
    const [registered] = await identity.eventsAbout(Topics.employees, anaId, 1);
    expect(registered).toMatchObject({
      type: 'EmployeeRegistered',
      data: { email: ana, name: 'Ana Lima', managerId: bossRow?.id },
    });
  });

  it('updates what changed on a second import, and an identical third changes and publishes nothing', async () => {
    const [boss, other, ana] = [newEmail(), newEmail(), newEmail()];
    const first = csv(`${boss},Rui,,,,,,`, `${other},Eva,,,,,,`, `${ana},Ana,Engineer,,,${boss},,`);
    expect((await importPeople(identity, admin.token, first)).status).toBe(200);
    const anaId = (await stored(ana))?.id ?? '';

    const second = csv(`${boss},Rui,,,,,,`, `${other},Eva,,,,,,`, `${ana},Ana,Staff engineer,,,${other},,`);
    const updated = await importPeople(identity, admin.token, second);
    expect(updated.body).toMatchObject({ summary: { created: 0, updated: 1, unchanged: 2 } });
    expect(updated.body.changes).toEqual([
      { line: 4, email: ana, employeeId: anaId, outcome: 'updated', fields: ['title', 'managerId'] },
    ]);
    expect(await stored(ana)).toMatchObject({
      title: 'Staff engineer',
      manager_id: (await stored(other))?.id,
    });
    expect((await auditOf(anaId)).map((entry) => `${entry.actorType} ${entry.action}`)).toEqual([
      'csv employee.manager_changed',
      'csv employee.profile_changed',
      'csv employee.created',
    ]);
    const events = await identity.eventsAbout(Topics.employees, anaId, 5);
    // The manager change in both versions of its event (docs/schema-evolution.md).
    expect(events.map((event) => event.type)).toEqual([
      'EmployeeRegistered',
      'EmployeeInvited',
      'EmployeeProfileUpdated',
      'EmployeeManagerChanged',
      'EmployeeManagerChanged',
    ]);

    const before = await lastEventPosition();
    const again = await importPeople(identity, admin.token, second);
    expect(again.body).toMatchObject({ summary: { created: 0, updated: 0, unchanged: 3, invited: 0 } });
    expect(again.body.changes).toEqual([]);
    expect(await lastEventPosition()).toBe(before);
    expect(await auditOf(anaId)).toHaveLength(3);
  });

  it('reports every bad line with its number and reason, and applies none of the good ones', async () => {
    const [good, twice, loopA, loopB] = [newEmail(), newEmail(), newEmail(), newEmail()];
    const nobody = newEmail();
    const before = await lastEventPosition();
    const answer = await importPeople(
      identity,
      admin.token,
      csv(
        `${good},Good Person,,,,,,`,
        `not-an-email,Bad Email,,,,,,`,
        `${newEmail('elsewhere.com')},Other Company,,,,,,`,
        `${twice},Twice,,,,,,`,
        `${twice},Twice Again,,,,,,`,
        `${newEmail()},No Manager,,,,${nobody},,`,
        `${loopA},Loop A,,,,${loopB},,`,
        `${loopB},Loop B,,,,${loopA},,`,
        `${newEmail()},Bad Zone,,,,,,Mars/Olympus`,
      ),
    );

    expect(answer.status).toBe(422);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ title: 'Invalid people file', status: 422 });
    const circle = `the managers would go round in a circle: ${loopA} → ${loopB} → ${loopA}`;
    expect(answer.body.errors).toEqual([
      { line: 3, field: 'email', message: 'not-an-email is not an email address' },
      {
        line: 4,
        field: 'email',
        message: 'the email domain elsewhere.com is not allowed (ALLOWED_EMAIL_DOMAINS)',
      },
      { line: 6, field: 'email', message: `${twice} is listed already, on line 5` },
      {
        line: 7,
        field: 'manager email',
        message: `the manager ${nobody} is neither in the file nor an employee`,
      },
      { line: 8, field: 'manager email', message: circle },
      { line: 9, field: 'manager email', message: circle },
      {
        line: 10,
        field: 'time zone',
        message: '"Mars/Olympus" is not an IANA time zone such as Europe/Lisbon',
      },
    ]);
    expect(await stored(good)).toBeUndefined();
    expect(await stored(twice)).toBeUndefined();
    expect(await lastEventPosition()).toBe(before);
  });

  it('checks and plans a dry run the same way, and writes nothing', async () => {
    const [ana, ben] = [newEmail(), newEmail()];
    const before = await lastEventPosition();
    const answer = await importPeople(
      identity,
      admin.token,
      csv(`${ana},Ana,,,,${ben},,`, `${ben},Ben,,,,,,`),
      {
        dryRun: 'true',
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      dryRun: true,
      applied: false,
      summary: { created: 2, invited: 2 },
      changes: [
        {
          line: 2,
          email: ana,
          employeeId: null,
          outcome: 'created',
          fields: expect.arrayContaining(['managerId']),
        },
        { line: 3, email: ben, employeeId: null, outcome: 'created', fields: ['name'] },
      ],
    });
    expect(await stored(ana)).toBeUndefined();
    expect(await lastEventPosition()).toBe(before);

    const bad = await importPeople(identity, admin.token, csv(`${ana},Ana,,,,${ana},,`), { dryRun: 'true' });
    expect(bad.status).toBe(422);
  });

  it('is for admins only, and takes the file as text/csv', async () => {
    const employee = await identity.register();
    expect((await importPeople(identity, employee.token, csv(`${newEmail()},Ana,,,,,,`))).status).toBe(403);
    const json = await importPeople(
      identity,
      admin.token,
      JSON.stringify({ email: newEmail() }),
      {},
      'application/json',
    );
    expect(json.status).toBe(415);
    const elsewhere = await fetch(`${identity.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'email,password\n',
    });
    expect(elsewhere.status).toBe(415);
    const unknownQuery = await importPeople(identity, admin.token, csv(), { dryRun: 'yes' });
    expect(unknownQuery.status).toBe(400);
  });

  it('answers anyone but an admin before reading a byte of their file', async () => {
    const employee = await identity.register();
    for (const [token, status] of [
      [undefined, 401],
      ['not-a-token', 401],
      [employee.token, 403],
    ] as const) {
      const { head, bodyBytesSent } = await answerToUnfinishedUpload(identity, token, 5 * 1024 * 1024);
      expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(head).toMatch(/content-type: application\/problem\+json/i);
      expect(bodyBytesSent).toBeLessThan(5 * 1024 * 1024);
    }
  });

  it('takes a file past the 100 KiB other bodies are held to, up to 10 MiB', async () => {
    const lines = Array.from(
      { length: 2000 },
      (_, index) => `${newEmail()},Person ${index} with a long name,Engineer,,,,,`,
    );
    const large = await importPeople(identity, admin.token, csv(...lines), { dryRun: 'true' });
    expect(large.status).toBe(200);
    expect(large.body.summary).toMatchObject({ people: 2000, created: 2000 });
    const tooLarge = await importPeople(identity, admin.token, 'x'.repeat(10 * 1024 * 1024 + 1), {
      dryRun: 'true',
    });
    expect(tooLarge.status).toBe(413);
  });

  it('runs from the command line on the same database, and exits non-zero on bad lines', async () => {
    const [ana, ben] = [newEmail(), newEmail()];
    const directory = mkdtempSync(path.join(tmpdir(), 'people-'));
    const good = path.join(directory, 'people.csv');
    const bad = path.join(directory, 'bad.csv');
    writeFileSync(good, csv(`${ana},Ana,,,,${ben},,`, `${ben},Ben,,,,,,`));
    writeFileSync(bad, csv(`${ana},,,,,,,`));
    const options = database().options;
    if (options.type !== 'postgres' || options.url === undefined)
      throw new Error('identity runs on a PostgreSQL URL');
    const databaseUrl = options.url;
    const run = (file: string) =>
      promisify(execFile)(
        process.execPath,
        ['-r', '@swc-node/register', 'services/identity/src/import-people.ts', file, '--json'],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            SWC_NODE_PROJECT: 'tsconfig.json',
            DATABASE_URL: databaseUrl,
            ALLOWED_EMAIL_DOMAINS: 'acme.com',
          },
        },
      );

    const { stdout } = await run(good);
    expect(JSON.parse(stdout)).toMatchObject({ applied: true, summary: { created: 2, invited: 2 } });
    const anaRow = await stored(ana);
    expect(anaRow).toMatchObject({ manager_id: (await stored(ben))?.id, manager_source: 'csv' });
    expect(await auditOf(anaRow?.id ?? '')).toEqual([
      expect.objectContaining({ actorType: 'csv', action: 'employee.created' }),
    ]);
    // identity's own relay publishes what the command wrote to the outbox.
    const [registered] = await identity.eventsAbout(Topics.employees, anaRow?.id ?? '', 1);
    expect(registered).toMatchObject({ type: 'EmployeeRegistered' });

    await expect(run(bad)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"message": "the name is required"'),
    });
  });
});

describe('people the file does not list', () => {
  let identity: IdentityApp;
  let admin: RegisteredEmployee;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_people_import_missing');
    admin = await identity.admin();
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('are reported, deactivated only when asked, never the admin importing; a deactivated one listed is back', async () => {
    const stays = await identity.register({ name: 'Stays' });
    const leaves = await identity.register({ name: 'Leaves' });
    const back = await identity.register({ name: 'Back' });
    await identity.call('POST', `/v1/employees/${back.id}/deactivate`, { token: admin.token });
    const file = csv(`${stays.email},Stays,,,,,,`, `${back.email},Back,,,,,,`);

    const reported = await importPeople(identity, admin.token, file);
    expect(reported.body).toMatchObject({
      summary: { updated: 1, reactivated: 1, missing: 2, deactivated: 0 },
    });
    expect(reported.body.missing).toEqual(
      expect.arrayContaining([
        { employeeId: leaves.id, email: leaves.email, name: 'Leaves', deactivated: false },
        { employeeId: admin.id, email: admin.email, name: 'Ada Admin', deactivated: false },
      ]),
    );
    expect(
      (await identity.call('GET', `/v1/employees/${back.id}`, { token: admin.token })).body,
    ).toMatchObject({
      active: true,
    });

    const deactivating = await importPeople(identity, admin.token, file, { deactivateMissing: 'true' });
    expect(deactivating.body).toMatchObject({ summary: { missing: 2, deactivated: 1, unchanged: 2 } });
    expect(
      (await identity.call('GET', `/v1/employees/${leaves.id}`, { token: admin.token })).body,
    ).toMatchObject({
      active: false,
    });
    expect(
      (await identity.call('GET', `/v1/employees/${admin.id}`, { token: admin.token })).body,
    ).toMatchObject({
      active: true,
    });
    const audit = await identity.call<{ items: Array<{ actorType: string; action: string }> }>(
      'GET',
      `/v1/admin/audit-log?employeeId=${leaves.id}`,
      { token: admin.token },
    );
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actorType: 'csv', action: 'employee.deactivated' }),
    ]);
  });
});
