import { existsSync, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { KafkaConnection, KafkaTls } from '@vouch/kafka-client';
import { isPublishedSecret } from './production-secrets';

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const optionalText = z.preprocess(unsetIfEmpty, z.string().optional());

/** The SASL mechanisms Vouch's Kafka client (kafkajs) speaks. */
export const KAFKA_SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512', 'plain', 'oauthbearer'] as const;

/**
 * How the services reach a secured Kafka cluster: TLS (the CA, a client certificate for mutual
 * TLS) and SASL (SCRAM, PLAIN over TLS, or OAUTHBEARER with a client-credentials token). Files are
 * PEM. Combinations are checked by `kafkaConnectionRules`.
 */
export const kafkaConnectionEnvironment = z.object({
  /** Connect to the brokers over TLS. */
  KAFKA_TLS: z.preprocess(unsetIfEmpty, z.stringbool().default(false)),
  /** The CA that signed the brokers' certificates (PEM); unset, Node's public roots are trusted. */
  KAFKA_TLS_CA_FILE: optionalText,
  /** Mutual TLS: the client certificate (PEM) and its key; both or neither. */
  KAFKA_TLS_CERT_FILE: optionalText,
  KAFKA_TLS_KEY_FILE: optionalText,
  /** Decrypts KAFKA_TLS_KEY_FILE when it is encrypted. */
  KAFKA_TLS_KEY_PASSPHRASE: optionalText,
  KAFKA_SASL_MECHANISM: z.preprocess(
    (value) => (typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined),
    z.enum(KAFKA_SASL_MECHANISMS).optional(),
  ),
  /** SCRAM and PLAIN. */
  KAFKA_SASL_USERNAME: optionalText,
  KAFKA_SASL_PASSWORD: optionalText,
  /** OAUTHBEARER: the OAuth 2.0 token endpoint, client and scope of a client-credentials grant. */
  KAFKA_SASL_OAUTH_TOKEN_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
  KAFKA_SASL_OAUTH_CLIENT_ID: optionalText,
  KAFKA_SASL_OAUTH_CLIENT_SECRET: optionalText,
  KAFKA_SASL_OAUTH_SCOPE: optionalText,
  /** SASL extensions sent with the token, `key=value,…` (Confluent Cloud: logicalCluster, identityPoolId). */
  KAFKA_SASL_OAUTH_EXTENSIONS: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\s*[A-Za-z]+=[^,=\s]+(\s*,\s*[A-Za-z]+=[^,=\s]+)*\s*$/, 'key=value pairs, comma-separated')
      .optional(),
  ),
  /**
   * Production refuses a connection without TLS and authentication unless this is true: for a
   * cluster reachable only over a private network that the operator vouches for.
   */
  KAFKA_ALLOW_PLAINTEXT: z.preprocess(unsetIfEmpty, z.stringbool().default(false)),
});

export type KafkaConnectionEnvironment = z.infer<typeof kafkaConnectionEnvironment>;

/** The shortest SASL password or OAuth client secret accepted in production. */
export const KAFKA_SECRET_MIN_LENGTH = 16;

const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]+?-----END [A-Z0-9 ]+-----/;

function pemFileProblem(name: string, file: string, kind: 'certificate' | 'key'): string | undefined {
  if (!existsSync(file)) return `${name}: ${file} does not exist`;
  if (!statSync(file).isFile()) return `${name}: ${file} is not a file`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `${name}: ${file} cannot be read (${(error as Error).message})`;
  }
  if (!PEM.test(text)) return `${name}: ${file} is not PEM (-----BEGIN …----- text)`;
  if (kind === 'certificate' && !/-----BEGIN CERTIFICATE-----/.test(text))
    return `${name}: ${file} holds no certificate (-----BEGIN CERTIFICATE-----)`;
  if (kind === 'key' && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text))
    return `${name}: ${file} holds no private key (-----BEGIN … PRIVATE KEY-----)`;
  return undefined;
}

/** A consumer's timing, where the environment has it (a service's has, a tool's may not). */
interface KafkaConsumerTiming {
  KAFKA_SESSION_TIMEOUT_MS?: number;
  KAFKA_HEARTBEAT_INTERVAL_MS?: number;
  KAFKA_FETCH_MAX_WAIT_MS?: number;
}

/**
 * Refuses a heartbeat interval above a third of the session timeout, naming it: kafkajs accepts
 * anything below the session, where one late heartbeat would cost the member its partitions. And a
 * fetch that waits longer than a heartbeat interval: kafkajs heartbeats between fetches.
 */
