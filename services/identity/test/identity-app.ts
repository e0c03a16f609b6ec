import type { INestApplication } from '@nestjs/common';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { loadConfig, createServiceApp } from '@vouch/platform';
import { createTestDatabase, testInfrastructure, uniqueTopicPrefix, type TestDatabase } from '@vouch/testing';
import { AppModule, serviceDescription } from '../src/app.module';
import { identityEnvironment } from '../src/config';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RegisteredEmployee {
  id: string;
  email: string;
  password: string;
  token: string;
  body: Record<string, unknown>;
}

export function newPrivateKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A client address of a test's own, so login limits never count another test's attempts. */
export function newClientAddress(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

export function newEmail(domain = 'acme.com'): string {
  return `${randomUUID()}@${domain}`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The identity service as it runs, over real HTTP, PostgreSQL and Kafka, verifying its own tokens
 * through its own JWKS URL. Each test file gets its database and topics.
 */
export class IdentityApp {
  private constructor(
    private readonly app: INestApplication,
    private readonly database: TestDatabase,
    readonly baseUrl: string,
    readonly topicPrefix: string,
    readonly privateKeyPems: string[],
    readonly adminEmail: string,
  ) {}

  private registeredAdmin?: Promise<RegisteredEmployee>;

  /** The key identity signs with, for tests that forge tokens with it. */
  get signingKeyPem(): string {
    const [current] = this.privateKeyPems;
    if (!current) throw new Error('identity was started without a configured key');
    return current;
  }

  static async start(label: string, overrides: Record<string, string> = {}): Promise<IdentityApp> {
    const database = await createTestDatabase(label);
    const port = await freePort();
    const topicPrefix = uniqueTopicPrefix(label);
    const privateKeyPems = [newPrivateKeyPem()];
    const adminEmail = newEmail();
    const environment = loadConfig(identityEnvironment, {
      PORT: String(port),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      LOG_LEVEL: 'silent',
      JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      JWT_PRIVATE_KEYS: privateKeyPems.join('\n'),
      ADMIN_EMAILS: adminEmail,
      TRUSTED_PROXIES: 'loopback',
      ...overrides,
    });
    const app = await createServiceApp(AppModule.forRoot(environment), serviceDescription, database.url);
    await app.listen(port, '127.0.0.1');
    return new IdentityApp(
      app,
      database,
      `http://127.0.0.1:${port}`,
      topicPrefix,
      environment.JWT_PRIVATE_KEYS ?? [],
      adminEmail,
    );
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
  }

  /** Registers a new employee with a unique email; fails the test unless it answers 201. */
  async register(fields: Record<string, unknown> = {}): Promise<RegisteredEmployee> {
    const body = { email: newEmail(), password: 'correct horse battery staple', name: 'Ana Lima', ...fields };
    const answer = await this.call<{ employee: { id: string }; accessToken: string }>(
      'POST',
      '/v1/auth/register',
      { body },
    );
    if (answer.status !== 201)
      throw new Error(`register answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return {
      id: answer.body.employee.id,
      email: String(body.email).trim().toLowerCase(),
      password: String(body.password),
      token: answer.body.accessToken,
      body: answer.body.employee,
    };
  }

  login(email: string, password: string, address = newClientAddress()): Promise<Answer> {
    return this.call('POST', '/v1/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': address },
    });
  }

  /** The admin named in ADMIN_EMAILS, registered on first use; admins only act on others. */
  admin(): Promise<RegisteredEmployee> {
    this.registeredAdmin ??= this.register({ email: this.adminEmail, name: 'Ada Admin' });
    return this.registeredAdmin;
  }
}
