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
 * CommonJS runtime does not): compiled to CommonJS like the sources. openid-client brings the other two.
 */
const esmOnlyPackages = ['openid-client', 'oauth4webapi', 'jose'];

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

/** Everything under node_modules is run as it is, but for the ES-module-only packages above. */
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`];

module.exports = { moduleNameMapper, transform, transformIgnorePatterns };
