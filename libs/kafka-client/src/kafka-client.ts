import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import { fixKafkajsIdleTimer } from './kafkajs-request-queue-fix';

/** TLS towards the brokers: the CA to trust and, for mutual TLS, the client's certificate. PEM text. */
export interface KafkaTls {
  /** The CA(s) that signed the brokers' certificates; unset, Node's public roots are trusted. */
  ca?: string;
  /** The client certificate (mutual TLS, e.g. Amazon MSK's mTLS), with its key. */
  cert?: string;
  key?: string;
  /** Decrypts an encrypted key. */
  passphrase?: string;
}

/** An OAuth 2.0 client-credentials grant whose access token is the OAUTHBEARER token. */
export interface KafkaOAuthClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  /** SASL extensions sent with the token (Confluent Cloud: logicalCluster, identityPoolId). */
  extensions?: Record<string, string>;
}

export type KafkaSasl =
  | { mechanism: 'scram-sha-256' | 'scram-sha-512' | 'plain'; username: string; password: string }
  | { mechanism: 'oauthbearer'; oauth: KafkaOAuthClientCredentials };

/** How a client reaches and proves itself to the brokers: plaintext when both are unset. */
export interface KafkaConnection {
  tls?: KafkaTls;
  sasl?: KafkaSasl;
}

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
  connection?: KafkaConnection;
  connectionTimeout?: number;
  requestTimeout?: number;
  retry?: KafkaConfig['retry'];
  logLevel?: logLevel;
  logCreator?: KafkaConfig['logCreator'];
}

/** Refused before any connection: the settings would send a password in clear text. */
export class KafkaConnectionError extends Error {
  override readonly name = 'KafkaConnectionError';
}

/**
 * The one way Vouch makes a Kafka client: the services, the relay, the consumers, the DLQ tool,
 * the tests and the infra scripts. Applies the kafkajs timer fix, and TLS and SASL as the
 * connection says.
 */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  fixKafkajsIdleTimer();
  const { tls, sasl } = options.connection ?? {};
  if (sasl?.mechanism === 'plain' && !tls)
    throw new KafkaConnectionError('SASL PLAIN sends the password as it is: use it over TLS only');
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: options.connectionTimeout ?? 3_000,
    ...(options.requestTimeout === undefined ? {} : { requestTimeout: options.requestTimeout }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    logLevel: options.logLevel ?? logLevel.WARN,
    ...(options.logCreator ? { logCreator: options.logCreator } : {}),
    ...(tls ? { ssl: { ...tls, rejectUnauthorized: true } } : {}),
    ...(sasl ? { sasl: saslOptions(sasl) } : {}),
  });
}

function saslOptions(sasl: KafkaSasl): SASLOptions {
  if (sasl.mechanism !== 'oauthbearer') return sasl;
  const tokens = oauthTokenSource(sasl.oauth);
  return { mechanism: 'oauthbearer', oauthBearerProvider: tokens };
}

/** Renewed this long before the token expires, so a connection never presents an expired one. */
const TOKEN_RENEWAL_MARGIN_MS = 60_000;

/**
 * Fetches an access token with the client-credentials grant and keeps it until shortly before it
 * expires: kafkajs asks on every connection's authentication, and brokers ask again before the
 * session's token expires (KIP-368), so each call is cheap but never stale. Concurrent callers
 * share one request.
 */
