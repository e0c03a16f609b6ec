import { randomBytes } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import { openApiDocumentOffline, type ServiceDescription } from './bootstrap';

/**
 * The environment a service's OpenAPI document is generated in: never the caller's, so every
 * machine generates the same files. The defaults name local infrastructure that is never contacted;
 * nothing here is a secret. No route or schema depends on the environment today.
 */
export const OPENAPI_GENERATION_ENVIRONMENT: Readonly<Record<string, string>> = {
  LOG_LEVEL: 'silent',
  // Not the development default, whose use the notifications service warns about at boot.
  UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
  // Set, so neither service warns that it made one up; no route or schema depends on it.
  INVITATION_SECRET: randomBytes(32).toString('base64url'),
};

/**
 * Writes a service's OpenAPI document to stdout as JSON and nothing else: each service's
 * `src/openapi-document.ts` calls it, and `npm run contract` runs those as processes, so the tool
 * never imports a service.
 */
export function writeOpenApiDocument(rootModule: () => DynamicModule, description: ServiceDescription): void {
  openApiDocumentOffline(rootModule(), description).then(
    (document) => process.stdout.write(JSON.stringify(document)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
