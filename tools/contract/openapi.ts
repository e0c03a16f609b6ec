/**
 * The services' OpenAPI documents (docs/openapi/<service>.json), built from their controllers and
 * DTOs as each serves it at `/docs-json`, and the portal's API types generated from them.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import type { GeneratedFile } from './generated-file';

const SERVICES = ['identity', 'connections', 'recommendations', 'notifications'] as const;

const root = join(__dirname, '..', '..');

/**
 * A service's OpenAPI document, from its own `src/openapi-document.ts` run as a process: the tool
 * reads what the service publishes and never imports a service (the services' boundaries hold for
 * tools too).
 */
async function openApiDocumentOf(service: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', join('services', service, 'src', 'openapi-document.ts')],
    {
      cwd: root,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'tsconfig.json' },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout;
}

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
  const documents = await Promise.all(SERVICES.map(openApiDocumentOf));
  const files: GeneratedFile[] = [];
  for (const [index, service] of SERVICES.entries()) {
    const document = documents[index] ?? '';
    files.push(
      { path: `docs/openapi/${service}.json`, content: document },
      {
        path: `${PORTAL_TYPES_FOLDER}/${service}.generated.ts`,
        content: await portalTypes(service, document),
      },
    );
  }
  return files;
}
