// @ts-check
/**
 * The repository's TypeScript modules the infra scripts share with the services rather than copy:
 * Vouch's one Kafka client factory (libs/kafka-client) and the topic catalogue (libs/contracts).
 * Loaded through @swc-node/register, as `npm run dlq` loads TypeScript; the require hook is
 * removed once they are loaded, so nothing else in this process is compiled by it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './config.mjs';

/** @typedef {typeof import('../../../libs/kafka-client/src/kafka-client.js')} KafkaClientModule */
/** @typedef {typeof import('../../../libs/contracts/src/topics.js')} TopicsModule */

const require = createRequire(import.meta.url);

/** @type {Map<string, unknown>} */
const loaded = new Map();

/**
 * @param {string} file path from the repository's root
 * @returns {unknown}
 */
function loadTypeScript(file) {
  const cached = loaded.get(file);
  if (cached) return cached;
  const { register } = /** @type {{ register: (options: object) => () => void }} */ (
    require('@swc-node/register/register')
  );
  const { readDefaultTsConfig } = /** @type {{ readDefaultTsConfig: (file: string) => object }} */ (
    require('@swc-node/register/read-default-tsconfig')
  );
  const revert = register(readDefaultTsConfig(path.join(REPO_ROOT, 'tsconfig.json')));
  try {
    const module = require(path.join(REPO_ROOT, file));
    loaded.set(file, module);
    return module;
  } finally {
    revert();
  }
}

/** libs/kafka-client's factory: the one every Vouch process makes its Kafka clients with. */
export function kafkaClientModule() {
  return /** @type {KafkaClientModule} */ (loadTypeScript('libs/kafka-client/src/kafka-client.ts'));
}

/** libs/contracts' topics: their names and owners. */
export function topicsModule() {
  return /** @type {TopicsModule} */ (loadTypeScript('libs/contracts/src/topics.ts'));
}
