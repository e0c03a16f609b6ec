// @ts-check
/**
 * `npm run demo`: a small company on a running Vouch (`npm start`), through the public HTTP APIs
 * only. Registers about thirty employees, has the company's identity provider draw the org chart
 * over SCIM (or, without its token, the admin), connects colleagues (manager, reports, peers), asks
 * for and writes recommendations, accepts most of them, then prints what to look at: the nudges in
 * the maildev inbox and one employee's balance. Every run uses email addresses of its own, so it can
 * run again on the same platform.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const env = process.env;
/** The services' base URLs; the defaults are where `npm start` runs them. */
const URLS = {
  identity: env.IDENTITY_URL ?? 'http://127.0.0.1:3001',
  connections: env.CONNECTIONS_URL ?? 'http://127.0.0.1:3002',
  recommendations: env.RECOMMENDATIONS_URL ?? 'http://127.0.0.1:3003',
  notifications: env.NOTIFICATIONS_URL ?? 'http://127.0.0.1:3004',
};
const MAILDEV_URL = env.MAILDEV_URL ?? 'http://127.0.0.1:1080';
/** Where `npm start` leaves the SCIM token of its run, when SCIM_TOKEN does not name one. */
const SCIM_TOKEN_FILE = new URL('../.local/run/scim-token', import.meta.url);
/** Where `npm start` leaves its development company IdP's issuer and admin token. */
const DEV_IDP_FILE = new URL('../.local/run/dev-idp.json', import.meta.url);
const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/** The admin must be one of identity's ADMIN_EMAILS to draw the org chart. */
const ADMIN_EMAIL = env.DEMO_ADMIN_EMAIL ?? env.ADMIN_EMAILS?.split(',')[0]?.trim() ?? 'admin@acme.com';
const ADMIN_PASSWORD = 'vouch demo admin passphrase';
const PASSWORD = 'vouch demo passphrase';
const RUN_ID = `${Date.now().toString(36).slice(-4)}${randomBytes(2).toString('hex')}`;
/** How long a service may take to learn, through Kafka, what another one just did. */
const CATCH_UP_MS = 60_000;

/**
 * @typedef {'supervisor' | 'coworker' | 'subordinate'} Relationship
 * @typedef {{ key: string, name: string, title: string, manager: string | null, did: string }} Person
 * @typedef {Person & { id: string, email: string, token: string }} Employee
 */

/**
 * Acme's org chart: `manager` is the key of the person's manager; `did` is what colleagues remember.
 * @type {Person[]}
 */
