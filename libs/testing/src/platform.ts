import { randomBytes, randomUUID } from 'node:crypto';
import { freePort } from './dedicated-kafka-broker';
import { uniqueTopicPrefix } from './kafka-test-kit';
import { emailConfirmationToken } from './maildev';
import { ServiceProcess } from './service-process';
import type { HttpAnswer } from './service-under-test';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testInfrastructure } from './test-infrastructure';
import { waitFor } from './wait-for';

export const SERVICE_NAMES = ['identity', 'connections', 'recommendations', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** An employee registered through identity, with the token identity gave them. */
export interface Employee {
  id: string;
  name: string;
  email: string;
  token: string;
}

export interface PlatformCallOptions {
  token?: string;
  body?: unknown;
}

/** How a service was started: what `restart` starts it with again. */
interface Launch {
  port: number;
  environment: Record<string, string>;
  databaseUrl: string;
}

const PASSWORD = 'correct horse battery staple';

const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SCIM_ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const SCIM_PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * What tests do to a running Vouch through its HTTP APIs only: call a service, register employees
 * (confirming the address from maildev), draw the org chart over SCIM, connect colleagues. Where the
 * services run is the subclass's: processes of a test file's own (`Platform`) or a compose stack
 * (`RunningStack`).
 */
export abstract class PlatformClient {
  private adminEmployee?: Employee;

  protected constructor(
    /** Whoever registers with this email is an admin (identity's ADMIN_EMAILS). */
    readonly adminEmail: string,
    /** The identity provider's bearer token for identity's /scim/v2 (its SCIM_TOKEN). */
    readonly scimToken: string,
  ) {}

  /** Where `name`'s HTTP API answers (`http://host:port`, no trailing slash). */
  abstract baseUrl(name: ServiceName): string;

  async call<T = Record<string, unknown>>(
    name: ServiceName,
    method: string,
    path: string,
    { token, body }: PlatformCallOptions = {},
  ): Promise<HttpAnswer<T>> {
    const response = await fetch(`${this.baseUrl(name)}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** A call that must answer `status`; the failure message shows what it answered instead. */
  async expectCall<T = Record<string, unknown>>(
    status: number,
    name: ServiceName,
    method: string,
    path: string,
    options: PlatformCallOptions = {},
  ): Promise<T> {
    const answer = await this.call<T>(name, method, path, options);
    if (answer.status !== status)
      throw new Error(`${method} ${name}${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /**
   * Retries a call until it answers `status`: for a service that acts on what another one did and
   * learns of it through Kafka a moment later. Only for calls that change nothing when refused.
   */
  async eventually<T = Record<string, unknown>>(
    status: number,
    name: ServiceName,
    method: string,
    path: string,
    options: PlatformCallOptions = {},
  ): Promise<T> {
    const answer = await waitFor(
      `${method} ${name}${path} to answer ${status}`,
      () => this.call<T>(name, method, path, options),
      (candidate) => candidate.status === status,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    return answer.body;
  }

  /**
   * Registers an employee with a unique email (they sign up themselves, then confirm the address with
   * the link of the "Confirm your email" email maildev received) and, when `manager` is given, has
   * the identity provider place them under `manager` over SCIM, as it draws the org chart.
   */
  async register(name: string, { manager, email }: { manager?: Employee; email?: string } = {}) {
    const address = email ?? `${randomUUID()}@acme.com`;
    await this.expectCall(202, 'identity', 'POST', '/v1/auth/register', {
      body: { email: address, password: PASSWORD, name },
    });
    const answer = await this.expectCall<{ employee: { id: string }; accessToken: string }>(
      200,
      'identity',
      'POST',
      '/v1/auth/email-confirmations',
      { body: { token: await emailConfirmationToken(address.toLowerCase()) } },
    );
    const employee: Employee = { id: answer.employee.id, name, email: address, token: answer.accessToken };
    if (manager) await this.setManager(employee, manager);
    return employee;
  }

  /**
   * Has the identity provider set `employee`'s manager (`null`: none) over SCIM: the first time it
   * adopts the employee who signed up (POST /Users with their email and name), later it patches
   * them. identity publishes `EmployeeManagerChanged` either way.
   */
  async setManager(employee: Employee, manager: Employee | null): Promise<void> {
    const token = this.scimToken;
    const provisioned = await this.call('identity', 'GET', `/scim/v2/Users/${employee.id}`, { token });
    if (provisioned.status === 404) {
      await this.expectCall(201, 'identity', 'POST', '/scim/v2/Users', {
        token,
        body: {
          schemas: [SCIM_USER, SCIM_ENTERPRISE_USER],
          userName: employee.email,
          displayName: employee.name,
          [SCIM_ENTERPRISE_USER]: manager ? { manager: { value: manager.id } } : {},
        },
      });
      return;
    }
    if (provisioned.status !== 200)
      throw new Error(`GET identity/scim/v2/Users/${employee.id} answered ${provisioned.status}`);
    const path = `${SCIM_ENTERPRISE_USER}:manager`;
    await this.expectCall(200, 'identity', 'PATCH', `/scim/v2/Users/${employee.id}`, {
      token,
      body: {
        schemas: [SCIM_PATCH_OP],
        Operations: [manager ? { op: 'replace', path, value: manager.id } : { op: 'remove', path }],
      },
    });
  }

  /** The admin of this platform, registered the first time it is needed. */
  async admin(): Promise<Employee> {
    this.adminEmployee ??= await this.register('Ada Admin', { email: this.adminEmail });
    return this.adminEmployee;
  }

  /**
   * `requester` asks `addressee` to connect and `addressee` accepts, once connections knows them
   * both; resolves with the connection request's id.
   */
  async connect(requester: Employee, addressee: Employee): Promise<string> {
    const request = await this.eventually<{ id: string }>(
      201,
      'connections',
      'POST',
      '/v1/connection-requests',
      { token: requester.token, body: { toEmployeeId: addressee.id } },
    );
    await this.expectCall(200, 'connections', 'POST', `/v1/connection-requests/${request.id}/accept`, {
      token: addressee.token,
    });
    return request.id;
  }
}

/**
 * Some or all of the services as separate processes, configured as `npm start` configures them (only
 * through the environment) but on a database each and a topic prefix of their own, so test files run
 * in parallel on the shared infrastructure. They talk only through Kafka; tests talk to them only
 * through HTTP, and read what they email from maildev.
 */
export class Platform extends PlatformClient {
  /** Instances started by `scaleOut`, beside the one `service()` names. */
  private readonly extraInstances: ServiceProcess[] = [];

  private constructor(
    private readonly services: Map<ServiceName, ServiceProcess>,
    private readonly launches: Map<ServiceName, Launch>,
    private readonly databases: TestDatabase[],
    adminEmail: string,
    /** Before every topic and consumer group of these services: to read their events. */
    readonly topicPrefix: string,
    scimToken: string,
  ) {
    super(adminEmail, scimToken);
  }

  /**
   * Starts `names` (identity is always needed: it issues the tokens); `environment` adds to or
   * overrides one service's configuration.
   */
  static async start(
    label: string,
    names: readonly ServiceName[],
    environment: Partial<Record<ServiceName, Record<string, string>>> = {},
  ): Promise<Platform> {
    const { kafkaBrokers, smtpUrl } = testInfrastructure();
    if (!names.includes('identity')) throw new Error('identity issues the tokens: start it too');
    const adminEmail = `admin-${randomUUID()}@acme.com`;
    // The org chart comes only from the identity provider (or an admin): tests draw it over SCIM.
    const scimToken = randomBytes(32).toString('base64url');
    const topicPrefix = uniqueTopicPrefix(label);
    const planned = await Promise.all(
      names.map(async (name) => ({
        name,
        port: await freePort(),
        database: await createTestDatabase(`e2e_${name}`),
      })),
    );
    const identityPort = planned.find((service) => service.name === 'identity')?.port;
    const shared = {
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      // One partition per topic: a service's events reach the others in the order it wrote them,
      // so an email that arrives proves every earlier event of that service was handled, which is
      // what makes "that other email never came" an observation rather than a guess.
      KAFKA_TOPIC_PARTITIONS: '1',
      LOG_LEVEL: 'warn',
      JWKS_URL: `http://127.0.0.1:${identityPort}/.well-known/jwks.json`,
    };
    // Invitation links: made by notifications, verified by identity, with one secret only they share.
    const invitationSecret = randomBytes(32).toString('base64url');
    const own: Record<ServiceName, Record<string, string>> = {
      identity: {
        ADMIN_EMAILS: adminEmail,
        SCIM_TOKEN: scimToken,
        INVITATION_SECRET: invitationSecret,
        // identity sends the account emails (confirm your email, reset your password) itself.
        SMTP_URL: smtpUrl,
        AUTH_PASSWORD_ENABLED: 'true',
        // The suites (e2e, bench, chaos) sign their whole company up from this machine at once.
        REGISTRATIONS_PER_ADDRESS_PER_HOUR: '1000000',
        REGISTRATIONS_PER_MINUTE: '1000000',
      },
      connections: {},
      recommendations: {},
      // The suites expect each email at whatever hour they run: no quiet hours.
      notifications: { SMTP_URL: smtpUrl, INVITATION_SECRET: invitationSecret, WORKING_HOURS: '00:00-24:00' },
    };
    const launches = new Map(
      planned.map(({ name, port, database }): [ServiceName, Launch] => [
        name,
        {
          port,
          environment: { ...shared, ...own[name], DATABASE_URL: database.url, ...environment[name] },
          databaseUrl: environment[name]?.DATABASE_URL ?? database.url,
        },
      ]),
    );
    const started = await Promise.allSettled(
      [...launches].map(
        async ([name, launch]) =>
          [name, await ServiceProcess.start(name, launch.port, launch.environment)] as const,
      ),
    );
    const services = new Map(
      started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    );
    const platform = new Platform(
      services,
      launches,
      planned.map((service) => service.database),
      adminEmail,
      topicPrefix,
      scimToken,
    );
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await platform.stop();
      throw failure.reason;
    }
    return platform;
  }

  baseUrl(name: ServiceName): string {
    return this.service(name).baseUrl;
  }

  service(name: ServiceName): ServiceProcess {
    const service = this.services.get(name);
    if (!service) throw new Error(`${name} was not started for this test file`);
    return service;
  }

  /** The database `name` runs on. */
  databaseUrl(name: ServiceName): string {
    const launch = this.launches.get(name);
    if (!launch) throw new Error(`${name} was not started for this test file`);
    return launch.databaseUrl;
  }

  /**
   * Stops `name` (if it is still running) and starts it again on the same port, database and
   * configuration, as an orchestrator restarts a crashed process.
   */
  async restart(name: ServiceName): Promise<ServiceProcess> {
    const launch = this.launches.get(name);
    if (!launch) throw new Error(`${name} was not started for this test file`);
    await this.service(name).stop();
    this.services.delete(name);
    const service = await ServiceProcess.start(name, launch.port, launch.environment);
    this.services.set(name, service);
    return service;
  }

  /**
   * Starts one more instance of `name` on a port of its own, with the same database and
   * configuration: scaled out as an orchestrator does, in the same consumer group.
   */
  async scaleOut(name: ServiceName): Promise<ServiceProcess> {
    const launch = this.launches.get(name);
    if (!launch) throw new Error(`${name} was not started for this test file`);
    const instance = await ServiceProcess.start(name, await freePort(), launch.environment);
    this.extraInstances.push(instance);
    return instance;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values(), ...this.extraInstances].map((service) => service.stop()));
    await Promise.all(this.databases.map((database) => database.drop()));
  }
}
