import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { loadConfig, createServiceApp } from '@vouch/platform';
import type { CloudEvent } from '@vouch/contracts';
import {
  emailConfirmationToken,
  ServiceUnderTest,
  testInfrastructure,
  type HttpAnswer,
} from '@vouch/testing';
import { AppModule, serviceDescription } from '../src/app.module';
import { identityEnvironment } from '../src/config';

export type Answer<T = Record<string, unknown>> = HttpAnswer<T>;

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

/**
 * The identity service as it runs, over real HTTP, PostgreSQL and Kafka, verifying its own tokens
 * through its own JWKS URL. Each test file gets its database and topics.
 */
export class IdentityApp {
  private constructor(
    private readonly service: ServiceUnderTest,
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

  get baseUrl(): string {
    return this.service.baseUrl;
  }

  /** Its database: another instance started with it as DATABASE_URL shares it, as instances do. */
  get databaseUrl(): string {
    return this.service.context.databaseUrl;
  }

  get topicPrefix(): string {
    return this.service.context.topicPrefix;
  }

  /** `overrides`: added to the environment; a function of the port when a setting names identity's own URL. */
  static async start(
    label: string,
    overrides: Record<string, string> | ((port: number) => Record<string, string>) = {},
  ): Promise<IdentityApp> {
    const adminEmail = newEmail();
    let privateKeyPems: string[] = [];
    const service = await ServiceUnderTest.start(label, (context) => {
      const environment = loadConfig(identityEnvironment, {
        PORT: String(context.port),
        DATABASE_URL: context.databaseUrl,
        KAFKA_BROKERS: context.kafkaBrokers.join(','),
        KAFKA_TOPIC_PREFIX: context.topicPrefix,
        LOG_LEVEL: 'silent',
        JWKS_URL: `http://127.0.0.1:${context.port}/.well-known/jwks.json`,
        JWT_PRIVATE_KEYS: newPrivateKeyPem(),
        ADMIN_EMAILS: adminEmail,
        TRUSTED_PROXIES: 'loopback',
        // The account emails (confirm your email, reset your password) go to maildev.
        SMTP_URL: testInfrastructure().smtpUrl,
        AUTH_PASSWORD_ENABLED: 'true',
        // A test file registers its employees all at once; the tests of these limits set their own.
        REGISTRATIONS_PER_MINUTE: '100000',
        ...(typeof overrides === 'function' ? overrides(context.port) : overrides),
      });
      privateKeyPems = environment.JWT_PRIVATE_KEYS ?? [];
      return createServiceApp(AppModule.forRoot(environment), serviceDescription, context.databaseUrl, {
        trustedProxies: environment.TRUSTED_PROXIES,
      });
    });
    return new IdentityApp(service, privateKeyPems, adminEmail);
  }

  /** One of the running service's providers: for use cases no HTTP endpoint drives (SCIM's). */
  get<T>(type: Type<T>): T {
    return this.service.get(type);
  }

  stop(): Promise<void> {
    return this.service.close();
  }

  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer<T>> {
    return this.service.request<T>(method, path, options);
  }

  /** Events about one employee on one of identity's topics, from the beginning. */
  eventsAbout(topic: string, employeeId: string, count: number): Promise<CloudEvent[]> {
    return this.service.eventsAbout(topic, employeeId, count);
  }

  /**
   * Signs a new employee up with a unique email and confirms it as they would: the token of the
   * "Confirm your email" link from maildev, posted. Fails the test unless both are answered as they
   * should be (202, then 200).
   */
  async register(fields: Record<string, unknown> = {}): Promise<RegisteredEmployee> {
    const body = { email: newEmail(), password: 'correct horse battery staple', name: 'Ana Lima', ...fields };
    const email = String(body.email).trim().toLowerCase();
    // Each from an address of its own, as people sign up from theirs: no test spends another's limit.
    const signUp = await this.call('POST', '/v1/auth/register', {
      body,
      headers: { 'x-forwarded-for': newClientAddress() },
    });
    if (signUp.status !== 202)
      throw new Error(`register answered ${signUp.status}: ${JSON.stringify(signUp.body)}`);
    const answer = await this.confirmEmail(await emailConfirmationToken(email));
    if (answer.status !== 200)
      throw new Error(`the email confirmation answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return {
      id: answer.body.employee.id,
      email,
      password: String(body.password),
      token: answer.body.accessToken,
      body: answer.body.employee,
    };
  }

  /** Posts the token of a "Confirm your email" link, as the portal's page does. */
  confirmEmail(
    token: string,
  ): Promise<Answer<{ employee: { id: string } & Record<string, unknown>; accessToken: string }>> {
    return this.call('POST', '/v1/auth/email-confirmations', { body: { token } });
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