const COMPANY = [
  {
    key: 'helena',
    name: 'Helena Costa',
    title: 'Chief Executive Officer',
    manager: null,
    did: 'steered us through the fundraising and kept every team informed, week after week',
  },
  {
    key: 'ana',
    name: 'Ana Lima',
    title: 'VP Engineering',
    manager: 'helena',
    did: 'grew engineering from eight to twenty people without losing the way we work',
  },
  {
    key: 'daniel',
    name: 'Daniel Kim',
    title: 'Head of Product',
    manager: 'helena',
    did: 'turned a wall of customer requests into a roadmap everyone could explain',
  },
  {
    key: 'esther',
    name: 'Esther Nwosu',
    title: 'Head of Sales',
    manager: 'helena',
    did: 'opened the public sector market and signed our three largest customers',
  },
  {
    key: 'ben',
    name: 'Ben Okafor',
    title: 'Engineering Manager, Platform',
    manager: 'ana',
    did: 'rebuilt our release pipeline so that a deploy became a non-event',
  },
  {
    key: 'chloe',
    name: 'Chloé Martin',
    title: 'Engineering Manager, Product',
    manager: 'ana',
    did: 'ran the checkout redesign across four teams and shipped it on the planned day',
  },
  {
    key: 'farid',
    name: 'Farid Haddad',
    title: 'Staff Engineer',
    manager: 'ben',
    did: 'designed the event backbone that every service now publishes through',
  },
  {
    key: 'grace',
    name: 'Grace Liu',
    title: 'Senior Engineer',
    manager: 'ben',
    did: 'cut our cloud bill by a third by profiling what nobody had looked at in years',
  },
  {
    key: 'hugo',
    name: 'Hugo Schmidt',
    title: 'Site Reliability Engineer',
    manager: 'ben',
    did: 'wrote the on-call runbooks that turned night pages into five-minute fixes',
  },
  {
    key: 'ines',
    name: 'Inês Carvalho',
    title: 'Engineer',
    manager: 'ben',
    did: 'moved our databases to the new cluster with no downtime at all',
  },
  {
    key: 'jonas',
    name: 'Jonas Berg',
    title: 'Engineer',
    manager: 'ben',
    did: 'built the internal tooling that new hires now use on their first day',
  },
  {
    key: 'kemi',
    name: 'Kemi Adeyemi',
    title: 'Engineer',
    manager: 'ben',
    did: 'found and fixed the flaky tests that had slowed every merge for months',
  },
  {
    key: 'luca',
    name: 'Luca Romano',
    title: 'Senior Engineer',
    manager: 'chloe',
    did: 'led the payments integration and its security review from start to finish',
  },
  {
    key: 'maya',
    name: 'Maya Patel',
    title: 'Frontend Engineer',
    manager: 'chloe',
    did: 'made our web app accessible, screen readers and keyboards included',
  },
  {
    key: 'nils',
    name: 'Nils Johansson',
    title: 'Engineer',
    manager: 'chloe',
    did: 'rewrote search so that results come back in a tenth of the time',
  },
  {
    key: 'olga',
    name: 'Olga Petrova',
    title: 'Mobile Engineer',
    manager: 'chloe',
    did: 'shipped our first mobile app, and its four-and-a-half-star rating',
  },
  {
    key: 'pedro',
    name: 'Pedro Alves',
    title: 'Engineer',
    manager: 'chloe',
    did: 'untangled the pricing code that everybody else was afraid to touch',
  },
  {
    key: 'quinn',
    name: 'Quinn Murphy',
    title: 'Engineer',
    manager: 'chloe',
    did: 'ran our experiments platform and taught product how to read the results',
  },
  {
    key: 'rosa',
    name: 'Rosa Delgado',
    title: 'Senior Product Manager',
    manager: 'daniel',
    did: 'talked to forty customers before writing a single line of the onboarding spec',
  },
  {
    key: 'sam',
    name: 'Sam Whitaker',
    title: 'Product Manager',
    manager: 'daniel',
    did: 'launched the reporting module that our largest customers now live in',
  },
  {
    key: 'tariq',
    name: 'Tariq Aziz',
    title: 'Product Manager',
    manager: 'daniel',
    did: 'cut the backlog in half by saying a clear, kind no to what did not matter',
  },
  {
    key: 'uma',
    name: 'Uma Reddy',
    title: 'Product Designer',
    manager: 'daniel',
    did: 'built our design system, which made every screen since faster to ship',
  },
  {
    key: 'victor',
    name: 'Victor Dubois',
    title: 'UX Researcher',
    manager: 'daniel',
    did: 'set up the research panel that keeps us honest about what users need',
  },
  {
    key: 'wen',
    name: 'Wen Zhao',
    title: 'Product Designer',
    manager: 'daniel',
    did: 'redesigned the mobile flows and halved the support tickets about them',
  },
  {
    key: 'xavier',
    name: 'Xavier Moreau',
    title: 'Account Executive',
    manager: 'esther',
    did: 'closed the hospital group deal after a year of patient relationship building',
  },
  {
    key: 'yara',
    name: 'Yara Haddad',
    title: 'Account Executive',
    manager: 'esther',
    did: 'beat her quota every quarter while mentoring two new colleagues',
  },
  {
    key: 'zoe',
    name: 'Zoe Walsh',
    title: 'Sales Engineer',
    manager: 'esther',
    did: 'built the demo environment that wins us technical evaluations',
  },
  {
    key: 'adam',
    name: 'Adam Novak',
    title: 'Customer Success Manager',
    manager: 'esther',
    did: 'brought our renewal rate to ninety-six percent with careful quarterly reviews',
  },
  {
    key: 'bea',
    name: 'Bea Santos',
    title: 'Sales Development Rep',
    manager: 'esther',
    did: 'rebuilt our outreach playbook and doubled the meetings it books',
  },
  {
    key: 'carl',
    name: 'Carl Jensen',
    title: 'Account Executive',
    manager: 'esther',
    did: 'turned a churning customer into our best reference in one quarter',
  },
];

