import { KafkaJSProtocolError } from 'kafkajs';
import {
  createKafkaClient,
  explainKafkaError,
  KafkaConnectionError,
  oauthTokenSource,
  type KafkaOAuthClientCredentials,
} from './kafka-client';

const credentials: KafkaOAuthClientCredentials = {
  tokenUrl: 'https://login.example.com/oauth2/token',
  clientId: 'vouch-notifications',
  clientSecret: 'the-client-secret',
  scope: 'kafka',
};

function tokenEndpoint(answers: Array<{ status: number; body: unknown }>) {
  const requests: Array<{ url: string; body: string }> = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), body: String(init?.body) });
    const answer = answers.shift() ?? { status: 500, body: 'no more answers' };
    return new Response(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body), {
      status: answer.status,
    });
  }) as typeof fetch;
  return { requests, fetchImpl };
}

describe('the Kafka client factory', () => {
  it('refuses SASL PLAIN without TLS', () => {
    expect(() =>
      createKafkaClient({
        clientId: 'test',
        brokers: ['127.0.0.1:9'],
        connection: { sasl: { mechanism: 'plain', username: 'u', password: 'p' } },
      }),
    ).toThrow(KafkaConnectionError);
  });

  it('makes clients with TLS and each SASL mechanism', () => {
    for (const sasl of [
      { mechanism: 'scram-sha-256', username: 'u', password: 'p' },
      { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
      { mechanism: 'plain', username: '$ConnectionString', password: 'Endpoint=sb://x/' },
      { mechanism: 'oauthbearer', oauth: credentials },
    ] as const)
      expect(
        createKafkaClient({ clientId: 'test', brokers: ['127.0.0.1:9'], connection: { tls: {}, sasl } }),
      ).toBeDefined();
  });
});

describe('the OAUTHBEARER token', () => {
  it('is fetched with the client-credentials grant, and kept until shortly before it expires', async () => {
    const { requests, fetchImpl } = tokenEndpoint([
      { status: 200, body: { access_token: 'token-1', expires_in: 3600 } },
      { status: 200, body: { access_token: 'token-2', expires_in: 3600 } },
    ]);
    const token = oauthTokenSource({ ...credentials, extensions: { logicalCluster: 'lkc-1' } }, fetchImpl);

    const [first, second] = await Promise.all([token(), token()]);

    expect(first).toEqual({ value: 'token-1', extensions: { logicalCluster: 'lkc-1' } });
    expect(second.value).toBe('token-1');
    expect(requests).toHaveLength(1);
    const form = new URLSearchParams(requests[0]?.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'vouch-notifications',
      client_secret: 'the-client-secret',
      scope: 'kafka',
    });
  });

  it('is fetched again once it is about to expire', async () => {
    const { requests, fetchImpl } = tokenEndpoint([
      { status: 200, body: { access_token: 'short-lived', expires_in: 0.001 } },
      { status: 200, body: { access_token: 'renewed', expires_in: 3600 } },
    ]);
    const token = oauthTokenSource(credentials, fetchImpl);

    await token();
    await new Promise((resolve) => setTimeout(resolve, 5));

    expect((await token()).value).toBe('renewed');
    expect(requests).toHaveLength(2);
  });

  it('says who refused it when the token endpoint refuses the client', async () => {
    const { fetchImpl } = tokenEndpoint([{ status: 401, body: { error: 'invalid_client' } }]);

    await expect(oauthTokenSource(credentials, fetchImpl)()).rejects.toThrow(
      /token endpoint https:\/\/login\.example\.com\/oauth2\/token refused client vouch-notifications \(HTTP 401\).*invalid_client/,
    );
  });
});

describe('a Kafka error, as the operator reads it', () => {
  it('names the settings of a refused login', () => {
    // As kafkajs' KafkaJSSASLAuthenticationError says it.
    const error = new Error(
      'SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512',
    );

    expect(
      explainKafkaError(error, { sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } }),
    ).toMatch(
      /^Kafka refused the SASL SCRAM-SHA-512 login: wrong username or password .*KAFKA_SASL_PASSWORD/,
    );
  });

  it("points at the CA when the brokers' certificate is not trusted, however deep the cause", () => {
    const error = new Error('Connection error', {
      cause: new Error('self-signed certificate in certificate chain'),
    });

    expect(explainKafkaError(error)).toMatch(
      /^Kafka's TLS certificate is not trusted: set KAFKA_TLS_CA_FILE/,
    );
  });

  it('says an ACL is missing when the broker refuses a topic', () => {
    const error = new KafkaJSProtocolError({
      message: 'Not authorized to access topics: [Topic authorization failed]',
      type: 'TOPIC_AUTHORIZATION_FAILED',
      code: 29,
      retriable: false,
    } as unknown as Error);

    expect(explainKafkaError(error)).toMatch(/lacks an ACL/);
  });

  it('names the group ACL among the causes of a coordinator kafkajs could not find', () => {
    expect(explainKafkaError(new Error('Failed to find group coordinator'))).toMatch(
      /may lack an ACL \(READ on the group\)/,
    );
  });

  it('keeps other messages as they are', () => {
    expect(explainKafkaError(new Error('Connection timeout'))).toBe('Connection timeout');
  });
});
