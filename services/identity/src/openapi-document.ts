import { randomBytes } from 'node:crypto';
import { loadConfig, OPENAPI_GENERATION_ENVIRONMENT, writeOpenApiDocument } from '@vouch/platform';
import { AppModule, serviceDescription } from './app.module';
import { identityEnvironment } from './config';

/** `npm run contract` runs this for the service's OpenAPI document (JSON on stdout); nothing connects. */
writeOpenApiDocument(
  () =>
    AppModule.forRoot(
      loadConfig(identityEnvironment, {
        ...OPENAPI_GENERATION_ENVIRONMENT,
        // Single sign-on's routes exist only when it is configured; the provider is never called.
        OIDC_ISSUER: 'https://idp.openapi-generation.invalid',
        OIDC_CLIENT_ID: 'openapi-generation',
        OIDC_CLIENT_SECRET: randomBytes(32).toString('base64url'),
      }),
    ),
  serviceDescription,
);