export function kafkaConsumerTimingRules(environment: KafkaConsumerTiming, context: z.RefinementCtx): void {
  const {
    KAFKA_SESSION_TIMEOUT_MS: session,
    KAFKA_HEARTBEAT_INTERVAL_MS: heartbeat,
    KAFKA_FETCH_MAX_WAIT_MS: fetchWait,
  } = environment;
  if (heartbeat !== undefined && fetchWait !== undefined && fetchWait > heartbeat)
    context.addIssue({
      code: 'custom',
      path: ['KAFKA_FETCH_MAX_WAIT_MS'],
      message: `KAFKA_FETCH_MAX_WAIT_MS (${fetchWait}) must be at most KAFKA_HEARTBEAT_INTERVAL_MS (${heartbeat})`,
    });
  if (session === undefined || heartbeat === undefined || heartbeat * 3 <= session) return;
  context.addIssue({
    code: 'custom',
    path: ['KAFKA_HEARTBEAT_INTERVAL_MS'],
    message: `KAFKA_HEARTBEAT_INTERVAL_MS (${heartbeat}) must be at most a third of KAFKA_SESSION_TIMEOUT_MS (${session}): ${Math.floor(session / 3)} or less`,
  });
}

/**
 * For `.superRefine` on a service's environment (and the tools'): refuses, naming the variable, a
 * combination that cannot work — a mechanism without its credentials, PLAIN without TLS, TLS
 * files that are missing or not PEM, a consumer's heartbeat too slow for its session — and, with
 * NODE_ENV=production, a connection without TLS and authentication (unless KAFKA_ALLOW_PLAINTEXT)
 * or a missing, short or published password.
 */
export function kafkaConnectionRules(
  environment: KafkaConnectionEnvironment & KafkaConsumerTiming & { NODE_ENV?: string | undefined },
  context: z.RefinementCtx,
): void {
  const refuse = (path: string, message: string) =>
    context.addIssue({ code: 'custom', path: [path], message });
  const e = environment;
  const tlsFiles = [
    ['KAFKA_TLS_CA_FILE', e.KAFKA_TLS_CA_FILE, 'certificate'],
    ['KAFKA_TLS_CERT_FILE', e.KAFKA_TLS_CERT_FILE, 'certificate'],
    ['KAFKA_TLS_KEY_FILE', e.KAFKA_TLS_KEY_FILE, 'key'],
  ] as const;
  for (const [name, file, kind] of tlsFiles) {
    if (file === undefined) continue;
    if (!e.KAFKA_TLS) refuse(name, `${name} is set but KAFKA_TLS is not true: set KAFKA_TLS=true to use it`);
    const problem = pemFileProblem(name, file, kind);
    if (problem) refuse(name, problem);
  }
  if ((e.KAFKA_TLS_CERT_FILE === undefined) !== (e.KAFKA_TLS_KEY_FILE === undefined))
    refuse(
      e.KAFKA_TLS_CERT_FILE === undefined ? 'KAFKA_TLS_CERT_FILE' : 'KAFKA_TLS_KEY_FILE',
      'mutual TLS needs both KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE',
    );
  if (e.KAFKA_TLS_KEY_PASSPHRASE !== undefined && e.KAFKA_TLS_KEY_FILE === undefined)
    refuse('KAFKA_TLS_KEY_PASSPHRASE', 'KAFKA_TLS_KEY_PASSPHRASE is set without KAFKA_TLS_KEY_FILE');

  const mechanism = e.KAFKA_SASL_MECHANISM;
  const passwordMechanism = mechanism !== undefined && mechanism !== 'oauthbearer';
  const oauthVariables = [
    'KAFKA_SASL_OAUTH_TOKEN_URL',
    'KAFKA_SASL_OAUTH_CLIENT_ID',
    'KAFKA_SASL_OAUTH_CLIENT_SECRET',
  ] as const;
  if (passwordMechanism) {
    if (e.KAFKA_SASL_USERNAME === undefined)
      refuse('KAFKA_SASL_USERNAME', `KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM=${mechanism}`);
    if (e.KAFKA_SASL_PASSWORD === undefined)
      refuse('KAFKA_SASL_PASSWORD', `KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM=${mechanism}`);
    if (mechanism === 'plain' && !e.KAFKA_TLS)
      refuse(
        'KAFKA_SASL_MECHANISM',
        'KAFKA_SASL_MECHANISM=plain sends the password in clear text: it needs KAFKA_TLS=true',
      );
  } else {
    for (const name of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const)
      if (e[name] !== undefined)
        refuse(
          name,
          `${name} is set but KAFKA_SASL_MECHANISM is ${mechanism ?? 'unset'}: set it to scram-sha-256, scram-sha-512 or plain`,
        );
  }
  if (mechanism === 'oauthbearer') {
    for (const name of oauthVariables)
      if (e[name] === undefined) refuse(name, `${name} is required with KAFKA_SASL_MECHANISM=oauthbearer`);
  } else {
    for (const name of [...oauthVariables, 'KAFKA_SASL_OAUTH_SCOPE', 'KAFKA_SASL_OAUTH_EXTENSIONS'] as const)
      if (e[name] !== undefined)
        refuse(name, `${name} is set but KAFKA_SASL_MECHANISM is ${mechanism ?? 'unset'}, not oauthbearer`);
  }

  kafkaConsumerTimingRules(environment, context);

  if (environment.NODE_ENV !== 'production') return;
  const authenticated = mechanism !== undefined || e.KAFKA_TLS_CERT_FILE !== undefined;
  if (!e.KAFKA_ALLOW_PLAINTEXT && (!e.KAFKA_TLS || !authenticated))
    refuse(
      e.KAFKA_TLS ? 'KAFKA_SASL_MECHANISM' : 'KAFKA_TLS',
      'production connects to Kafka over TLS with authentication (KAFKA_TLS=true and KAFKA_SASL_MECHANISM, ' +
        'or a client certificate): set them, or KAFKA_ALLOW_PLAINTEXT=true for a cluster on a private network',
    );
  const secrets = [
    ['KAFKA_SASL_PASSWORD', passwordMechanism ? e.KAFKA_SASL_PASSWORD : undefined],
    [
      'KAFKA_SASL_OAUTH_CLIENT_SECRET',
      mechanism === 'oauthbearer' ? e.KAFKA_SASL_OAUTH_CLIENT_SECRET : undefined,
    ],
  ] as const;
  for (const [name, value] of secrets) {
    if (value === undefined) continue;
    if (isPublishedSecret(value) || value.toLowerCase() === e.KAFKA_SASL_USERNAME?.toLowerCase())
      refuse(
        name,
        `${name} is a value published in the Vouch repository or the username: generate one (openssl rand -base64 32)`,
      );
    else if (value.length < KAFKA_SECRET_MIN_LENGTH)
      refuse(name, `${name} must be at least ${KAFKA_SECRET_MIN_LENGTH} characters in production`);
  }
  if (e.KAFKA_TLS_KEY_PASSPHRASE !== undefined && isPublishedSecret(e.KAFKA_TLS_KEY_PASSPHRASE))
    refuse(
      'KAFKA_TLS_KEY_PASSPHRASE',
      'KAFKA_TLS_KEY_PASSPHRASE is a value published in the Vouch repository',
    );
}