const QUALITIES = [
  'calm under pressure, clear in writing and generous with credit',
  'curious, rigorous and always the first to help a colleague who is stuck',
  'direct and kind at once, which is rarer than it should be',
  'a careful listener who turns vague problems into plans people can follow',
  'reliable to the bone: what is promised on Monday is there on Friday',
  'patient with newcomers and demanding of the work, starting with their own',
];

// ---------------------------------------------------------------------------------------------- HTTP

/**
 * @param {keyof typeof URLS} service @param {string} method @param {string} path
 * @param {{ token?: string, body?: unknown }} [options]
 * @returns {Promise<{ status: number, body: unknown }>}
 */
async function call(service, method, path, { token, body } = {}) {
  const response = await fetch(`${URLS[service]}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/**
 * A call that must answer `expected`. A service answers 403/404 about colleagues or connections it
 * has not heard of yet (it learns of them through Kafka a moment later): those are retried.
 * @param {number} expected @param {keyof typeof URLS} service @param {string} method @param {string} path
 * @param {{ token?: string, body?: unknown }} [options]
 * @returns {Promise<unknown>}
 */
async function mustAnswer(expected, service, method, path, options) {
  const deadline = Date.now() + CATCH_UP_MS;
  for (;;) {
    const answer = await call(service, method, path, options);
    if (answer.status === expected) return answer.body;
    const catchingUp = answer.status === 403 || answer.status === 404;
    if (!catchingUp || Date.now() > deadline)
      throw new Error(
        `${method} ${URLS[service]}${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    await sleep(250);
  }
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------------------------------ progress

const log = (/** @type {string} */ line) => process.stderr.write(`[demo] ${line}\n`);

/**
 * Runs `work` on every item, a few at a time, showing how many are done.
 * @template T
 * @param {string} label @param {T[]} items @param {(item: T) => Promise<unknown>} work
 */
async function each(label, items, work, concurrency = 4) {
  let done = 0;
  const show = () => {
    if (process.stderr.isTTY) process.stderr.write(`\r[demo] ${label}: ${done}/${items.length}`);
  };
  show();
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        await work(item);
        done += 1;
        show();
      }
    }),
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  else log(`${label}: ${done}/${items.length}`);
}

// ------------------------------------------------------------------------------------------- company

function emailOf(/** @type {Person} */ person) {
  const local = person.name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .toLowerCase()
    .replace(/ /g, '.');
  return `${local}.${RUN_ID}@acme.com`;
}

function firstName(/** @type {Person} */ person) {
  return person.name.split(' ')[0];
}

/** A recommendation as a colleague would write it, consistent with who was whose manager. */
function recommendationText(
  /** @type {Person} */ author,
  /** @type {Person} */ subject,
  /** @type {Relationship} */ relationship,
) {
  const name = firstName(subject);
  const quality = QUALITIES[(author.key.charCodeAt(0) + subject.key.charCodeAt(0)) % QUALITIES.length];
  const opening = {
    supervisor: `I was ${name}'s manager while ${name} was our ${subject.title}.`,
    subordinate: `${name} was my manager when I joined as ${author.title}.`,
    coworker: `${name} and I worked side by side as colleagues on the same team.`,
  }[relationship];
  const closing = {
    supervisor: `I would hire ${name} again tomorrow.`,
    subordinate: `${name} made me better at my job, and I would gladly work for ${name} again.`,
    coworker: `Any team would be lucky to have ${name}.`,
  }[relationship];
  return `${opening} ${name} ${subject.did}. ${name} is ${quality}. ${closing}`;
}

/**
 * @typedef {{ accessToken: string }} TokenAnswer
 * @typedef {{ id: string }} Created
 * @typedef {{ items: Array<{ id: string, status: string }> }} RecommendationPage
 * @typedef {{ counts: Record<Relationship, number>, missing: Relationship[],
 *   suggestions: Array<{ employeeId: string, reason: string }> }} Balance
 */

