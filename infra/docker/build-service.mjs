#!/usr/bin/env node
// @ts-check
/**
 * Builds one service for plain `node`: compiles its entry point and every workspace file it
 * reaches (the `@vouch/*` libs included) with SWC — the compiler `npm start` and the tests run the
 * code with — into dist/services/<service>/, keeping the repo's layout, with the tsconfig path
 * aliases rewritten to relative requires. Writes a package.json next to it naming only the
 * production dependencies the service needs, so an image installs those and nothing else.
 *
 *   node infra/docker/build-service.mjs <service>      (what `nx run <service>:build` runs)
 *   node dist/services/<service>                        (runs it: package.json `main`)
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformFileSync } from '@swc/core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRepo = createRequire(path.join(REPO_ROOT, 'package.json'));

/** @type {{ compilerOptions: { paths: Record<string, string[]> } }} */
const tsconfig = requireFromRepo('./tsconfig.base.json');
/** @type {{ name: string, version: string, license: string, engines: Record<string, string>, dependencies: Record<string, string>, devDependencies: Record<string, string> }} */
const rootPackage = requireFromRepo('./package.json');

/** The same transform as jest.preset.js and @swc-node/register: Nest needs legacy decorators with metadata. */
const SWC_OPTIONS = /** @type {const} */ ({
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: REPO_ROOT,
    paths: tsconfig.compilerOptions.paths,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
});

const REQUIRE_CALL = /\brequire\("([^"]+)"\)/g;
const BUILTINS = new Set(builtinModules);

/**
 * `@scope/name/sub` → `@scope/name`; `name/sub` → `name`.
 * @param {string} specifier
 */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The .ts file a relative require of compiled code points at.
 * @param {string} fromFile
 * @param {string} specifier
 */
function resolveSource(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${path.relative(REPO_ROOT, fromFile)}: cannot resolve "${specifier}"`);
}

/**
 * Packages the service needs at run time: those its code requires, plus the peer dependencies of
 * those that the workspace declares as production dependencies (Nest loads its platform, the
 * validators and the microservices package that way, never through an import of ours).
 * @param {Iterable<string>} required
 */
function productionDependencies(required) {
  const needed = new Set();
  const queue = [...required];
  while (queue.length > 0) {
    const name = queue.pop();
    if (name === undefined || needed.has(name)) continue;
    if (!(name in rootPackage.dependencies)) {
      const where = name in rootPackage.devDependencies ? 'a devDependency' : 'not a dependency';
      throw new Error(`the service requires ${name}, which is ${where} of the workspace`);
    }
    needed.add(name);
    // Read from disk: packages with an `exports` map do not export their package.json.
    /** @type {{ peerDependencies?: Record<string, string> }} */
    const manifest = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
    );
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      if (peer in rootPackage.dependencies) queue.push(peer);
    }
  }
  return Object.fromEntries([...needed].sort().map((name) => [name, rootPackage.dependencies[name]]));
}

/** @param {string} service */
export function buildService(service) {
  const entry = path.join(REPO_ROOT, 'services', service, 'src', 'main.ts');
  if (!fs.existsSync(entry)) throw new Error(`no service "${service}": ${entry} does not exist`);
  const outDir = path.join(REPO_ROOT, 'dist', 'services', service);
  fs.rmSync(outDir, { recursive: true, force: true });

  // Its commands beside main.ts (identity's `import-people.ts`) go along: an operator runs them in
  // the service's own image, `node services/<service>/src/<command>.js`.
  const sourceDir = path.dirname(entry);
  const commands = fs
    .readdirSync(sourceDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => path.join(sourceDir, file));
  const seen = new Set([entry, ...commands]);
  const queue = [entry, ...commands];
  const packages = new Set();
  while (queue.length > 0) {
    const source = queue.pop();
    if (source === undefined) break;
    const { code, map } = transformFileSync(source, SWC_OPTIONS);
    const target = path.join(outDir, path.relative(REPO_ROOT, source)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (map) fs.writeFileSync(`${target}.map`, map);
    for (const [, specifier] of code.matchAll(REQUIRE_CALL)) {
      if (specifier.startsWith('.')) {
        const dependency = resolveSource(source, specifier);
        if (!seen.has(dependency)) {
          seen.add(dependency);
          queue.push(dependency);
        }
      } else if (!specifier.startsWith('node:') && !BUILTINS.has(specifier)) {
        packages.add(packageName(specifier));
      }
    }
  }
  const outside = [...seen].filter((file) => !/^(services|libs)\//.test(path.relative(REPO_ROOT, file)));
  if (outside.length > 0)
    throw new Error(`compiled files outside services/ and libs/: ${outside.join(', ')}`);

  const manifest = {
    name: `@vouch/${service}-service`,
    version: rootPackage.version,
    private: true,
    license: rootPackage.license,
    engines: rootPackage.engines,
    main: `services/${service}/src/main.js`,
    dependencies: productionDependencies(packages),
  };
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { outDir, files: seen.size, dependencies: Object.keys(manifest.dependencies) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [service] = process.argv.slice(2);
  if (!service) {
    process.stderr.write('usage: node infra/docker/build-service.mjs <service>\n');
    process.exit(2);
  }
  try {
    const { outDir, files, dependencies } = buildService(service);
    process.stdout.write(
      `${service}: ${files} files → ${path.relative(REPO_ROOT, outDir)} (needs ${dependencies.join(', ')})\n`,
    );
  } catch (error) {
    process.stderr.write(
      `${service}: build failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
