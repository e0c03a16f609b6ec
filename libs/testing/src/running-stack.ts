import { readFileSync } from 'node:fs';
import { PlatformClient, type ServiceName } from './platform';

/**
 * A Vouch already running somewhere, as the file `VOUCH_STACK_FILE` names describes it: what
 * `npm run test:containers` writes for the compose stack it brought up.
 */
export interface StackDescription {
  /** The portal: the one origin of the app and every API (and of identity's /scim/v2). */
  portalUrl: string;
  /** maildev's web API, where the stack's emails land. */
  maildevUrl: string;
  /** Each service's database, for a superuser: the reconciler reads them, read-only. */
  databaseUrls: Record<ServiceName, string>;
  /** Whoever registers with this email is an admin (identity's ADMIN_EMAILS). */
  adminEmail: string;
  /** identity's SCIM_TOKEN. */
  scimToken: string;
  /** The compose project, and the environment under which `docker` reaches its engine (DOCKER_HOST). */
  compose: { project: string; environment: Record<string, string> };
}

/** A running Vouch reached only through its portal, as a browser and an identity provider reach it. */
export class RunningStack extends PlatformClient {
  private constructor(readonly description: StackDescription) {
    super(description.adminEmail, description.scimToken);
  }

  /** The stack `VOUCH_STACK_FILE` describes; throws when the variable is unset. */
  static fromEnvironment(): RunningStack {
    const file = process.env['VOUCH_STACK_FILE'];
    if (!file)
      throw new Error('VOUCH_STACK_FILE is not set: run these tests through `npm run test:containers`');
    return new RunningStack(JSON.parse(readFileSync(file, 'utf8')) as StackDescription);
  }

  baseUrl(_name: ServiceName): string {
    return this.description.portalUrl;
  }
}
