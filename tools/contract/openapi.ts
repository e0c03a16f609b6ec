/**
 * The services' OpenAPI documents (docs/openapi/<service>.json), built from their controllers and
 * DTOs as each serves it at `/docs-json`, and the portal's API types generated from them.
 */
import { randomBytes } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig, openApiDocumentOffline, type ServiceDescription } from '@vouch/platform';
import * as connections from '../../services/connections/src/app.module';
import { connectionsEnvironment } from '../../services/connections/src/config';
import * as identity from '../../services/identity/src/app.module';
import { identityEnvironment } from '../../services/identity/src/config';
import * as notifications from '../../services/notifications/src/app.module';
import { notificationsEnvironment } from '../../services/notifications/src/config';
import * as recommendations from '../../services/recommendations/src/app.module';
import { recommendationsEnvironment } from '../../services/recommendations/src/config';
import type { GeneratedFile } from './generated-file';

/**
 * The environment the documents are built in: never the caller's, so every machine generates the
 * same files. The defaults name local infrastructure that is never contacted; nothing here is a
 * secret. No route or schema depends on the environment today.
 */
const GENERATION_ENVIRONMENT = {
  LOG_LEVEL: 'silent',
  // Not the development default, whose use the notifications service warns about at boot.
  UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
  // Set, so neither service warns that it made one up; no route or schema depends on it.
  INVITATION_SECRET: randomBytes(32).toString('base64url'),
};

interface DocumentedService {
  name: string;
  description: ServiceDescription;
  rootModule: () => DynamicModule;
}

const SERVICES: DocumentedService[] = [
  {
    name: 'identity',
    description: identity.serviceDescription,
    rootModule: () =>
      identity.AppModule.forRoot(
        loadConfig(identityEnvironment, {
          ...GENERATION_ENVIRONMENT,
          // Single sign-on's routes exist only when it is configured; the provider is never called.
          OIDC_ISSUER: 'https://idp.openapi-generation.invalid',
          OIDC_CLIENT_ID: 'openapi-generation',
          OIDC_CLIENT_SECRET: randomBytes(32).toString('base64url'),
        }),
      ),
  },
  {
    name: 'connections',
    description: connections.serviceDescription,
    rootModule: () =>
      connections.AppModule.forRoot(loadConfig(connectionsEnvironment, GENERATION_ENVIRONMENT)),
  },
  {
    name: 'recommendations',
    description: recommendations.serviceDescription,
    rootModule: () =>
      recommendations.AppModule.forRoot(loadConfig(recommendationsEnvironment, GENERATION_ENVIRONMENT)),
  },
  {
    name: 'notifications',
    description: notifications.serviceDescription,
    rootModule: () =>
      notifications.AppModule.forRoot(loadConfig(notificationsEnvironment, GENERATION_ENVIRONMENT)),
  },
];

const PORTAL_TYPES_FOLDER = 'services/portal/src/app/api-types';

function portalTypesHeader(service: string): string {
  return `/**
 * Generated from docs/openapi/${service}.json by openapi-typescript: do not edit.
 * Regenerate with \`npm run contract\` after changing the ${service} service's controllers or DTOs.
 */

`;
}

/** The portal's types of one service's API, from its document's JSON: schemas, operations, paths. */
async function portalTypes(service: string, documentJson: string): Promise<string> {
  const nodes = await openapiTS(documentJson, { rootTypes: true, silent: true });
  return portalTypesHeader(service) + astToString(nodes);
}

export async function openApiDocuments(): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const service of SERVICES) {
    const document = JSON.stringify(await openApiDocumentOffline(service.rootModule(), service.description));
    files.push(
      { path: `docs/openapi/${service.name}.json`, content: document },
      {
        path: `${PORTAL_TYPES_FOLDER}/${service.name}.generated.ts`,
        content: await portalTypes(service.name, document),
      },
    );
  }
  return files;
}