/** The client's connection from a validated environment: TLS files read, SASL credentials gathered. */
export function kafkaConnectionOf(environment: KafkaConnectionEnvironment): KafkaConnection {
  const e = environment;
  const read = (file: string | undefined) => (file === undefined ? undefined : readFileSync(file, 'utf8'));
  let tls: KafkaTls | undefined;
  if (e.KAFKA_TLS) {
    tls = {};
    const ca = read(e.KAFKA_TLS_CA_FILE);
    const cert = read(e.KAFKA_TLS_CERT_FILE);
    const key = read(e.KAFKA_TLS_KEY_FILE);
    if (ca !== undefined) tls.ca = ca;
    if (cert !== undefined) tls.cert = cert;
    if (key !== undefined) tls.key = key;
    if (e.KAFKA_TLS_KEY_PASSPHRASE !== undefined) tls.passphrase = e.KAFKA_TLS_KEY_PASSPHRASE;
  }
  const connection: KafkaConnection = tls ? { tls } : {};
  const mechanism = e.KAFKA_SASL_MECHANISM;
  if (mechanism === 'oauthbearer') {
    connection.sasl = {
      mechanism,
      oauth: {
        tokenUrl: e.KAFKA_SASL_OAUTH_TOKEN_URL ?? '',
        clientId: e.KAFKA_SASL_OAUTH_CLIENT_ID ?? '',
        clientSecret: e.KAFKA_SASL_OAUTH_CLIENT_SECRET ?? '',
        ...(e.KAFKA_SASL_OAUTH_SCOPE ? { scope: e.KAFKA_SASL_OAUTH_SCOPE } : {}),
        ...(e.KAFKA_SASL_OAUTH_EXTENSIONS
          ? {
              extensions: Object.fromEntries(
                e.KAFKA_SASL_OAUTH_EXTENSIONS.split(',').map((pair) => {
                  const [key = '', value = ''] = pair.trim().split('=');
                  return [key, value];
                }),
              ),
            }
          : {}),
      },
    };
  } else if (mechanism !== undefined) {
    connection.sasl = {
      mechanism,
      username: e.KAFKA_SASL_USERNAME ?? '',
      password: e.KAFKA_SASL_PASSWORD ?? '',
    };
  }
  return connection;
}