/** The admin's token: logged in, or on the first run signed up (and the address confirmed). */
async function adminToken() {
  const loggedIn = await call('identity', 'POST', '/v1/auth/login', {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  });
  if (loggedIn.status === 200) return /** @type {TokenAnswer} */ (loggedIn.body).accessToken;
  if (loggedIn.status !== 401)
    throw new Error(
      `cannot log in as ${ADMIN_EMAIL} (${loggedIn.status}); set DEMO_ADMIN_EMAIL to another admin`,
    );
  const { accessToken } = await signUpAndConfirm({
    email: ADMIN_EMAIL,
    password: ADMIN_PASSWORD,
    name: 'Acme Admin',
    title: 'People Operations',
  });
  return accessToken;
}

/**
 * Signs someone up and confirms the address as they would: the link of the "Confirm your email"
 * email that identity sent to maildev, its token posted (the portal's button does the same).
 * @param {{ email: string, password: string, name: string, title?: string }} body
 * @returns {Promise<TokenAnswer & { employee: Created }>}
 */
async function signUpAndConfirm(body) {
  const address = body.email.toLowerCase();
  const before = (await confirmationEmailsTo(address)).length;
  await mustAnswer(202, 'identity', 'POST', '/v1/auth/register', { body });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const emails = await confirmationEmailsTo(address);
    const token =
      emails.length > before
        ? /#token=([A-Za-z0-9_-]+)/.exec(emails[emails.length - 1]?.text ?? '')?.[1]
        : undefined;
    if (token) {
      const confirmed = await mustAnswer(200, 'identity', 'POST', '/v1/auth/email-confirmations', {
        body: { token },
      });
      return /** @type {TokenAnswer & { employee: Created }} */ (confirmed);
    }
    if (Date.now() > deadline)
      throw new Error(
        `no "Confirm your email" email to ${address} in ${MAILDEV_URL}: is identity's SMTP_URL maildev?`,
      );
    await sleep(250);
  }
}

async function confirmationEmailsTo(/** @type {string} */ address) {
  const response = await fetch(`${MAILDEV_URL}/email`);
  const all = /** @type {Email[]} */ (await response.json());
  return all.filter(
    (email) => email.subject === 'Confirm your email' && email.to.some((to) => to.address === address),
  );
}

function isAdmin(/** @type {string} */ token) {
  const payload = /** @type {{ roles?: unknown }} */ (
    JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
  );
  return Array.isArray(payload.roles) && payload.roles.includes('admin');
}

/** @returns {Promise<Employee>} */
async function register(/** @type {Person} */ person, /** @type {Map<string, Employee>} */ staff) {
  const { employee: created, accessToken } = await signUpAndConfirm({
    email: emailOf(person),
    password: PASSWORD,
    name: person.name,
    title: person.title,
  });
  const employee = { ...person, id: created.id, email: emailOf(person), token: accessToken };
  staff.set(person.key, employee);
  return employee;
}

/**
 * The token identity's /scim/v2 accepts: SCIM_TOKEN, else the one `npm start` generated for its run
 * (which it prints, and leaves in .local/run/scim-token); undefined when neither is there.
 */
