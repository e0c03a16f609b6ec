// @ts-check
/**
 * The development company IdP: an OpenID Connect provider (`oidc-provider`, OpenID Certified) that
 * plays the company's Entra ID, Okta or Google in local runs and tests, so "Sign in with your company
 * account" works without one. Never for production: anyone who can reach it signs in as anyone it
 * knows, by typing their email.
 *
 * It knows people (sub, email, email_verified, name, groups, and Entra's oid and xms_edov when given)
 * and clients (the relying parties, Vouch's identity) that `POST /dev/users` and `POST /dev/clients`
 * add, or that the file named by DEV_IDP_PEOPLE (or DEV_IDP_PEOPLE_JSON itself) lists, and clients
 * from DEV_IDP_CLIENTS (JSON). `npm start` runs it. Run it alone with
 * `node tools/dev-idp/dev-idp.mjs` (DEV_IDP_PORT, default 3099); tests start it through
 * libs/testing's DevIdp.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Provider from 'oidc-provider';

/** @typedef {{ sub: string, email: string, email_verified: boolean, name: string, groups: string[], oid?: string, xms_edov?: boolean }} Person */
/** @typedef {{ client_id: string, client_secret: string, redirect_uris: string[] }} RelyingParty */

const MARK = 'Development company IdP';

/** oidc-provider's storage, in memory: sessions, codes and grants live as long as the process. */
class MemoryStore {
  /** @type {Map<string, { payload: Record<string, unknown>, expiresAt: number }>} */
  entries = new Map();

  /** @param {string} key */
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  /** @param {string} key @param {Record<string, unknown>} payload @param {number | undefined} expiresIn */
  set(key, payload, expiresIn) {
    this.entries.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
  }
}

