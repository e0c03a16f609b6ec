// @ts-check
/**
 * The local broker's `sasl_ssl` mode (`up --kafka-security sasl_ssl`, env VOUCH_KAFKA_SECURITY):
 *
 * - TLS: a CA and a broker certificate (SAN 127.0.0.1, localhost) made with openssl into
 *   <home>/kafka/security, once; clients trust ca.pem.
 * - SASL: SCRAM-SHA-256 and SCRAM-SHA-512 users, added with kafka-storage's `--add-scram` when the
 *   storage is formatted: an admin (super user, for tools and the broker itself) and one user per
 *   service, with random passwords kept in <home>/kafka/security/credentials.json.
 * - ACLs (StandardAuthorizer, nothing allowed without an ACL): each service's user gets its own
 *   topics, the topics it consumes, its dead-letter topics and its consumer group, as PREFIXED
 *   patterns after the topic prefix (--kafka-acl-prefix / VOUCH_KAFKA_ACL_PREFIX, empty by default).
 * - The controller listener speaks TLS with client certificates: only the broker's own
 *   certificate gets in.
 *
 * Development and tests only: the keys are unencrypted files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { kafkaClientModule, topicsModule } from './typescript-modules.mjs';
import { InfraError, indent, mkdirp, readJson, run, writeJson } from './util.mjs';

/** @typedef {import('./config.mjs').ResolvedConfig} ResolvedConfig */
/** @typedef {import('../../../libs/kafka-client/src/kafka-client.js').KafkaConnection} KafkaConnection */

export const KAFKA_SECURITY_MODES = /** @type {const} */ (['plaintext', 'sasl_ssl']);
/** @typedef {(typeof KAFKA_SECURITY_MODES)[number]} KafkaSecurityMode */

/** The super user: the broker between its listeners, `infra.mjs` itself, the DLQ tool, the tests' admin. */
export const KAFKA_ADMIN_USER = 'vouch-admin';
/** The broker's certificate subject: its principal on the controller listener, a super user. */
const BROKER_SUBJECT = 'CN=vouch-local-broker';

/** Who consumes whose topics (libs/contracts' owners; each service's `@HandlesEvent` handlers). */
export const SERVICE_CONSUMES = /** @type {const} */ ({
  // identity reads the others' topics for their …ErasureCompleted reports, and recommendations' for
  // RecommendationTakenDown (its audit log), ignoring the rest.
  identity: ['connections', 'recommendations', 'notifications'],
  connections: ['identity'],
  recommendations: ['identity', 'connections'],
  notifications: ['identity', 'connections', 'recommendations'],
});
/** @typedef {keyof typeof SERVICE_CONSUMES} ServiceName */

/**
 * @typedef {object} KafkaCredentials
 * @property {string} caFile
 * @property {'scram-sha-512'} mechanism
 * @property {{ username: string, password: string }} admin
 * @property {Record<ServiceName, { username: string, password: string }>} services
 */

/** @param {ResolvedConfig} cfg */
export function securityPaths(cfg) {
  const dir = path.join(cfg.home, 'kafka', 'security');
  return {
    dir,
    caKey: path.join(dir, 'ca.key'),
    caFile: path.join(dir, 'ca.pem'),
    brokerKey: path.join(dir, 'broker.key'),
    brokerCert: path.join(dir, 'broker.pem'),
    /** key then certificate: Kafka's PEM key store */
    brokerKeystore: path.join(dir, 'broker-keystore.pem'),
    credentials: path.join(dir, 'credentials.json'),
  };
}

/** @param {ResolvedConfig} cfg @returns {KafkaCredentials | null} */
export function readKafkaCredentials(cfg) {
  return /** @type {KafkaCredentials | null} */ (readJson(securityPaths(cfg).credentials));
}

/** The connection the admin's clients use (readiness probe, ACLs). @param {KafkaCredentials} credentials @returns {KafkaConnection} */
export function adminConnection(credentials) {
  return {
    tls: { ca: fs.readFileSync(credentials.caFile, 'utf8') },
    sasl: { mechanism: credentials.mechanism, ...credentials.admin },
  };
}

const password = () => crypto.randomBytes(24).toString('hex');

/**
 * Certificates and credentials for this --home, made on first use and kept.
 * @param {ResolvedConfig} cfg
 * @param {(msg: string) => void} log
 * @returns {Promise<KafkaCredentials>}
 */