function scimToken() {
  if (env.SCIM_TOKEN) return env.SCIM_TOKEN;
  try {
    return readFileSync(SCIM_TOKEN_FILE, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who draws the org chart: the identity provider over SCIM when its token opens identity's
 * /scim/v2, else the admin; managers named at sign-up are refused (docs/api.md).
 * @returns {Promise<{ scim: string } | { admin: string }>}
 */
async function orgChartAuthority() {
  const token = scimToken();
  if (token) {
    const answer = await call('identity', 'GET', '/scim/v2/ServiceProviderConfig', { token });
    if (answer.status === 200) return { scim: token };
    log(
      answer.status === 401
        ? "the SCIM token (SCIM_TOKEN, or npm start's .local/run/scim-token) is not identity's: the admin draws the org chart"
        : `identity's SCIM answered ${answer.status}: the admin draws the org chart`,
    );
  }
  const admin = await adminToken();
  if (!isAdmin(admin))
    throw new Error(
      `no SCIM token and ${ADMIN_EMAIL} is not in identity's ADMIN_EMAILS, so nobody may draw the org chart: ` +
        'set SCIM_TOKEN to the token npm start prints, or start Vouch with ADMIN_EMAILS=admin@acme.com',
    );
  return { admin };
}

/**
 * The identity provider takes over an employee who signed up (SCIM adopts them by their email) and
 * places them under their manager.
 */
async function provision(
  /** @type {Person} */ person,
  /** @type {Map<string, Employee>} */ staff,
  /** @type {string} */ token,
) {
  await mustAnswer(201, 'identity', 'POST', '/scim/v2/Users', {
    token,
    body: {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE_USER],
      userName: get(staff, person.key).email,
      displayName: person.name,
      title: person.title,
      ...(person.manager ? { [ENTERPRISE_USER]: { manager: { value: get(staff, person.manager).id } } } : {}),
    },
  });
}

/** Everyone signs up; then the identity provider (or the admin) draws the org chart. */
async function hire() {
  /** @type {Map<string, Employee>} */
  const staff = new Map();
  const authority = await orgChartAuthority();
  await each('registering employees', COMPANY, (person) => register(person, staff));
  if ('scim' in authority) {
    await each('identity provider provisioning the org chart (SCIM)', COMPANY, (person) =>
      provision(person, staff, authority.scim),
    );
  } else {
    const reports = COMPANY.filter((person) => person.manager);
    await each('admin setting managers', reports, (person) =>
      mustAnswer(200, 'identity', 'PUT', `/v1/employees/${get(staff, person.key).id}/manager`, {
        token: authority.admin,
        body: { managerId: get(staff, person.manager ?? '').id },
      }),
    );
  }
  return staff;
}

/**
 * Tells `npm start`'s development company IdP about the company's people (their work email,
 * verified, as a company's IdP vouches for it), so each can "Sign in with your company account".
 * @returns {Promise<string | undefined>} the IdP's issuer, when there is one
 */
async function introduceToCompanyIdp(/** @type {Map<string, Employee>} */ staff) {
  /** @type {{ issuer: string, adminToken: string } | undefined} */
  let idp;
  try {
    idp = JSON.parse(readFileSync(DEV_IDP_FILE, 'utf8'));
  } catch {
    return undefined;
  }
  if (!idp) return undefined;
  const answer = await fetch(`${idp.issuer}/dev/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${idp.adminToken}` },
    body: JSON.stringify(
      [...staff.values()].map((employee) => ({
        email: employee.email,
        email_verified: true,
        name: employee.name,
      })),
    ),
  }).catch(() => undefined);
  if (answer?.status !== 201) {
    log(
      `the development company IdP at ${idp.issuer} did not take the company's people: sign in with passwords`,
    );
    return undefined;
  }
  log(`the development company IdP (${idp.issuer}) knows the company's people`);
  return idp.issuer;
}

/** @returns {Employee} */
function get(/** @type {Map<string, Employee>} */ staff, /** @type {string} */ key) {
  const employee = staff.get(key);
  if (!employee) throw new Error(`no employee ${key}`);
  return employee;
}

/** Each team: a manager and their reports, in org chart order. */
function teams(/** @type {Map<string, Employee>} */ staff) {
  const managers = COMPANY.filter((person) => COMPANY.some((other) => other.manager === person.key));
  return managers.map((manager) => ({
    manager: get(staff, manager.key),
    reports: COMPANY.filter((person) => person.manager === manager.key).map((person) =>
      get(staff, person.key),
    ),
  }));
}

/** Everyone connects with their manager and with the next two peers in their team. */
function colleaguesToConnect(/** @type {Map<string, Employee>} */ staff) {
  /** @type {Array<[Employee, Employee]>} */
  const pairs = [];
  for (const { manager, reports } of teams(staff)) {
    reports.forEach((report, index) => {
      pairs.push([report, manager]);
      for (const peer of reports.slice(index + 1, index + 3)) pairs.push([report, peer]);
    });
  }
  return pairs;
}