/** @param {MemoryStore} store @param {Map<string, RelyingParty>} clients */
function adapterFor(store, clients) {
  return class DevAdapter {
    /** @param {string} model */
    constructor(model) {
      this.model = model;
    }
    /** @param {string} id */
    key(id) {
      return `${this.model}:${id}`;
    }
    /** @param {string} id @param {Record<string, unknown>} payload @param {number} expiresIn */
    async upsert(id, payload, expiresIn) {
      store.set(this.key(id), payload, expiresIn);
      if (typeof payload.uid === 'string') store.set(`uid:${this.model}:${payload.uid}`, { id }, expiresIn);
      if (typeof payload.grantId === 'string') {
        const grant = store.get(`grant:${payload.grantId}`) ?? { keys: [] };
        store.set(
          `grant:${payload.grantId}`,
          { keys: [.../** @type {string[]} */ (grant.keys), this.key(id)] },
          undefined,
        );
      }
    }
    /** @param {string} id */
    async find(id) {
      if (this.model === 'Client') {
        const client = clients.get(id);
        return (
          client && {
            ...client,
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          }
        );
      }
      return store.get(this.key(id));
    }
    /** @param {string} uid */
    async findByUid(uid) {
      const pointer = store.get(`uid:${this.model}:${uid}`);
      return pointer ? this.find(String(pointer.id)) : undefined;
    }
    async findByUserCode() {
      return undefined;
    }
    /** @param {string} id */
    async consume(id) {
      const payload = store.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    /** @param {string} id */
    async destroy(id) {
      store.entries.delete(this.key(id));
    }
    /** @param {string} grantId */
    async revokeByGrantId(grantId) {
      const grant = store.get(`grant:${grantId}`);
      for (const key of /** @type {string[]} */ (grant?.keys ?? [])) store.entries.delete(key);
      store.entries.delete(`grant:${grantId}`);
    }
  };
}

/** @param {string} text */
const html = (text) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** @param {string} uid @param {string} clientName @param {Person[]} people @param {string} [error] */
function loginPage(uid, clientName, people, error) {
  const known = people
    .slice(0, 200)
    .map((person) => `<option value="${html(person.email)}">${html(person.name)}</option>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${MARK}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}
.mark{background:#fde68a;padding:.5rem .75rem;border-radius:.375rem}input,button{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;margin:.25rem 0}
.error{color:#b91c1c}</style></head>
<body>
<p class="mark"><strong>${MARK}</strong>: for local runs and tests only. It signs in anyone it knows by their email, without a password.</p>
<h1>Sign in to ${html(clientName)}</h1>
${error ? `<p class="error" role="alert">${html(error)}</p>` : ''}
<form method="post" action="/interaction/${html(uid)}/login">
<label for="login">Work email</label>
<input id="login" name="login" type="text" autocomplete="username" list="people" required autofocus>
<datalist id="people">${known}</datalist>
<button type="submit">Sign in</button>
</form>
</body></html>`;
}

/** @param {import('node:http').IncomingMessage} request @returns {Promise<string>} */
async function bodyOf(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {Partial<Person> & { email: string }} fields @returns {Person} */
function personOf(fields) {
  if (typeof fields.email !== 'string' || !fields.email.includes('@'))
    throw new Error('a person needs an email');
  return {
    sub: fields.sub ?? randomUUID(),
    email: fields.email,
    email_verified: fields.email_verified ?? true,
    name: fields.name ?? fields.email,
    groups: fields.groups ?? [],
    ...(fields.oid === undefined ? {} : { oid: fields.oid }),
    ...(fields.xms_edov === undefined ? {} : { xms_edov: fields.xms_edov }),
  };
}

/**
 * Starts the development IdP on 127.0.0.1.
 * @param {{ port?: number, host?: string, people?: Array<Partial<Person> & { email: string }>, clients?: RelyingParty[], adminToken?: string }} [options]
 */
export async function startDevIdp(options = {}) {
  /** @type {Map<string, Person>} */
  const people = new Map();
  /** @type {Map<string, RelyingParty>} */
  const clients = new Map();
  const addPerson = (/** @type {Partial<Person> & { email: string }} */ fields) => {
    const person = personOf(fields);
    people.set(person.sub, person);
    return person;
  };
  for (const person of options.people ?? []) addPerson(person);
  for (const client of options.clients ?? []) clients.set(client.client_id, client);

  const server = createServer();
  const host = options.host ?? '127.0.0.1';
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the dev IdP has no port');
  const issuer = `http://${host}:${address.port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    adapter: adapterFor(new MemoryStore(), clients),
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // The claims a company's IdP puts in the ID token: Entra's oid, xms_edov and groups among them.
    claims: {
      openid: ['sub', 'oid', 'xms_edov', 'groups'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    conformIdTokenClaims: false,
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 900,
      Session: 86_400,
      Grant: 86_400,
    },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const person = people.get(sub);
      return person && { accountId: sub, claims: async () => ({ ...person }) };
    },
    // The company's own app: nobody is asked to consent to it.
    loadExistingGrant: async (ctx) => {
      const oidc = ctx.oidc;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session?.accountId;
      if (!clientId || !accountId) return undefined;
      const existing = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const oidcHandler = provider.callback();

  server.on('request', (request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error instanceof Error ? error.message : error));
    });
  });

  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  async function handle(request, response) {
    const url = new URL(request.url ?? '/', issuer);
    if (url.pathname.startsWith('/dev/')) return devApi(request, response, url.pathname);
    const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (interaction) {
      const details = await provider.interactionDetails(request, response);
      const client = await provider.Client.find(String(details.params.client_id));
      const clientName = String(client?.clientName ?? client?.clientId ?? 'the application');
      if (request.method === 'POST' && interaction[2]) {
        const login = new URLSearchParams(await bodyOf(request)).get('login')?.trim() ?? '';
        const person =
          people.get(login) ??
          [...people.values()].find((p) => p.email.toLowerCase() === login.toLowerCase());
        if (!person) {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return response.end(
            loginPage(details.uid, clientName, [...people.values()], `Nobody here is ${login}.`),
          );
        }
        return provider.interactionFinished(
          request,
          response,
          { login: { accountId: person.sub } },
          {
            mergeWithLastSubmission: false,
          },
        );
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return response.end(loginPage(details.uid, clientName, [...people.values()]));
    }
    return oidcHandler(request, response);
  }

  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response @param {string} pathname */
  async function devApi(request, response, pathname) {
    const answer = (/** @type {number} */ status, /** @type {unknown} */ body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (options.adminToken && request.headers.authorization !== `Bearer ${options.adminToken}`)
      return answer(401, { error: 'the dev IdP admin token is required' });
    if (request.method === 'GET' && pathname === '/dev/users') return answer(200, [...people.values()]);
    if (request.method !== 'POST') return answer(405, { error: 'POST' });
    try {
      const body = JSON.parse(await bodyOf(request));
      if (pathname === '/dev/users') {
        const list = Array.isArray(body) ? body : [body];
        return answer(201, list.map(addPerson));
      }
      if (pathname === '/dev/clients') {
        if (
          typeof body.client_id !== 'string' ||
          typeof body.client_secret !== 'string' ||
          !Array.isArray(body.redirect_uris)
        )
          return answer(400, { error: 'client_id, client_secret and redirect_uris are required' });
        clients.set(body.client_id, {
          client_id: body.client_id,
          client_secret: body.client_secret,
          redirect_uris: body.redirect_uris,
        });
        return answer(201, { client_id: body.client_id });
      }
    } catch (error) {
      return answer(400, { error: error instanceof Error ? error.message : String(error) });
    }
    return answer(404, { error: 'unknown' });
  }

  return {
    issuer,
    /** @param {Partial<Person> & { email: string }} fields */
    addPerson,
    /** @param {RelyingParty} client */
    addClient: (client) => clients.set(client.client_id, client),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const clients = process.env.DEV_IDP_CLIENTS ? JSON.parse(process.env.DEV_IDP_CLIENTS) : [];
  const people = [
    ...(process.env.DEV_IDP_PEOPLE ? JSON.parse(readFileSync(process.env.DEV_IDP_PEOPLE, 'utf8')) : []),
    ...(process.env.DEV_IDP_PEOPLE_JSON ? JSON.parse(process.env.DEV_IDP_PEOPLE_JSON) : []),
  ];
  const idp = await startDevIdp({
    port: Number(process.env.DEV_IDP_PORT ?? 3099),
    clients,
    people,
    adminToken: process.env.DEV_IDP_ADMIN_TOKEN || undefined,
  });
  // The first line of standard output is the issuer: whoever started it reads it there.
  process.stdout.write(`${idp.issuer}\n`);
  process.stderr.write(
    `[dev-idp] ${MARK} at ${idp.issuer} (${clients.length} client(s), ${people.length} people)\n`,
  );
  const stop = () => idp.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