export async function ensureKafkaSecurityFiles(cfg, log) {
  const p = securityPaths(cfg);
  mkdirp(p.dir);
  if (!fs.existsSync(p.brokerKeystore)) {
    log(`making a CA and the broker's certificate with openssl in ${p.dir}…`);
    const openssl = async (/** @type {string[]} */ args) => {
      const res = await run('openssl', args, { cwd: p.dir, env: cfg.env }).catch((err) => {
        throw new InfraError(`openssl is needed for --kafka-security sasl_ssl: ${err.message}`);
      });
      if (res.code !== 0)
        throw new InfraError(`openssl ${args[0]} failed (exit ${res.code}):\n${indent(res.output.trim())}`);
    };
    await openssl([
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p.caKey, '-out', p.caFile, '-days', '3650',
      '-subj', '/CN=Vouch local Kafka CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]); // prettier-ignore
    const csr = path.join(p.dir, 'broker.csr');
    const extensions = path.join(p.dir, 'broker.ext');
    fs.writeFileSync(
      extensions,
      'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n' +
        'extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n',
    );
    await openssl([
      'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', p.brokerKey, '-out', csr, '-subj', `/${BROKER_SUBJECT}`,
    ]); // prettier-ignore
    await openssl([
      'x509', '-req', '-in', csr, '-CA', p.caFile, '-CAkey', p.caKey, '-out', p.brokerCert, '-days', '825',
      '-set_serial', `0x${crypto.randomBytes(8).toString('hex')}`, '-extfile', extensions,
    ]); // prettier-ignore
    fs.writeFileSync(
      p.brokerKeystore,
      `${fs.readFileSync(p.brokerKey, 'utf8')}${fs.readFileSync(p.brokerCert, 'utf8')}`,
      { mode: 0o600 },
    );
    fs.rmSync(csr, { force: true });
    fs.rmSync(extensions, { force: true });
  }
  const existing = readKafkaCredentials(cfg);
  if (existing) return existing;
  /** @type {KafkaCredentials} */
  const credentials = {
    caFile: p.caFile,
    mechanism: 'scram-sha-512',
    admin: { username: KAFKA_ADMIN_USER, password: password() },
    services: /** @type {KafkaCredentials['services']} */ (
      Object.fromEntries(
        Object.keys(SERVICE_CONSUMES).map((service) => [
          service,
          { username: service, password: password() },
        ]),
      )
    ),
  };
  writeJson(p.credentials, credentials);
  fs.chmodSync(p.credentials, 0o600);
  return credentials;
}

/**
 * `kafka-storage format` arguments that add every user, for both SCRAM mechanisms.
 * @param {KafkaCredentials} credentials
 */
export function scramFormatArguments(credentials) {
  const users = [credentials.admin, ...Object.values(credentials.services)];
  return users.flatMap(({ username, password: secret }) =>
    ['SCRAM-SHA-256', 'SCRAM-SHA-512'].flatMap((mechanism) => [
      '--add-scram',
      `${mechanism}=[name=${username},password=${secret}]`,
    ]),
  );
}

/** The properties a sasl_ssl broker adds to the template's. @param {ResolvedConfig} cfg @param {KafkaCredentials} credentials */
export function securityProperties(cfg, credentials) {
  const p = securityPaths(cfg);
  const slash = (/** @type {string} */ file) => file.split(path.sep).join('/');
  return `
############################ Security (--kafka-security sasl_ssl) ####
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${credentials.admin.username}" password="${credentials.admin.password}";
ssl.keystore.type=PEM
ssl.keystore.location=${slash(p.brokerKeystore)}
ssl.truststore.type=PEM
ssl.truststore.location=${slash(p.caFile)}
listener.name.controller.ssl.client.auth=required
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:${credentials.admin.username};User:${BROKER_SUBJECT}
`;
}

/**
 * The ACLs of each service's user, as PREFIXED patterns after `topicPrefix`:
 * its own topics (write, create, describe), the topics it consumes (read, describe, create: a
 * consumer creates a missing topic it subscribes to), its dead-letter topics `<topic>.dlq.<group>`
 * (write, create, describe, read) and its consumer group (read, describe).
 * @param {string} topicPrefix
 */
export function serviceAcls(topicPrefix) {
  const { TopicDefinitions } = topicsModule();
  /** @type {Array<{ principal: string, resourceType: 'TOPIC' | 'GROUP', name: string, operations: string[] }>} */
  const acls = [];
  for (const [service, consumes] of Object.entries(SERVICE_CONSUMES)) {
    const principal = `User:${service}`;
    acls.push({
      principal,
      resourceType: 'TOPIC',
      name: `${topicPrefix}vouch.${service}.`,
      operations: ['WRITE', 'CREATE', 'DESCRIBE'],
    });
    for (const owner of /** @type {readonly string[]} */ (consumes)) {
      acls.push({
        principal,
        resourceType: 'TOPIC',
        name: `${topicPrefix}vouch.${owner}.`,
        operations: ['READ', 'CREATE', 'DESCRIBE'],
      });
      for (const definition of TopicDefinitions.filter((topic) => topic.owner === owner))
        acls.push({
          principal,
          resourceType: 'TOPIC',
          name: `${topicPrefix}${definition.name}.dlq.${service}`,
          operations: ['WRITE', 'CREATE', 'DESCRIBE', 'READ'],
        });
    }
    acls.push({
      principal,
      resourceType: 'GROUP',
      name: `${topicPrefix}${service}`,
      operations: ['READ', 'DESCRIBE'],
    });
  }
  return acls;
}

/**
 * Creates the services' ACLs (creating an existing ACL changes nothing).
 * @param {string} brokers
 * @param {KafkaCredentials} credentials
 * @param {string} topicPrefix
 */
export async function grantServiceAcls(brokers, credentials, topicPrefix) {
  const { createKafkaClient } = kafkaClientModule();
  const { AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes, logLevel } = (
    await import('kafkajs')
  ).default;
  const kafka = createKafkaClient({
    clientId: 'vouch-infra-acls',
    brokers: brokers.split(','),
    connection: adminConnection(credentials),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createAcls({
      acl: serviceAcls(topicPrefix).flatMap(({ principal, resourceType, name, operations }) =>
        operations.map((operation) => ({
          principal,
          host: '*',
          resourceType: AclResourceTypes[resourceType],
          resourceName: name,
          resourcePatternType: ResourcePatternTypes.PREFIXED,
          operation: AclOperationTypes[/** @type {keyof typeof AclOperationTypes} */ (operation)],
          permissionType: AclPermissionTypes.ALLOW,
        })),
      ),
    });
  } finally {
    await admin.disconnect();
  }
}