async function connect(/** @type {Employee} */ requester, /** @type {Employee} */ addressee) {
  const request = await mustAnswer(201, 'connections', 'POST', '/v1/connection-requests', {
    token: requester.token,
    body: { toEmployeeId: addressee.id, message: `Good to work with you, ${firstName(addressee)}!` },
  });
  await mustAnswer(
    200,
    'connections',
    'POST',
    `/v1/connection-requests/${/** @type {Created} */ (request).id}/accept`,
    {
      token: addressee.token,
    },
  );
  tally.connections += 1;
}

/** What this run did, for the summary. */
const tally = { connections: 0, requests: 0, recommendations: 0, accepted: 0 };

/** @returns {Promise<string>} the recommendation's id */
async function recommend(
  /** @type {Employee} */ author,
  /** @type {Employee} */ subject,
  /** @type {Relationship} */ relationship,
  /** @type {string | undefined} */ requestId = undefined,
) {
  const written = await mustAnswer(201, 'recommendations', 'POST', '/v1/recommendations', {
    token: author.token,
    body: {
      subjectId: subject.id,
      relationship,
      text: recommendationText(author, subject, relationship),
      requestId,
    },
  });
  tally.recommendations += 1;
  return /** @type {Created} */ (written).id;
}

/** @returns {Promise<string>} the request's id */
async function ask(
  /** @type {Employee} */ requester,
  /** @type {Employee} */ recipient,
  /** @type {Relationship} */ relationship,
) {
  const request = await mustAnswer(201, 'recommendations', 'POST', '/v1/recommendation-requests', {
    token: requester.token,
    body: {
      recipientId: recipient.id,
      relationship,
      message: `Would you write a few lines about our time together, ${firstName(recipient)}?`,
    },
  });
  tally.requests += 1;
  return /** @type {Created} */ (request).id;
}

/**
 * What happens in one team: the first report asks the manager, who writes it; the manager also
 * recommends the next two unasked (each gets the reciprocity nudge) and the second writes back (a
 * returned favour); two peers recommend each other; one request stays pending.
 */
async function teamActivity(/** @type {{ manager: Employee, reports: Employee[] }} */ team) {
  const { manager, reports } = team;
  const [first, second, third, fourth, fifth] = reports;
  if (first) await recommend(manager, first, 'supervisor', await ask(first, manager, 'supervisor'));
  if (second) {
    await recommend(manager, second, 'supervisor');
    await recommend(second, manager, 'subordinate');
  }
  if (third) await recommend(manager, third, 'supervisor');
  if (third && fourth) await recommend(third, fourth, 'coworker');
  if (fourth && fifth) await ask(fourth, fifth, 'coworker');
}

async function acceptMost(/** @type {Map<string, Employee>} */ staff) {
  // Some people take their time: every fourth employee leaves what they received pending.
  const prompt = COMPANY.filter((_, index) => index % 4 !== 3).map((person) => get(staff, person.key));
  await each('subjects accepting recommendations', prompt, async (employee) => {
    const received = await mustAnswer(200, 'recommendations', 'GET', '/v1/recommendations/received', {
      token: employee.token,
    });
    for (const recommendation of /** @type {RecommendationPage} */ (received).items) {
      if (recommendation.status !== 'pending') continue;
      await mustAnswer(200, 'recommendations', 'POST', `/v1/recommendations/${recommendation.id}/accept`, {
        token: employee.token,
      });
      tally.accepted += 1;
    }
  });
}

/** Helena asks Ana to change hers, Ana revises it, Helena accepts: the revision loop. */
async function reviseOne(/** @type {Map<string, Employee>} */ staff) {
  const helena = get(staff, 'helena');
  const ana = get(staff, 'ana');
  const id = await recommend(ana, helena, 'subordinate');
  await mustAnswer(200, 'recommendations', 'POST', `/v1/recommendations/${id}/request-revision`, {
    token: helena.token,
    body: { message: 'Thank you! Could you mention the hiring plan we wrote together?' },
  });
  await mustAnswer(200, 'recommendations', 'PUT', `/v1/recommendations/${id}`, {
    token: ana.token,
    body: {
      text: `${recommendationText(ana, helena, 'subordinate')} Helena also wrote our hiring plan with me, and it held up for two years.`,
    },
  });
  await mustAnswer(200, 'recommendations', 'POST', `/v1/recommendations/${id}/accept`, {
    token: helena.token,
  });
  tally.accepted += 1;
}

