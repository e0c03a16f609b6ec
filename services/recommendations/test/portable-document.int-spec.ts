import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { JWK } from 'jose';
import {
  verifyRecommendationsDocument,
  type SignedRecommendationsDocument,
} from '../src/recommendations/domain/portable-document';
import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

const repoRoot = path.resolve(__dirname, '../../..');
const REVISED_TEXT = 'Ana made every release calmer, and later led the whole migration to the new platform.';

describe('the signed document of the recommendations an employee received', () => {
  let service: RecommendationsTestApp;
  const signingKey = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('document', {
      DOCUMENT_SIGNING_KEY: signingKey,
      DOCUMENT_ISSUER_NAME: 'Acme',
      PUBLIC_URL: 'https://vouch.acme.example',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  async function write(author: TestEmployee, subject: TestEmployee, relationship: string): Promise<string> {
    const { status, body } = await service.request<{ id: string }>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship, text: SAMPLE_TEXT },
    });
    expect(status).toBe(201);
    return body.id;
  }

  async function act(employee: TestEmployee, method: string, path: string, body?: unknown): Promise<void> {
    const { status } = await service.request(method, path, { token: employee.token, body });
    expect(status).toBeLessThan(300);
  }

  const documentOf = async (employee: TestEmployee) =>
    service.request<SignedRecommendationsDocument>('GET', '/v1/recommendations/received/document', {
      token: employee.token,
    });

  const publishedKeys = async (): Promise<JWK[]> => {
    const { status, body, headers } = await service.request<{ keys: JWK[] }>(
      'GET',
      '/.well-known/vouch-document-keys.json',
    );
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('public, max-age=3600');
    return body.keys;
  };

  /** Ana, with one recommendation in each state a recommendation can be in. */
  async function anaWithEveryKindOfRecommendation() {
    const [ana, boss, peer, report, shy, gone] = (await service.hire(
      { name: 'Ana Lima', title: 'Engineer' },
      { name: 'Ben Ode', title: 'Engineering manager' },
      { name: 'Cleo Park', title: 'Designer' },
      { name: 'Dev Rao', title: 'Junior engineer' },
      { name: 'Eli Shy' },
      { name: 'Fay Gone' },
    )) as [TestEmployee, TestEmployee, TestEmployee, TestEmployee, TestEmployee, TestEmployee];
    await service.connect([ana, boss], [ana, peer], [ana, report], [ana, shy], [ana, gone]);

    const accepted = await write(boss, ana, 'supervisor');
    await act(ana, 'POST', `/v1/recommendations/${accepted}/accept`);
    const revisedThenAccepted = await write(peer, ana, 'coworker');
    await act(peer, 'PUT', `/v1/recommendations/${revisedThenAccepted}`, { text: REVISED_TEXT });
    await act(ana, 'POST', `/v1/recommendations/${revisedThenAccepted}/accept`);
    const hidden = await write(report, ana, 'subordinate');
    await act(ana, 'POST', `/v1/recommendations/${hidden}/accept`);
    await act(ana, 'POST', `/v1/recommendations/${hidden}/hide`);
    await write(shy, ana, 'coworker'); // pending: Ana never accepted it
    const withdrawn = await write(gone, ana, 'coworker');
    await act(ana, 'POST', `/v1/recommendations/${withdrawn}/accept`);
    await act(gone, 'DELETE', `/v1/recommendations/${withdrawn}`);
    return { ana, accepted, revisedThenAccepted };
  }

  it('holds what my profile shows, signed with a key the company publishes', async () => {
    const { ana, accepted, revisedThenAccepted } = await anaWithEveryKindOfRecommendation();

    const { status, body, headers } = await documentOf(ana);

    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(await verifyRecommendationsDocument(body, await publishedKeys())).toMatchObject({
      valid: true,
      keyPublished: true,
    });
    expect(body.document).toEqual({
      format: 'vouch.recommendations-received/1',
      issuer: {
        name: 'Acme',
        url: 'https://vouch.acme.example',
        keysUrl: 'https://vouch.acme.example/.well-known/vouch-document-keys.json',
      },
      issuedAt: expect.any(String),
      subject: { id: ana.id, name: 'Ana Lima', title: 'Engineer' },
      recommendations: [
        {
          id: revisedThenAccepted,
          author: { name: 'Cleo Park', title: 'Designer' },
          relationship: 'coworker',
          text: REVISED_TEXT,
          verified: false,
          writtenAt: expect.any(String),
          revisedAt: expect.any(String),
        },
        {
          id: accepted,
          author: { name: 'Ben Ode', title: 'Engineering manager' },
          relationship: 'supervisor',
          text: SAMPLE_TEXT,
          verified: false,
          writtenAt: expect.any(String),
          revisedAt: null,
        },
      ],
    });
    expect(Date.now() - Date.parse(body.document.issuedAt)).toBeLessThan(60_000);
  });

  it('no longer verifies once a text in it is changed', async () => {
    const { ana } = await anaWithEveryKindOfRecommendation();
    const { body } = await documentOf(ana);
    const tampered = structuredClone(body);
    const [first] = tampered.document.recommendations;
    if (first) first.text = 'Ana single-handedly saved the company, twice, in one week.';

    expect(await verifyRecommendationsDocument(tampered, await publishedKeys())).toEqual({
      valid: false,
      reason: 'the readable document differs from the signed one: the file was altered',
    });
  });

  it('is empty, yet signed, for someone with no recommendation on their profile', async () => {
    const [newcomer] = (await service.hire({ name: 'Gil New' })) as [TestEmployee];

    const { status, body } = await documentOf(newcomer);

    expect(status).toBe(200);
    expect(body.document.recommendations).toEqual([]);
    expect(await verifyRecommendationsDocument(body, await publishedKeys())).toMatchObject({ valid: true });
  });

  it('is given to a signed-in employee only', async () => {
    const { status } = await service.request('GET', '/v1/recommendations/received/document');

    expect(status).toBe(401);
  });

  it('is checked by `npm run verify-document`: valid as issued, invalid once altered, each with its reason', async () => {
    const { ana } = await anaWithEveryKindOfRecommendation();
    const { body } = await documentOf(ana);
    const directory = mkdtempSync(path.join(tmpdir(), 'document-'));
    const valid = path.join(directory, 'ana.json');
    const tampered = path.join(directory, 'ana-tampered.json');
    const keys = path.join(directory, 'keys.json');
    writeFileSync(valid, JSON.stringify(body, null, 2));
    const altered = structuredClone(body);
    altered.document.subject.title = 'Chief technology officer';
    writeFileSync(tampered, JSON.stringify(altered, null, 2));
    writeFileSync(keys, JSON.stringify({ keys: await publishedKeys() }));
    const verifyDocument = (...args: string[]) =>
      promisify(execFile)(
        process.execPath,
        ['-r', '@swc-node/register', 'services/recommendations/src/verify-document.ts', ...args],
        { cwd: repoRoot, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' } },
      );

    const { stdout } = await verifyDocument(valid, '--keys', keys);
    expect(stdout).toContain('subject:         Ana Lima (Engineer)');
    expect(stdout).toContain('issuer:          Acme <https://vouch.acme.example>');
    expect(stdout).toContain(`issued at:       ${body.document.issuedAt}`);
    expect(stdout).toMatch(/key id \(kid\): +\S{43}\n/);
    expect(stdout).toContain('recommendations: 2');
    expect(stdout).toContain(`valid: signed with a key the issuer publishes (${keys})`);

    await expect(verifyDocument(tampered, '--keys', keys)).rejects.toMatchObject({
      code: 1,
      stdout: 'invalid: the readable document differs from the signed one: the file was altered\n',
    });

    // Keys of another company: the document's own key is not among them.
    writeFileSync(keys, JSON.stringify({ keys: [] }));
    await expect(verifyDocument(valid, '--keys', keys)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /^invalid: signed with key \S+, which is not among the published keys\n$/,
      ),
    });
  });
});
