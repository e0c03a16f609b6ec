const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

/** Maps the `@vouch/*` path aliases of tsconfig.base.json for Jest. */
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

/**
 * Packages published only as ES modules that the services require() (Node 20.19+ loads them; Jest's
 * CommonJS runtime does not): compiled to CommonJS like the sources. openid-client brings oauth4webapi
 * and jose; NestJS 12 is ES modules only, and brings file-type (@nestjs/common), path-to-regexp 9
 * (@fastify/middie), cookie 2 (light-my-request) and content-disposition 3 (@fastify/static). A
 * dependency that turns ESM-only fails a test with "Must use import to load ES Module: <path>": its
 * name goes here. (Jest 30 could also require() them natively under --experimental-vm-modules, but
 * loads them again for every test file: the unit suite took three times as long.)
 */
const esmOnlyPackages = [
  'openid-client',
  'oauth4webapi',
  'jose',
  '@nestjs',
  'file-type',
  'path-to-regexp',
  'cookie',
  'content-disposition',
  // ICU messages: FormatJS ships ES modules only.
  '@formatjs',
  'intl-messageformat',
  'react-intl',
];

const transform = {
  [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: [
    '@swc/jest',
    { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

/**
 * Everything under node_modules is run as it is, but for the ES-module-only packages above, also
 * where npm nested them in another package's node_modules (the last `node_modules/` decides).
 */
const transformIgnorePatterns = [`/node_modules/(?!(.+/node_modules/)?(${esmOnlyPackages.join('|')})/)`];

module.exports = { moduleNameMapper, transform, transformIgnorePatterns };