// ------------------------------------------------------------------------------------------- results

/** @typedef {{ subject: string, text: string, to: Array<{ address: string }> }} Email */

/** This run's emails in maildev, once the count stops growing (the sender works through a queue). */
async function emailsOfThisRun() {
  /** @type {Email[]} */
  let emails = [];
  const deadline = Date.now() + 60_000;
  for (let unchangedFor = 0; unchangedFor < 3 && Date.now() < deadline;) {
    await sleep(1_000);
    const response = await fetch(`${MAILDEV_URL}/email`);
    const all = /** @type {Email[]} */ (await response.json());
    const ours = all.filter((email) => email.to.some((to) => to.address.includes(`.${RUN_ID}@`)));
    unchangedFor = ours.length === emails.length ? unchangedFor + 1 : 0;
    emails = ours;
    if (process.stderr.isTTY) process.stderr.write(`\r[demo] emails delivered so far: ${emails.length}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  return emails;
}

async function describeBalance(/** @type {Employee} */ employee, /** @type {Map<string, Employee>} */ staff) {
  const balance = /** @type {Balance} */ (
    await mustAnswer(200, 'recommendations', 'GET', '/v1/recommendations/balance', { token: employee.token })
  );
  const names = new Map([...staff.values()].map((colleague) => [colleague.id, colleague.name]));
  const counts = Object.entries(balance.counts)
    .map(([relationship, count]) => `${count} ${relationship}`)
    .join(', ');
  return [
    `${employee.name}'s balance (GET ${URLS.recommendations}/v1/recommendations/balance as ${employee.email}):`,
    `  accepted: ${counts}`,
    `  missing: ${balance.missing.length > 0 ? balance.missing.join(', ') : 'nothing'}`,
    ...(balance.suggestions.length > 0
      ? balance.suggestions.map(
          (suggestion) =>
            `  ask ${names.get(suggestion.employeeId) ?? suggestion.employeeId}: ${suggestion.reason}`,
        )
      : ['  no one to suggest']),
  ];
}

async function main() {
  for (const [service, url] of Object.entries(URLS)) {
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (!ready)
      throw new Error(`${service} does not answer at ${url}/health/ready: start Vouch first (npm start)`);
  }
  log(`run ${RUN_ID}: Acme, ${COMPANY.length} employees, addresses *.${RUN_ID}@acme.com`);
  const staff = await hire();
  const companyIdp = await introduceToCompanyIdp(staff);
  await each('connecting colleagues', colleaguesToConnect(staff), ([requester, addressee]) =>
    connect(requester, addressee),
  );
  await each('asking for and writing recommendations, team by team', teams(staff), teamActivity);
  await reviseOne(staff);
  await acceptMost(staff);

  const emails = await emailsOfThisRun();
  const nudges = emails.filter((email) => email.text.includes('The easiest way to thank'));
  const lines = [
    '',
    `Acme is on Vouch (run ${RUN_ID}): ${staff.size} employees, ${tally.connections} connections, ` +
      `${tally.requests} requests, ${tally.recommendations} recommendations written, ${tally.accepted} accepted.`,
    '',
    `Inbox: ${MAILDEV_URL}  (${emails.length} emails to this run's employees, ${nudges.length} reciprocity nudges:`,
    `  open one titled "… recommended you" and look for "the easiest way to thank …")`,
    '',
    ...(await describeBalance(get(staff, 'ben'), staff)),
    '',
    `Log in as anyone: POST ${URLS.identity}/v1/auth/login {"email":"${get(staff, 'ben').email}","password":"${PASSWORD}"}`,
    ...(companyIdp
      ? [
          `or, in the portal, "Sign in with your company account" and type ${get(staff, 'ben').email} at the development company IdP`,
        ]
      : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