export function oauthTokenSource(
  credentials: KafkaOAuthClientCredentials,
  fetchImpl: typeof fetch = fetch,
): () => Promise<{ value: string; extensions?: Record<string, string> }> {
  let cached: { value: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const request = async (): Promise<string> => {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      ...(credentials.scope ? { scope: credentials.scope } : {}),
    });
    let response: Response;
    try {
      response = await fetchImpl(credentials.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new KafkaConnectionError(
        `Kafka OAUTHBEARER: the token endpoint ${credentials.tokenUrl} did not answer: ${messageOf(error)}`,
      );
    }
    const text = await response.text();
    if (!response.ok)
      throw new KafkaConnectionError(
        `Kafka OAUTHBEARER: the token endpoint ${credentials.tokenUrl} refused client ${credentials.clientId} ` +
          `(HTTP ${response.status}): ${text.slice(0, 300)}`,
      );
    let answer: { access_token?: unknown; expires_in?: unknown };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      answer = {};
    }
    if (typeof answer.access_token !== 'string' || answer.access_token === '')
      throw new KafkaConnectionError(
        `Kafka OAUTHBEARER: the token endpoint ${credentials.tokenUrl} answered without an access_token`,
      );
    const lifetimeMs = (Number(answer.expires_in) || 300) * 1_000;
    cached = {
      value: answer.access_token,
      renewAt: Date.now() + Math.max(lifetimeMs - TOKEN_RENEWAL_MARGIN_MS, lifetimeMs / 2),
    };
    return answer.access_token;
  };
  return async () => {
    let value: string;
    if (cached && Date.now() < cached.renewAt) value = cached.value;
    else {
      pending ??= request().finally(() => {
        pending = undefined;
      });
      value = await pending;
    }
    return credentials.extensions ? { value, extensions: credentials.extensions } : { value };
  };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause =
      error.cause instanceof Error && !error.message.includes(error.cause.message)
        ? `: ${error.cause.message}`
        : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * What an operator should read for a failed connection: kafkajs reports a refused password as
 * "SASL SCRAM SHA512 authentication failed" from deep in its stack, an untrusted certificate as
 * Node's "self-signed certificate in certificate chain", a missing group ACL as a coordinator not
 * found. Other errors keep their message.
 */
export function explainKafkaError(error: unknown, connection: KafkaConnection = {}): string {
  const text = messageOf(error);
  const chain = collectMessages(error).join(' | ');
  const sasl = connection.sasl ? `SASL ${connection.sasl.mechanism.toUpperCase()}` : 'SASL';
  const credentials =
    connection.sasl?.mechanism === 'oauthbearer'
      ? "the token's client (KAFKA_SASL_OAUTH_CLIENT_ID, KAFKA_SASL_OAUTH_SCOPE) and what the brokers expect of it"
      : 'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD';
  if (/SASL .*authentication failed|Authentication failed|SaslAuthenticate/i.test(chain))
    return `Kafka refused the ${sasl} login: wrong username or password (or token) — check ${credentials} (${text})`;
  if (
    /self[- ]signed certificate|unable to (get|verify) .*certificate|certificate (has expired|is not yet valid)|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT|ERR_TLS_CERT_ALTNAME_INVALID|Hostname\/IP does not match/i.test(
      chain,
    )
  )
    return `Kafka's TLS certificate is not trusted: set KAFKA_TLS_CA_FILE to the CA that signed the brokers' certificates (${text})`;
  if (/Unexpected SASL mechanism|UnsupportedSaslMechanism|not enabled|Illegal SASL/i.test(chain))
    return `the brokers do not accept ${sasl}: check KAFKA_SASL_MECHANISM (${text})`;
  if (/TOPIC_AUTHORIZATION_FAILED|GROUP_AUTHORIZATION_FAILED|not authorized|Not authorized/i.test(chain))
    return `Kafka refused the request: the principal lacks an ACL for it (${text})`;
  // kafkajs drops the broker's GROUP_AUTHORIZATION_FAILED on the way (FindCoordinator) and says only this.
  if (/Failed to find group coordinator/.test(chain))
    return `Kafka named no coordinator for the consumer group: the principal may lack an ACL (READ on the group), or the coordinator is still starting (${text})`;
  return text;
}

function collectMessages(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 5) return error === undefined ? [] : [String(error)];
  const own = [`${error.name}: ${error.message}`];
  const { cause, originalError } = error as Error & { originalError?: unknown };
  return [
    ...own,
    ...(cause ? collectMessages(cause, depth + 1) : []),
    ...(originalError ? collectMessages(originalError, depth + 1) : []),
  ];
}
