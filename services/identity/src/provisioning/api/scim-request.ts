import type { FastifyRequest } from 'fastify';

/** The absolute URL of /scim/v2 as the caller reached it, for meta.location and Location. */
export function scimBaseOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/scim/v2`;
}
